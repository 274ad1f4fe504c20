// Compiles the knowledge base: reads every YAML file under licences/, validates it, checks the
// entries against each other (unique ids and aliases, declared parameters, valid SPDX ids), and
// expands family files into one entry per id. Runs at build time and, from source, in tests.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Condition, Family, Rule, Terms } from '../types.js';
import { SPDX_EXCEPTION_IDS, SPDX_LICENCE_IDS } from './spdx.js';
import {
  locateAt,
  parseYaml,
  validateSchema,
  type LocatedDocument,
  type SourceProblem,
} from './validate.js';
import { compareText } from '../util/compare.js';

const require = createRequire(import.meta.url);

/** A family file as written: shared terms for a list of ids. */
interface FamilyFile {
  family: Family;
  curated: false;
  summary: Terms['summary'];
  obligations?: Terms['obligations'];
  rules: Rule[];
  source?: Terms['source'];
  notes?: string[];
  ids: string[];
  reasons?: Record<string, string>;
  /** A family of exceptions: what each does to the licence it is attached to. */
  effect?: Terms['effect'];
}

/** The compiled knowledge base (the build stores it as dist/kb.json and dist/kb-entries.jsonl, split.ts). */
export interface CompiledKnowledgeBase {
  version: string;
  terms: Terms[];
}

/** The result of compiling: the entries, and every problem found. */
export interface CompileResult {
  kb: CompiledKnowledgeBase;
  problems: SourceProblem[];
}

/** Compiles all YAML under `directory` (normally the repository's `licences/`). */
export function compileKnowledgeBase(directory: string): CompileResult {
  const problems: SourceProblem[] = [];
  const entries: { terms: Terms; doc: LocatedDocument }[] = [];
  for (const file of yamlFiles(directory)) {
    const { doc, problems: syntax } = parseYaml(relative(process.cwd(), file) || file, readFileSync(file, 'utf8'));
    if (syntax.length > 0) {
      problems.push(...syntax);
      continue;
    }
    const isFamily = file.includes(`${join(directory, 'families')}`);
    const schemaProblems = validateSchema(doc, isFamily ? 'family' : 'licence');
    if (schemaProblems.length > 0) {
      problems.push(...schemaProblems);
      continue;
    }
    const value = doc.document.toJS() as Terms | FamilyFile;
    if (isFamily) {
      for (const terms of expandFamily(value as FamilyFile)) entries.push({ terms, doc });
    } else {
      const terms = withDefaults(value as Terms);
      if (basename(file, '.yaml') !== terms.id) {
        problems.push(locateAt(doc, ['id'], `the id \`${terms.id}\` must match the file name (${basename(file)}).`));
      }
      entries.push({ terms, doc });
    }
  }
  problems.push(...crossCheck(entries));
  const terms = entries.map((entry) => entry.terms).sort((a, b) => compareText(a.id, b.id));
  const version = createHash('sha256').update(JSON.stringify(terms)).digest('hex').slice(0, 12);
  return { kb: { version, terms }, problems };
}

function yamlFiles(directory: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory() && entry.name === 'families') files.push(...yamlFiles(path));
    else if (entry.isFile() && entry.name.endsWith('.yaml')) files.push(path);
  }
  return files.sort();
}

function withDefaults(terms: Terms): Terms {
  return { ...terms, aliases: terms.aliases ?? [], obligations: terms.obligations ?? [] };
}

const spdxNames = require('spdx-license-list') as Record<string, { name: string; url: string }>;

function expandFamily(file: FamilyFile): Terms[] {
  return file.ids.map((id) => {
    const notes = [...(file.notes ?? [])];
    const reason = file.reasons?.[id];
    if (reason) notes.push(reason);
    const terms: Terms = {
      id,
      name: spdxNames[id]?.name ?? id,
      aliases: [],
      family: file.family,
      kind: file.effect ? 'exception' : 'licence',
      curated: false,
      summary: file.summary,
      obligations: file.obligations ?? [],
      rules: file.rules,
      source: { url: file.source?.url ?? `https://spdx.org/licenses/${id}.html`, sections: file.source?.sections },
    };
    if (notes.length > 0) terms.notes = notes;
    if (file.effect) terms.effect = file.effect;
    return terms;
  });
}

/** Checks that need the whole knowledge base: uniqueness, SPDX validity, parameter references. */
function crossCheck(entries: { terms: Terms; doc: LocatedDocument }[]): SourceProblem[] {
  const problems: SourceProblem[] = [];
  const owners = new Map<string, string>();
  const claim = (name: string, owner: string, doc: LocatedDocument, path: (string | number)[]) => {
    const key = name.toLowerCase();
    const previous = owners.get(key);
    if (previous !== undefined && previous !== owner) {
      problems.push(locateAt(doc, path, `\`${name}\` is already used by ${previous}; ids and aliases must be unique.`));
    } else {
      owners.set(key, owner);
    }
  };
  for (const { terms, doc } of entries) {
    const where = terms.curated ? [] : ['ids'];
    claim(terms.id, `${terms.id} (${doc.file})`, doc, terms.curated ? ['id'] : where);
    problems.push(...checkId(terms, doc));
    problems.push(...checkParameters(terms, doc));
  }
  for (const { terms, doc } of entries) {
    terms.aliases.forEach((alias, index) => claim(alias, `${terms.id} (${doc.file})`, doc, ['aliases', index]));
  }
  return problems;
}

function checkId(terms: Terms, doc: LocatedDocument): SourceProblem[] {
  if (terms.id.startsWith('LicenseRef-')) return [];
  const known = terms.kind === 'exception' ? SPDX_EXCEPTION_IDS : SPDX_LICENCE_IDS;
  if (known.includes(terms.id)) return [];
  const path = terms.curated ? ['id'] : ['ids'];
  return [locateAt(doc, path, `\`${terms.id}\` is not a current SPDX ${terms.kind} id; use LicenseRef-… for others.`)];
}

function checkParameters(terms: Terms, doc: LocatedDocument): SourceProblem[] {
  const declared = new Set(Object.keys(terms.parameters ?? {}));
  const problems: SourceProblem[] = [];
  terms.rules.forEach((rule, index) => {
    const conditions = Array.isArray(rule.when) ? rule.when : [rule.when];
    const used = conditions.flatMap(parameterNames);
    if (rule.becomes) {
      if (typeof rule.becomes.on === 'object') used.push(rule.becomes.on.param);
      if (rule.becomes.licence.startsWith('$')) used.push(rule.becomes.licence.slice(1));
    }
    for (const name of used) {
      if (!declared.has(name)) {
        problems.push(locateAt(doc, ['rules', index], `rule ${index + 1} uses the parameter \`${name}\`, which \`parameters\` does not declare.`));
      }
    }
  });
  return problems;
}

function parameterNames(condition: Condition): string[] {
  const names: string[] = [];
  for (const value of Object.values(condition)) {
    if (value && typeof value === 'object' && 'param' in value) names.push((value as { param: string }).param);
  }
  names.push(...Object.keys(condition.paramIncludes ?? {}), ...Object.keys(condition.paramSet ?? {}));
  return names;
}

/** The knowledge-base folder shipped with copyfair. */
export function defaultKnowledgeBaseDirectory(): string {
  const fromHere = new URL('../../licences', import.meta.url).pathname;
  return existsSync(fromHere) ? fromHere : join(process.cwd(), 'licences');
}
