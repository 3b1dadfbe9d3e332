// Writing to an existing run record (issue 15): a continue appends to DIR/runs/RUN/run.jsonl in
// the same run, each script version it runs is kept as script.N.js (script.js is version 1), and
// a revision that comes after the run ended is appended on its own.
import fs from 'node:fs';
import path from 'node:path';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import type { RunRecordLine } from '../../core/workflow/run-record.js';
import { SyncedLineFile } from '../store/line-file.js';
import { writeFileOnce } from '../store/write-once.js';
import { recordWriter, runDirectory, type RunRecordWriter } from './run-record-file.js';

/** The file of script version `version` in a run's folder. */
export function scriptVersionFile(dir: string, version: number): string {
  return path.join(dir, version === 1 ? 'script.js' : `script.${version}.js`);
}

/** Reads script version `version` of a run. */
export function readScriptVersion(storeDir: string, runId: string, version: number): Result<string> {
  const file = scriptVersionFile(runDirectory(storeDir, runId), version);
  try {
    return ok(fs.readFileSync(file, 'utf8'));
  } catch (thrown) {
    return err(`${file}: ${messageOf(thrown)}`);
  }
}

/** Keeps `text` as the run's script version `version` (written once, synced). */
export function writeScriptVersion(storeDir: string, runId: string, version: number, text: string): Result<void> {
  return writeFileOnce(scriptVersionFile(runDirectory(storeDir, runId), version), text);
}

/** Opens a run's record for appending (read it first with readRunRecord: that repairs a torn tail). */
export function reopenRunRecord(storeDir: string, runId: string): Result<RunRecordWriter> {
  const dir = runDirectory(storeDir, runId);
  const opened = SyncedLineFile.open(path.join(dir, 'run.jsonl'));
  if (!opened.ok) return opened;
  return ok(recordWriter(runId, dir, opened.value.lines));
}

/** Appends one line to a closed record and closes it again (a revision after the run ended). */
export function appendOnce(storeDir: string, runId: string, line: RunRecordLine): Result<void> {
  const writer = reopenRunRecord(storeDir, runId);
  if (!writer.ok) return writer;
  const written = writer.value.append(line);
  writer.value.close();
  return written;
}
