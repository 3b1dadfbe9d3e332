// The runs of a store (DIR/runs/*), summed up for the session browser. Read only: a live run may
// be appending, so a last line without its newline is skipped here, never repaired (the reader
// that opens one record, run-record-reader.ts, repairs), and an unreadable record is left out.
import fs from 'node:fs';
import path from 'node:path';
import { RunRecordLineSchema, type RunRecordLine } from '../../core/workflow/run-record.js';
import { summarizeRun, type RunSummary } from '../../core/workflow/run-summary.js';

function wholeLines(text: string): RunRecordLine[] {
  const texts = text.split('\n');
  texts.pop();
  return texts.flatMap((line) => {
    try {
      const parsed = RunRecordLineSchema.safeParse(JSON.parse(line));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}

/** Every run in `storeDir` with a readable record; none when the store has no runs yet. */
export function listRuns(storeDir: string): RunSummary[] {
  const runs = path.join(storeDir, 'runs');
  let ids: string[];
  try {
    ids = fs.readdirSync(runs);
  } catch {
    return [];
  }
  return ids.flatMap((id) => {
    const file = path.join(runs, id, 'run.jsonl');
    try {
      const stat = fs.statSync(file);
      return [summarizeRun(id, wholeLines(fs.readFileSync(file, 'utf8')), stat.mtimeMs)];
    } catch {
      return [];
    }
  });
}
