// The identify stage in a worker thread (see identifier.ts): loads the identification data while
// the scan's own thread walks the tree, then reads and identifies the licence files the scan
// names, in order, through its own read-only access to the same project, answering in batches.
import { parentPort, workerData } from 'node:worker_threads';
import { diskFs } from '../ecosystems/fs.js';
import { identifyLicenceText } from '../identify/index.js';
import { readLicence, type Identified, type LicenceRead } from './licence-read.js';

/** One answer: the reading, or only its key when an earlier answer carried that identification. */
export interface Answer {
  file: string;
  read: LicenceRead | { kind: 'known'; sha256: string; key: string };
}

/** Answers go back in batches of at most this many, and at once when nothing more is waiting. */
const BATCH = 16;

const fs = diskFs((workerData as { root: string }).root);
const identified = new Map<string, Identified>();
const sent = new Set<string>();
const queue: string[] = [];
let running = false;

// Warm up while the scan walks: the first identification loads the texts, templates and rules.
identifyLicenceText('LICENSE', 'Permission is hereby granted, free of charge, to any person obtaining a copy');

parentPort!.on('message', (files: string[]) => {
  queue.push(...files);
  if (!running) void drain();
});

async function drain(): Promise<void> {
  running = true;
  let batch: Answer[] = [];
  while (queue.length > 0) {
    const file = queue.shift()!;
    const read = await readLicence(fs, file, identified);
    if (read.kind === 'text' && sent.has(read.key)) batch.push({ file, read: { kind: 'known', sha256: read.sha256, key: read.key } });
    else batch.push({ file, read });
    if (read.kind === 'text') sent.add(read.key);
    if (batch.length >= BATCH || queue.length === 0) {
      parentPort!.postMessage(batch);
      batch = [];
    }
  }
  running = false;
}
