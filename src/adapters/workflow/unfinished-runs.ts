// The runs of a store that ended without finishing (issue 15): a crash or kill left no `done`, or
// quitting the cockpit stopped them. The cockpit lists them at start and `run-continue` without
// RUN takes the newest; nothing continues on its own.
import fs from 'node:fs';
import path from 'node:path';
import { isUnfinished } from '../../core/workflow/run-memory.js';
import { readRunRecord } from './run-record-reader.js';

/** An unfinished run: its id, its script's name, and when its record last changed (ms). */
export type UnfinishedRun = { readonly id: string; readonly name: string; readonly changedMs: number };

/** The store's unfinished runs, newest first; records that cannot be read are skipped. */
export function unfinishedRuns(storeDir: string): readonly UnfinishedRun[] {
  const runs = path.join(storeDir, 'runs');
  let ids: string[];
  try {
    ids = fs.readdirSync(runs);
  } catch {
    return [];
  }
  const found: UnfinishedRun[] = [];
  for (const id of ids) {
    let changedMs: number;
    try {
      changedMs = fs.statSync(path.join(runs, id, 'run.jsonl')).mtimeMs;
    } catch {
      continue;
    }
    const record = readRunRecord(storeDir, id);
    if (!record.ok || !isUnfinished(record.value.lines)) continue;
    const [first] = record.value.lines;
    found.push({ id, name: first?.type === 'meta' ? first.name : id, changedMs });
  }
  return found.sort((a, b) => b.changedMs - a.changedMs);
}
