// Where the pinned reference data lives for the scripts that compile or measure from it (never
// needed by a build or a test: their output is committed): $COPYFAIR_SHARED, or a `shared` folder
// beside the clone or beside its parent (a worktree lies one level deeper than the main clone),
// whichever holds data/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export const sharedDir = [process.env.COPYFAIR_SHARED, join(root, '../shared'), join(root, '../../shared')].find((dir) => dir && existsSync(join(dir, 'data'))) ?? join(root, '../shared');
