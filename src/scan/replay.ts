// A whole scan answered again when nothing it read has changed. A scan is a function of what it
// reads and of its inputs (the profile, the policy, the platform, this build): the same reads give
// the same report. So a scan kept, beside its report, every read it made, in order, with what each
// gave (a file's SHA-256, a folder's listing, whether a path exists, where a link leads, the error
// a read failed with); a later scan with the same inputs makes those reads again, and when every
// one gives what it gave then, answers with the kept report, without collecting, identifying or
// evaluating anything. One read that gives something else, and the scan runs as it always does
// (its reads kept anew). A file is read again unless the disk vouches for it: the stamp it had
// when it was read (device, inode, size, modification and change times; src/ecosystems/fs.ts
// `Stamps`, as git's index keeps them) is the one it has now. A stamp is kept only where the
// file system keeps change times, and only for what had not changed for a while when it was read,
// so a file changed within a clock tick, or written back with its old mtime (npm sets one mtime
// for every file it installs), is read as changed. Everything else is read and hashed again; when
// that was many files whose content had not changed (a tree installed again), the kept scan is
// written again with their new stamps, its report as it was.
//
// Kept in the user's cache folder (never the scanned tree), one file per project, build and inputs,
// on the same conditions as the identifications (src/cli/identification-cache.ts). The inputs must
// be plain data: a scan given hooks (a policy) is kept only when the caller describes them, and a
// value the key cannot hold (a function, a Map) means the scan is not kept.
import { createHash, hash } from 'node:crypto';
import { isAscii } from 'node:buffer';
import { readFileSync, writeFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { unstamped, type Entry, type ReadOnlyFs, type Stamped } from '../ecosystems/fs.js';
import type { Platform } from '../ecosystems/types.js';
import type { Report } from '../types.js';
import { cacheFile, markUsed, removeUnused, writeAtomically } from './cache-files.js';
import { sha256Hex } from '../util/sha256.js';
import { comparesAlike, recordDateComparisons, type DateComparison } from '../util/date-reads.js';

const FORMAT = 'copyfair scan 2';
const PREFIX = 'scans-';
const SUFFIX = '.json';
/** The most kept scans (projects × builds × inputs) the folder holds: past it, the least recently used go. */
export const MAX_FILES = 8;

/**
 * One read and what it gave: [kind, path, limit or null, result, stamp]. Kinds: `t` readText, `b`
 * readBytes, `l` list, `e` exists, `d` isDirectory, `r` real, `o` a read outside the file access
 * (the policy's, through {@link ScanReplay.reader}), `c` the platform's libc. A result is a SHA-256
 * (hex), a listing (its entries, or their SHA-256 when long), `true`/`false`, a path, or `!` and the error the read threw.
 * The stamp, of a file read (`t`, `b`), when the disk gave one it can be trusted for.
 */
export type Read = [kind: string, path: string, limit: number | null, result: string | boolean | null, stamp?: string];

/**
 * Stamps that differ, more than are the same, before a kept scan's stamps are no longer asked: a
 * tree installed again since (`npm ci` on a CI runner whose cache folder was kept) has every
 * installed file's content as it was and none of its stamps, and each stamp asked is a `stat` more
 * than reading the file costs anyway (a stat ~10 µs, a read and its SHA-256 ~25 µs: asking pays
 * while about half the stamps are the same).
 */
export const STAMPS_TRIED = 64;

/** Files read the same under a new stamp before a kept scan is written again with the new stamps (a rewrite of its reads, ~20 ms for the real tree's 4,700). */
export const RESTAMPED_TO_REFRESH = 32;

/** A thrown value the trace cannot describe: a scan that met one is not kept. */
const UNDESCRIBED = '!?';

/** Kept scans of one project, made by one build. */
export interface ScanReplay {
  /**
   * `raw`, with its reads traced: for what reads files outside the scan's own file access (a
   * policy's clarification hashes). Give the scan's hooks this reader, and describe the policy in
   * `inputs`: otherwise a scan with hooks is not kept.
   */
  reader(raw: (path: string) => Buffer | undefined): (path: string) => Buffer | undefined;
  /**
   * The report a scan with `inputs` made, when every read it kept gives the same now through
   * `fs`, `platform` and the reader, and it was made on `date` or each comparison of its date
   * comes out the same on `date`; else undefined (and the scan must run).
   */
  answer(inputs: unknown, date: string | undefined, fs: ReadOnlyFs, platform: Platform | undefined): Promise<Report | undefined>;
  /** Starts tracing a scan with `inputs` on `date`: the file access and platform to scan with, and `keep` for its report. */
  record(inputs: unknown, date: string | undefined, fs: ReadOnlyFs, platform: Platform | undefined): { fs: ReadOnlyFs; platform: Platform | undefined; keep(report: Report): void };
}

/**
 * The kept scans of `project` made by the build `fingerprint`, in `dir`. Nothing is read before the
 * first `answer`. `refresh`: a kept scan that answered though many of its files' stamps had moved
 * keeps their stamps now, so the next scan asks them rather than reading the files again (not on a
 * CI runner, which installs afresh before every scan: there the stamps would move again anyway).
 */
export function openScanReplay(dir: string, fingerprint: string, project: string, { refresh = true }: { refresh?: boolean } = {}): ScanReplay {
  const projectPath = resolve(project);
  let raw: ((path: string) => Buffer | undefined) | undefined;
  let trace: Read[] | undefined;
  const fileFor = (key: string) => cacheFile(dir, PREFIX, fingerprint, [hash('sha256', `${projectPath}\0${key}`, 'hex').slice(0, 24)], SUFFIX);
  return {
    reader(given) {
      raw = given;
      return (path) => {
        let value: Buffer | undefined;
        try {
          value = given(path);
        } catch (error) {
          trace?.push(['o', path, null, failure(error)]);
          throw error;
        }
        trace?.push(['o', path, null, value === undefined ? null : sha256Hex(value)]);
        return value;
      };
    },
    async answer(inputs, date, fs, platform) {
      const key = keyOf(inputs);
      if (key === undefined) return undefined;
      const file = fileFor(key);
      const kept = readKept(file, fingerprint, projectPath, key);
      if (!kept) return undefined;
      // Made on another date: it reads the same on `date` when each comparison of its date (a
      // change date, an exception's expiry) comes out the same, and its report names the date once.
      const sameDate = kept.date === date;
      if (!sameDate && !(kept.date !== undefined && date !== undefined && kept.comparisons !== undefined && comparesAlike(kept.comparisons, kept.date, date))) return undefined;
      const stamps = stampChecker(fs);
      // Files that read the same with another stamp than the one kept (installed again, touched),
      // or a stamp where none was kept (read then within SETTLED_MS of a change).
      const restamped = new Map<Read, string>();
      for (const read of likelyChangedFirst(kept.reads)) {
        if (stamps.vouch(read)) continue;
        const held = await holds(read, fs, platform, raw);
        if (held === false) return undefined;
        if (typeof held === 'string' && held !== read[4]) restamped.set(read, held);
      }
      const report = kept.report();
      if (!report || (!sameDate && !isPlainObject(report.profile))) return undefined;
      if (refresh && restamped.size >= RESTAMPED_TO_REFRESH) restampKept(dir, file, kept, restamped);
      if (!sameDate) report.profile.date = date;
      markUsed(file);
      return report;
    },
    record(inputs, date, fs, platform) {
      const key = keyOf(inputs);
      const comparisons = recordDateComparisons();
      const reads: Read[] = [];
      trace = reads;
      const done = () => {
        if (trace === reads) trace = undefined;
      };
      if (key === undefined) {
        done();
        comparisons.stop();
        return { fs, platform, keep: () => undefined };
      }
      return {
        fs: traced(fs, reads),
        platform: platform && tracedPlatform(platform, reads),
        keep(report) {
          done();
          const compared = comparisons.stop();
          if (reads.some((read) => read[3] === UNDESCRIBED)) return;
          try {
            const file = fileFor(key);
            // The body's parts are hashed and written one after another, never joined: a large
            // tree's report is megabytes, and the scan's peak memory is near its end.
            writeAtomically(dir, file, (descriptor) => writeKept(descriptor, { format: FORMAT, fingerprint, project: projectPath, key, ...(date === undefined ? {} : { date }) }, reads, report, compared));
            removeUnused(dir, file, PREFIX, { maxFiles: MAX_FILES, suffix: SUFFIX });
          } catch {
            // A read-only or full disk, or a report that is no plain data: the next scan runs in full.
          }
        },
      };
    },
  };
}

/**
 * The file: this header as one line of JSON, then the reads as one line, then the report. The
 * header holds each part's SHA-256, so a file damaged in a way that still parses is no kept scan;
 * the report is checked and parsed only once every read gave the same (a changed tree is the common
 * miss, and the report is most of the file).
 */
interface Header {
  format: string;
  fingerprint: string;
  project: string;
  key: string;
  /** The date the scan was made for, when it had one. */
  date?: string;
  /**
   * Each comparison of its date the scan made (src/util/date-reads.ts), when its report names the
   * date once (its profile's): on a date where each comes out the same, it reads the same.
   */
  comparisons?: DateComparison[];
  reads: string;
  report: string;
}

/**
 * Writes a kept scan to the open file `descriptor`: the header, then the reads and the report as
 * JSON, each written in parts of ~64 KB as it is made (a 50,000-package tree's report is ~30 MB,
 * which JSON.stringify would hold whole, twice over as UTF-8, at the scan's peak), then the header
 * again over the first, with the parts' SHA-256 and the scan's comparisons of its date when its
 * report names the date once (in its profile).
 */
function writeKept(descriptor: number, about: Omit<Header, 'reads' | 'report' | 'comparisons'>, reads: Read[], report: Report, comparisons: DateComparison[]): void {
  const unknown = '0'.repeat(64);
  // The longest the header can be (with the comparisons): the header written again over it at the
  // end is padded with spaces to its length, which JSON.parse reads past.
  const placeholder = JSON.stringify({ ...about, comparisons, reads: unknown, report: unknown });
  // writeFileSync on a descriptor writes at its position, all of it (writeSync may write part).
  writeFileSync(descriptor, `${placeholder}\n`);
  let dates = 0;
  const part = (value: unknown, depth: number, countDates: boolean) => {
    const sum = createHash('sha256');
    let parts: string[] = [];
    let length = 0;
    const flush = () => {
      const text = parts.join('');
      sum.update(text);
      writeFileSync(descriptor, text);
      parts = [];
      length = 0;
    };
    writeJson(value, depth, (text) => {
      // A date is in one part: strings are whole, and no part between them holds a digit.
      if (countDates && about.date !== undefined) for (let at = text.indexOf(about.date); at !== -1; at = text.indexOf(about.date, at + 1)) dates++;
      parts.push(text);
      length += text.length;
      if (length >= 65_536) flush();
    });
    flush();
    return sum.digest('hex');
  };
  const readsSum = part(reads, 1, false);
  writeFileSync(descriptor, '\n');
  const reportSum = part(report, 2, true);
  const dateOnce = about.date !== undefined && dates === 1 && report.profile?.date === about.date;
  writeSync(descriptor, JSON.stringify({ ...about, ...(dateOnce ? { comparisons } : {}), reads: readsSum, report: reportSum }).padEnd(placeholder.length), 0);
}

/**
 * `value` as JSON.stringify writes it, handed to `add` in parts: an array's items and an object's
 * fields one at a time, `depth` levels down (a report's components, a trace's reads), each part
 * JSON.stringify's own.
 */
export function writeJson(value: unknown, depth: number, add: (text: string) => void): void {
  if (depth === 0 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    add(JSON.stringify(value) ?? 'null');
  } else if (Array.isArray(value)) {
    add('[');
    for (let at = 0; at < value.length; at++) {
      if (at > 0) add(',');
      const item: unknown = value[at];
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') add('null');
      else writeJson(item, depth - 1, add);
    }
    add(']');
  } else {
    let first = true;
    add('{');
    for (const [name, field] of Object.entries(value)) {
      if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
      add(`${first ? '' : ','}${JSON.stringify(name)}:`);
      first = false;
      writeJson(field, depth - 1, add);
    }
    add('}');
  }
}

/** The kept reads in `file`, and its report on demand, when it is whole and was made for this build, project and key. */
/** A kept scan as read: its header, reads, and report on demand. */
interface Kept {
  header: Partial<Header>;
  date: string | undefined;
  comparisons: DateComparison[] | undefined;
  reads: Read[];
  /** The report's bytes, unchecked. */
  reportBytes: Buffer;
  report(): Report | undefined;
}

function readKept(file: string, fingerprint: string, project: string, key: string): Kept | undefined {
  try {
    // Read as bytes, each part's SHA-256 taken over its bytes (what writeKept hashed: its text's
    // UTF-8) and each part decoded only once it holds: the real tree's 2.6 MB kept scan took 35 ms
    // to read as one UTF-8 text, a few thousand licence characters beyond ASCII making all of it
    // a two-byte string, and its SHA-256s encoded the text to UTF-8 again.
    const bytes = readFileSync(file);
    const headerEnd = bytes.indexOf(0x0a);
    const readsEnd = headerEnd === -1 ? -1 : bytes.indexOf(0x0a, headerEnd + 1);
    if (headerEnd === -1 || readsEnd === -1) return undefined;
    const header = JSON.parse(utf8Text(bytes.subarray(0, headerEnd))) as Partial<Header>;
    if (header.format !== FORMAT || header.fingerprint !== fingerprint || header.project !== project || header.key !== key) return undefined;
    const readsBytes = bytes.subarray(headerEnd + 1, readsEnd);
    if (hash('sha256', readsBytes, 'hex') !== header.reads) return undefined;
    const reads = JSON.parse(utf8Text(readsBytes)) as unknown;
    if (!Array.isArray(reads) || !reads.every(isRead)) return undefined;
    const reportBytes = bytes.subarray(readsEnd + 1);
    return {
      header,
      date: typeof header.date === 'string' ? header.date : undefined,
      comparisons: Array.isArray(header.comparisons) && header.comparisons.every(isComparison) ? header.comparisons : undefined,
      reads,
      reportBytes,
      report() {
        if (hash('sha256', reportBytes, 'hex') !== header.report) return undefined;
        try {
          const report = JSON.parse(utf8Text(reportBytes)) as unknown;
          return report && typeof report === 'object' && !Array.isArray(report) ? (report as Report) : undefined;
        } catch {
          return undefined;
        }
      },
    };
  } catch {
    return undefined;
  }
}

/**
 * Writes the kept scan in `file` again with each read of `restamped` under its new stamp: its reads
 * line and their SHA-256 in its header; the report, which the reads gave as before, as it was.
 */
function restampKept(dir: string, file: string, kept: Kept, restamped: Map<Read, string>): void {
  const reads = kept.reads.map((read): Read => {
    const stamp = restamped.get(read);
    return stamp === undefined ? read : [read[0], read[1], read[2], read[3], stamp];
  });
  // What writeKept writes for them: JSON.stringify's text, one read at a time.
  const text = JSON.stringify(reads);
  const header = JSON.stringify({ ...kept.header, reads: hash('sha256', text, 'hex') });
  try {
    writeAtomically(dir, file, (descriptor) => {
      writeFileSync(descriptor, `${header}\n${text}\n`);
      writeFileSync(descriptor, kept.reportBytes);
    });
  } catch {
    // A read-only or full disk: the next scan reads those files again.
  }
}

/** The text of UTF-8 `bytes`: read as Latin-1 when they are ASCII (the same text, one byte a character, nothing to decode). */
function utf8Text(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

function isComparison(value: unknown): value is DateComparison {
  return Array.isArray(value) && value.length === 2 && (value[0] === '<' || value[0] === '>=' || value[0] === '>') && typeof value[1] === 'string';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isRead(value: unknown): value is Read {
  return Array.isArray(value) && (value.length === 4 || (value.length === 5 && typeof value[4] === 'string')) && typeof value[0] === 'string' && typeof value[1] === 'string' && (value[2] === null || typeof value[2] === 'number');
}

/**
 * Whether the disk vouches that a kept read gives what it gave: the file it read has the stamp it
 * had (src/ecosystems/fs.ts `Stamps`). A read it does not vouch for is made again. Asks no
 * more once {@link STAMPS_TRIED} stamps have differed, more than have been the same.
 */
function stampChecker(fs: ReadOnlyFs): { vouch(read: Read): boolean } {
  const stamps = fs.stamps;
  let same = 0;
  let differed = 0;
  return {
    vouch(read) {
      const stamp = read[4];
      if (stamp === undefined || stamps === undefined || (differed >= STAMPS_TRIED && differed > same)) return false;
      if (stamps.now(read[1]) === stamp) {
        same++;
        return true;
      }
      differed++;
      return false;
    },
  };
}

/**
 * The reads in the order to make them again: every one must give what it gave, so the order
 * changes only how soon a changed tree is found. The project's own files first (a dependency
 * added, removed or upgraded changes its lockfile or manifest), then the listings, then the rest
 * in the scan's order: an edit inside an installed package is found last.
 */
function likelyChangedFirst(reads: Read[]): Read[] {
  const own = reads.filter((read) => !read[1].includes('/'));
  const listings = reads.filter((read) => read[1].includes('/') && read[0] === 'l');
  const rest = reads.filter((read) => read[1].includes('/') && read[0] !== 'l');
  return [...own, ...listings, ...rest];
}

/**
 * Whether `read` gives what it gave when it was kept: false, true, or for a file that does, the
 * stamp the disk gives it now (src/ecosystems/fs.ts `Stamps`), when it gives one.
 */
async function holds(read: Read, fs: ReadOnlyFs, platform: Platform | undefined, raw: ((path: string) => Buffer | undefined) | undefined): Promise<boolean | string> {
  const [kind, path, limit, result] = read;
  if (result === UNDESCRIBED) return false;
  const given = limit ?? undefined;
  const same = (value: Stamped<string | Buffer>) => sha256Hex(value.value) === result && (value.stamp ?? true);
  try {
    switch (kind) {
      case 't':
        return same(await stampedText(fs, path, given));
      case 'b':
        return same(await stampedBytes(fs, path, given));
      case 'l':
        return listing(await fs.list(path)) === result;
      case 'e':
        return (await fs.exists(path)) === result;
      case 'd':
        return (await fs.isDirectory(path)) === result;
      case 'r':
        return (await fs.real(path)) === result;
      case 'o': {
        if (!raw) return false;
        const value = raw(path);
        return (value === undefined ? null : sha256Hex(value)) === result;
      }
      case 'c':
        return platform !== undefined && (platform.libc ?? null) === result;
      default:
        return false;
    }
  } catch (error) {
    return failure(error) === result;
  }
}

/** A file's text read through `fs`, with its stamp where `fs` gives stamps. */
function stampedText(fs: ReadOnlyFs, path: string, limit: number | undefined): Promise<Stamped<string>> {
  return fs.stamps ? fs.stamps.readText(path, limit) : unstamped(fs.readText(path, limit));
}

/** A file's bytes read through `fs`, with its stamp where `fs` gives stamps. */
function stampedBytes(fs: ReadOnlyFs, path: string, limit: number | undefined): Promise<Stamped<Buffer>> {
  return fs.stamps ? fs.stamps.readBytes(path, limit) : unstamped(fs.readBytes(path, limit));
}

/** `fs`, each read appended to `reads` with what it gave. */
function traced(fs: ReadOnlyFs, reads: Read[]): ReadOnlyFs {
  // A file read keeps the stamp the file access gives with it, if any (src/ecosystems/fs.ts `Stamps`).
  const run = async <T>(kind: string, path: string, limit: number | undefined, call: () => Promise<Stamped<T>>, result: (value: T) => string | boolean): Promise<T> => {
    let read: Stamped<T>;
    try {
      read = await call();
    } catch (error) {
      reads.push([kind, path, limit ?? null, failure(error)]);
      throw error;
    }
    reads.push(read.stamp === undefined ? [kind, path, limit ?? null, result(read.value)] : [kind, path, limit ?? null, result(read.value), read.stamp]);
    return read.value;
  };
  const same = <T extends string | boolean>(value: T) => value;
  return {
    root: fs.root,
    readText: (path, limit) => run('t', path, limit, () => stampedText(fs, path, limit), sha256Hex),
    readBytes: (path, limit) => run('b', path, limit, () => stampedBytes(fs, path, limit), sha256Hex),
    list: (path) => run('l', path, undefined, () => unstamped(fs.list(path)), listing),
    exists: (path) => run('e', path, undefined, () => unstamped(fs.exists(path)), same),
    isDirectory: (path) => run('d', path, undefined, () => unstamped(fs.isDirectory(path)), same),
    real: (path) => run('r', path, undefined, () => unstamped(fs.real(path)), same),
  };
}

/** `platform`, its libc (read only when a lockfile names one) appended to `reads` when read. */
function tracedPlatform(platform: Platform, reads: Read[]): Platform {
  return {
    os: platform.os,
    cpu: platform.cpu,
    get libc() {
      const libc = platform.libc;
      reads.push(['c', 'libc', null, libc ?? null]);
      return libc;
    },
  };
}

/** A listing: each entry's kind and name (a name holds no `/` and no NUL), or their SHA-256 when long. */
function listing(entries: Entry[]): string {
  const text = entries.map((entry) => `${entry.kind}/${entry.name}`).join('\0');
  // A package folder's few entries as they are: cheaper than hashing them, and as exact.
  return text.length <= 128 ? `=${text}` : hash('sha256', text, 'hex');
}

/** The error a read threw, as a result: its class, its problem when it has one, and its message. */
function failure(error: unknown): string {
  if (!(error instanceof Error)) return UNDESCRIBED;
  const problem = (error as { problem?: unknown }).problem;
  return `!${error.name}\0${typeof problem === 'string' ? problem : ''}\0${error.message}`;
}

/** The key of `inputs`: their canonical JSON's SHA-256, or undefined when they are not plain data. */
export function keyOf(inputs: unknown): string | undefined {
  try {
    return hash('sha256', canonical(inputs), 'hex');
  } catch {
    return undefined;
  }
}

/** `value` as JSON with its keys sorted; throws on anything but plain data (a function, a Map, a Date). */
function canonical(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('not plain data');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'undefined' : canonical(item))).join(',')}]`;
  if (typeof value === 'object') {
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null) throw new TypeError('not plain data');
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`).join(',')}}`;
  }
  throw new TypeError('not plain data');
}
