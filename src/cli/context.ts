// What every command receives: where to write, and how to report the exit code it chose.
import type { Io } from './io.js';

export interface CommandContext {
  io: Io;
  /** Records the exit code; the highest code set during a run wins. */
  exit(code: number): void;
}
