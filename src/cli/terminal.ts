// Colour and width for terminal output: honours NO_COLOR and FORCE_COLOR through chalk's own
// detection, and `--no-color`; width is the terminal's, at most 100, 80 when not a terminal.
import { Chalk, supportsColor, type ChalkInstance } from 'chalk';
import type { Io } from './io.js';

/** A chalk instance for this output: colour only where the terminal (or FORCE_COLOR) wants it. */
export function chalkFor(io: Io, wantColour: boolean | undefined): ChalkInstance {
  if (wantColour === false || process.env.NO_COLOR) return new Chalk({ level: 0 });
  const level = supportsColor ? supportsColor.level : 0;
  return new Chalk({ level: io.isTty || process.env.FORCE_COLOR ? level : 0 });
}

/** The width to wrap text at. */
export function widthFor(io: Io): number {
  const columns = io.isTty ? process.stdout.columns : undefined;
  return columns ? Math.min(Math.max(columns, 60), 100) : 80;
}
