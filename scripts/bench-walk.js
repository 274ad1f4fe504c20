#!/usr/bin/env node
// The floor for `npm run bench`: a plain Node walk of an installed tree that reads every
// package.json and every licence file (scoped and nested packages included) and does nothing else.
//
//   node scripts/bench-walk.js DIR      # prints how many packages and files it read
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LICENCE = /^(licen[cs]e|copying|unlicen[cs]e)/i;
let packages = 0;
let files = 0;

function readPackage(dir) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  packages++;
  for (const name of names) {
    if (name === 'package.json' || LICENCE.test(name)) {
      try {
        readFileSync(join(dir, name), 'utf8');
        files++;
      } catch {
        // a folder named LICENSE, a broken link: the walk only reads what is there
      }
    }
  }
  if (names.includes('node_modules')) walk(join(dir, 'node_modules'));
}

function walk(nodeModules) {
  let entries;
  try {
    entries = readdirSync(nodeModules, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || !(entry.isDirectory() || entry.isSymbolicLink())) continue;
    const dir = join(nodeModules, entry.name);
    if (entry.name.startsWith('@')) for (const scoped of readdirSync(dir)) readPackage(join(dir, scoped));
    else readPackage(dir);
  }
}

walk(join(process.argv[2] ?? '.', 'node_modules'));
process.stdout.write(`${packages} package folders, ${files} files read\n`);
