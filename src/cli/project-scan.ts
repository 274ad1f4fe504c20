// The scan as `notice` and `payback` run it: the same folder check, policy file, profile, policy
// hooks and scan as `copyfair scan`, so the same components, scopes and verdicts come out.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadPolicy, mergeProfile, policyHooks, type Policy } from '../policy/index.js';
import { scan, type Environment, type ScanHooks, type ScanOptions } from '../scan/index.js';
import type { Platform } from '../ecosystems/types.js';
import type { Outcome, Profile, Report, Use } from '../types.js';
import { labelledPath, scanEnvironment } from './environment.js';
import { identificationCacheFor, readingCacheFor, scanReplayFor } from './identification-cache.js';
import { UsageError } from './errors.js';
import { toolVersion } from './main.js';
import { failOnFromFlags, profileFromFlags, today, type ProfileFlags } from './profile-options.js';

export interface ProjectScan {
  root: string;
  /** The caches and environments outside the project the scan read (`$GOMODCACHE`, a virtualenv): `scannedFiles` mounts them as the scan did. */
  environment: Environment;
  policy: Policy;
  profile: Profile;
  devUses: Use[] | undefined;
  report: Report;
}

/** `--python-env DIR`, which scan, diff, notice and payback share. */
export const PYTHON_ENV_OPTION = ['--python-env <dir>', 'the Python environment to read (default: .venv or venv in the project, else $VIRTUAL_ENV)'] as const;

/** The caches and environments outside the project a scan reads, `--python-env` checked. */
export function environmentFromFlags(flags: { pythonEnv?: string }): Environment {
  if (flags.pythonEnv !== undefined && !existsSync(flags.pythonEnv)) throw new UsageError(`--python-env: ${flags.pythonEnv} does not exist; give the folder of a virtual environment (the one holding pyvenv.cfg).`);
  return scanEnvironment(process.env, flags.pythonEnv);
}

/** The outcomes that fail a run: `--fail-on`, else the policy's (which holds the default when the config sets none). */
export function failOnOf(flags: ProfileFlags, policy: Pick<Policy, 'failOn'>): Outcome[] {
  return failOnFromFlags(flags) ?? policy.failOn;
}

/** Scans `dir` with the project's policy and the profile flags, as `copyfair scan` does. */
export async function scanProject(dir: string, flags: ProfileFlags & { config?: string; cache?: boolean; pythonEnv?: string }): Promise<ProjectScan> {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`${dir} is not a folder; give the project folder.`);
  const environment = environmentFromFlags(flags);
  const policy = readPolicy(root, flags.config);
  const profile: Profile = mergeProfile(policy.profile, profileFromFlags(flags));
  profile.date ??= today();
  // The policy's closing diagnostics (expired exceptions, unused entries) are added by scan() itself.
  const { hooks, kept, save } = policyAndCaches(root, policy, profile.date, environment, flags.cache !== false);
  const report = await scan(root, { profile, devUses: policy.devUses, hooks, toolVersion: toolVersion(), platform: currentPlatform(), environment, ...kept });
  save();
  return { root, environment, policy, profile, devUses: policy.devUses, report };
}

/**
 * The policy's hooks for a scan of `root` on `date` and what scans keep between them (identifications, the
 * project's readings unless `readings` is false, whole scans), as scan, notice and payback make
 * them: the hooks read files through the kept scans' reader, and the policy describes them. `save`
 * after the scan.
 */
export function policyAndCaches(root: string, policy: Policy, date: string, environment: Environment, wanted: boolean, readings = true): { hooks: ScanHooks; kept: Pick<ScanOptions, 'identificationCache' | 'readingCache' | 'replay'>; save(): void } {
  const replay = scanReplayFor(root, process.env, wanted);
  const readFile = (path: string) => readInside(root, path, environment);
  const { hooks } = policyHooks(policy, { date, readFile: replay ? replay.reader(readFile) : readFile });
  const identificationCache = identificationCacheFor(root, process.env, wanted);
  const readingCache = readings ? readingCacheFor(root, process.env, wanted) : undefined;
  return {
    hooks,
    kept: { identificationCache, readingCache, ...(replay ? { replay: { kept: replay, hooks: policy } } : {}) },
    save() {
      identificationCache?.save();
      readingCache?.save();
    },
  };
}

/** The flag scan, diff, notice and payback share: no identification kept or used. */
export const NO_CACHE_OPTION = ['--no-cache', 'identify every licence text afresh and keep nothing in the cache folder ($COPYFAIR_CACHE_DIR, default ~/.cache/copyfair)'] as const;

/** The project's policy; an invalid config is a usage error listing every problem. */
export function readPolicy(root: string, configPath: string | undefined): Policy {
  try {
    return loadPolicy(root, { configPath, relativeTo: root });
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * Reads a file of the scanned tree for the policy (clarification hashes); never outside it, but
 * for the labelled caches the scan mounts (`$CARGO_HOME/…`).
 */
export function readInside(root: string, path: string, environment: Environment = {}): Buffer | undefined {
  if (path.split('/').includes('..')) return undefined;
  try {
    return readFileSync(labelledPath(root, environment, path));
  } catch {
    return undefined;
  }
}

/**
 * This machine, for lockfile-only scans: npm's own os/cpu/libc, read here at the edge. The libc
 * is read on first use: Node's diagnostic report (5-15 ms) is wanted only when a lockfile entry
 * names a libc.
 */
export function currentPlatform(): Platform {
  if (process.platform !== 'linux') return { os: process.platform, cpu: process.arch };
  let libc: string | undefined;
  return {
    os: 'linux',
    cpu: process.arch,
    get libc() {
      if (libc === undefined) {
        const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
        libc = header?.glibcVersionRuntime ? 'glibc' : 'musl';
      }
      return libc;
    },
  };
}
