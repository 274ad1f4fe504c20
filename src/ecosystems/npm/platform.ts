// Which lockfile packages are installed on this platform: npm skips a package whose `os`, `cpu`
// or `libc` exclude the machine (sharp's 14 libvips builds, esbuild's per-platform binaries), so
// a lockfile-only scan must not count them. The platform is data, decided at the CLI's edge.
import type { Platform } from '../types.js';

/** The `os`/`cpu`/`libc` fields of a lockfile entry. */
export interface PlatformFields {
  os?: unknown;
  cpu?: unknown;
  libc?: unknown;
}

/** npm's rule for one field: a `!x` entry excludes x; positive entries, if any, must include it. */
function allows(wanted: unknown, current: string): boolean {
  if (!Array.isArray(wanted) || wanted.length === 0) return typeof wanted === 'string' ? allows([wanted], current) : true;
  const values = wanted.filter((value): value is string => typeof value === 'string');
  if (values.includes(`!${current}`)) return false;
  const positive = values.filter((value) => !value.startsWith('!'));
  return positive.length === 0 || positive.includes(current);
}

/** True when npm would install a package with these fields on `platform` (npm-install-checks). */
export function installsOn(fields: PlatformFields, platform: Platform): boolean {
  if (!allows(fields.os, platform.os) || !allows(fields.cpu, platform.cpu)) return false;
  const libc = fields.libc;
  if (libc === undefined || (Array.isArray(libc) && libc.length === 0)) return true;
  // libc is only checked on Linux; anywhere else a package that names one is not installed.
  return platform.os === 'linux' && platform.libc !== undefined && allows(libc, platform.libc);
}

/** The platform in words: "linux x64 glibc". */
export function describePlatform(platform: Platform): string {
  return [platform.os, platform.cpu, platform.libc].filter(Boolean).join(' ');
}
