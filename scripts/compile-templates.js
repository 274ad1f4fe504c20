// Compiles the SPDX License List's master files (XML templates with the matching markup of the
// SPDX Matching Guidelines: <alt match="regex">, <optional>, <bullet>, <copyrightText>,
// <titleText>) into licences/identify/spdx-templates.json, which the template matcher
// (src/identify/templates.ts) reads. Needs the pinned data in ../shared/data (or a path given as
// the first argument); the compiled file is committed, so a fresh clone builds without it.
//
//   node scripts/compile-templates.js [path/to/spdx-license-list-xml-<commit>.tar.gz]
//
// Data: SPDX License List, © Linux Foundation and its contributors, CC-BY-3.0.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { sharedDir } from './shared-data.js';

const DEFAULT_ARCHIVE = new URL('../../../shared/data/spdx-license-list-xml-e4c1f27.tar.gz', import.meta.url).pathname;
const archive = process.argv[2] ?? (existsSync(DEFAULT_ARCHIVE) ? DEFAULT_ARCHIVE : join(sharedDir, 'data/spdx-license-list-xml-e4c1f27.tar.gz'));
if (!existsSync(archive)) {
  process.stderr.write(`compile-templates: ${archive} not found; pass the SPDX License List XML archive as the first argument\n`);
  process.exit(2);
}
const commit = /xml-([0-9a-f]+)\.tar\.gz$/.exec(archive)?.[1] ?? 'unknown';

const work = mkdtempSync(join(tmpdir(), 'copyfair-spdx-xml-'));
try {
  execFileSync('tar', ['xzf', archive, '-C', work]);
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, trimValues: false, processEntities: true });
  const templates = {};
  for (const folder of ['src', 'src/exceptions']) {
    const directory = join(work, folder);
    for (const name of readdirSync(directory).filter((file) => file.endsWith('.xml')).sort()) {
      const document = parser.parse(readFileSync(join(directory, name), 'utf8'));
      const entry = find(document, (node) => 'license' in node || 'exception' in node);
      if (!entry) continue;
      const attributes = entry[':@'] ?? {};
      const id = attributes['@_licenseId'];
      const children = entry.license ?? entry.exception;
      const text = children.find((node) => 'text' in node);
      if (!id || !text) continue;
      templates[id] = compact(nodes(text.text));
    }
  }
  const ids = Object.keys(templates).sort();
  const out = {
    attribution: 'SPDX License List, © Linux Foundation and its contributors, CC-BY-3.0 (https://spdx.org/licenses/)',
    source: `spdx/license-list-XML commit ${commit}`,
    templates: Object.fromEntries(ids.map((id) => [id, templates[id]])),
  };
  // Each template compressed on its own (raw deflate, base64): a scan inflates only the few
  // templates its texts need, and the file parses in milliseconds.
  const packed = {
    ...out,
    encoding: 'base64 of raw-deflated JSON, per template',
    templates: Object.fromEntries(ids.map((id) => [id, deflateRawSync(JSON.stringify(templates[id]), { level: 9 }).toString('base64')])),
  };
  const json = JSON.stringify(packed);
  const target = new URL('../licences/identify/spdx-templates.json', import.meta.url);
  writeFileSync(target, `${json}\n`);
  process.stdout.write(`templates: ${ids.length} SPDX templates, ${JSON.stringify(out).length} bytes of JSON, ${json.length} bytes packed\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function find(list, test) {
  for (const node of list) {
    if (test(node)) return node;
    for (const [key, value] of Object.entries(node)) {
      if (key !== ':@' && Array.isArray(value)) {
        const hit = find(value, test);
        if (hit) return hit;
      }
    }
  }
  return undefined;
}

/**
 * The template nodes: a string is literal text; {a, t} an <alt> (its regex and its text as the
 * licence prints it); {o} optional text; {c} a copyright notice; {h} a title; {b} a bullet.
 */
function nodes(list) {
  const out = [];
  for (const node of list) {
    if ('#text' in node) out.push(String(node['#text']));
    else if ('p' in node) out.push('\n', ...nodes(node.p), '\n');
    else if ('br' in node) out.push('\n');
    else if ('list' in node) out.push('\n', ...nodes(node.list), '\n');
    else if ('item' in node) out.push('\n', ...nodes(node.item), '\n');
    else if ('bullet' in node) out.push({ b: plain(node.bullet).trim() });
    else if ('alt' in node) out.push({ a: node[':@']?.['@_match'] ?? '', t: plain(node.alt) });
    else if ('optional' in node) out.push({ o: compact(nodes(node.optional)) });
    else if ('copyrightText' in node) out.push({ c: compact(nodes(node.copyrightText)) });
    else if ('titleText' in node) out.push({ h: compact(nodes(node.titleText)) });
    else if ('standardLicenseHeader' in node) out.push({ o: compact(nodes(node.standardLicenseHeader)) });
    else if ('B' in node || 'b' in node || 'i' in node || 'u' in node) out.push(...nodes(node.B ?? node.b ?? node.i ?? node.u));
    // crossRefs, notes, obsoletedBys: not part of the text.
  }
  return out;
}

function plain(list) {
  return nodes(list)
    .map((node) => (typeof node === 'string' ? node : ''))
    .join('');
}

/** Joins adjacent strings and squeezes white space, keeping line breaks (the normaliser reads lines). */
function compact(list) {
  const out = [];
  for (const node of list) {
    if (typeof node === 'string' && typeof out[out.length - 1] === 'string') out[out.length - 1] += node;
    else out.push(node);
  }
  return out
    .map((node) =>
      typeof node === 'string'
        ? node.replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{2,}/g, '\n')
        : node,
    )
    .filter((node) => node !== '' );
}
