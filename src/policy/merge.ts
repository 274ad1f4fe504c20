// Flags override the config file: one fact at a time, so a flag changes only what it states.
import type { Profile } from '../types.js';

/** The profile from the file with every fact the flags state put on top. */
export function mergeProfile(file: Profile, flags: Profile): Profile {
  const merged: Profile = { ...file };
  for (const [key, value] of Object.entries(flags) as [keyof Profile, Profile[keyof Profile]][]) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}
