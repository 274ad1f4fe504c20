// The commands that read the knowledge base alone: no scan, no policy file, no text index. The CLI
// lists them with the rest (main.ts); main-kb.ts runs them from a bundle of their own, an eighth of
// the whole CLI's, which is all `copyfair check` reads and compiles at each start.
import type { CommandEntry } from './run-commands.js';

export const KB_COMMANDS = {
  check: { names: ['check'], load: () => import('./commands/check.js') },
  explain: { names: ['explain'], load: () => import('./commands/explain.js') },
  licences: { names: ['licences', 'licenses'], load: () => import('./commands/licences.js') },
} satisfies Record<string, CommandEntry>;
