// The disk's stamps (src/ecosystems/fs.ts `Stamps`) are given only for what last changed more
// than SETTLED_MS before it was read. A test cannot wait that long for each tree it writes, so it
// reads with Date's clock that far ahead, as it would read once the time had passed; the file
// system's own times (the kernel's) are untouched.
import { vi } from 'vitest';
import { SETTLED_MS } from '../../src/ecosystems/fs.js';

/** `body`, run with Date's clock SETTLED_MS and a second ahead: what was written just now reads as settled. */
export async function settled<T>(body: () => T | Promise<T>): Promise<T> {
  const ahead = Date.now() + SETTLED_MS + 1_000;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(ahead);
  try {
    return await body();
  } finally {
    vi.useRealTimers();
  }
}

/**
 * Waits out a tick of the file system's clock (Linux stamps a change with a clock that moves once
 * a jiffy, 1–10 ms): a change made after it has other times than one made before. A tree read as
 * settled just after it was written stands in for one written long ago only once this has passed.
 */
export const nextTick = (): Promise<void> => new Promise((done) => setTimeout(done, 25));
