// The interface every ecosystem implements (one folder each under src/ecosystems): find the
// sources a project has (detect), then read them into components with their evidence (collect).
import type { KeptIdentifications } from '../identify/text-identifier.js';
import type { KnowledgeBase } from '../kb/index.js';
import type { Component, Diagnostic } from '../types.js';
import type { ReadOnlyFs } from './fs.js';

/** One source of dependency information: a lockfile, an installed tree, a manifest. */
export interface Source {
  kind: string;
  /** Relative to the project root. */
  file: string;
  /** The ecosystem that read it (set by the scan). */
  ecosystem?: string;
}

/** A project found in the tree: the root package or one workspace. */
export interface Project {
  name: string;
  version?: string;
  /** Folder relative to the scanned root ('' for the root). */
  directory: string;
}

/** What collect returns. */
export interface Collected {
  projects: Project[];
  components: Component[];
  sources: Source[];
  diagnostics: Diagnostic[];
}

/** The machine a lockfile is installed on (`process.platform`, `process.arch`, Linux's libc). */
export interface Platform {
  os: string;
  cpu: string;
  /** `glibc` or `musl`, on Linux only. */
  libc?: string;
}

export interface CollectOptions {
  /** Only this workspace (by package name or folder). */
  workspace?: string;
  /** For reading declared licences through copyfair's alias table. */
  kb: KnowledgeBase;
  /** Caches and environments outside the project, and the platform. */
  locations?: Locations;
  /** Lockfile-only scans leave out packages whose os/cpu/libc exclude this platform (unset: keep all). */
  platform?: Platform;
  /** Identifications kept between scans, for licence texts read out of metadata (a Python License field). */
  kept?: KeptIdentifications;
  /** What earlier scans of this project read out of the same metadata texts (src/scan/reading-cache.ts). */
  readings?: ReadingCache;
}

/**
 * What earlier scans of a project read out of the same metadata texts, kept by the scan's caller
 * (src/scan/reading-cache.ts); readers work the same without one.
 */
export interface ReadingCache {
  /**
   * What `read` gives for `text`, from the cache when a scan of this project with this build kept
   * it. `reader` names the reader (a new way of reading is a new name or a new build). `read` must
   * return plain JSON data (no undefined values, no Map, no class) and throw what it cannot read:
   * a throw is not kept, so the error is raised again each time. Callers never change the value
   * they are given: one value may serve several askers.
   */
  read<T>(reader: string, text: string, read: (text: string) => T): T;
  /** Writes the file when this scan changed what it should hold; never throws. */
  save(): void;
  /** Marks the file used without reading it: a scan a kept scan answered still needs its readings kept. */
  touch?(): void;
}

/** An ecosystem: npm today; cargo, pip… are new folders implementing the same two functions. */
export interface Ecosystem {
  id: string;
  /** The sources this ecosystem can read in the folder; empty when it has nothing to say. */
  detect(fs: ReadOnlyFs, locations?: Locations): Promise<Source[]>;
  collect(fs: ReadOnlyFs, sources: Source[], options: CollectOptions): Promise<Collected>;
}

/**
 * Places outside the project an ecosystem may read, as paths of the scan's file access (mounted
 * by the scan, e.g. `$CARGO_HOME`), and facts about the machine, all passed in from the CLI edge.
 */
export interface Locations {
  /** Cargo's home (registry cache below `registry/src/`). */
  cargoHome?: string;
  /** Go's module cache (`$GOMODCACHE`, by default `$GOPATH/pkg/mod`). */
  goModCache?: string;
  /** A Python environment the user named (`--python-env`): preferred to the project's own. */
  pythonEnv?: string;
  /** The active Python environment (`$VIRTUAL_ENV`): used when the project has none of its own. */
  virtualEnv?: string;
  /** The platform environment markers are evaluated for (`linux`, `darwin`, `win32`). */
  platform?: string;
  /** The machine, as Node names it (`x64`, `arm64`), for `platform_machine` markers. */
  arch?: string;
}
