// The phases a run holds for review (issue 16), kept beside its record in DIR/runs/RUN/holds.json,
// so that continuing the run (`C`, `run-continue`, `run --continue`) holds them again instead of
// handing the answers that were waiting on the person straight to the script. Written whole to a
// temp file and renamed over: a crash leaves the old list or the new one.
import path from 'node:path';
import * as z from 'zod';
import { ok, type Result } from '../../core/result.js';
import { readJsonFile, writeJsonFile } from '../store/json-file.js';
import { runDirectory } from './run-record-file.js';

const HoldsFileSchema = z.object({ version: z.literal(1), phases: z.array(z.string()) });

/** The file's path for run `runId`. */
export function runHoldsPath(storeDir: string, runId: string): string {
  return path.join(runDirectory(storeDir, runId), 'holds.json');
}

/** The phases run `runId` holds; none when the file is missing, an error naming the file when it is broken. */
export function readRunHolds(storeDir: string, runId: string): Result<readonly string[]> {
  const read = readJsonFile(runHoldsPath(storeDir, runId), HoldsFileSchema, { version: 1, phases: [] });
  return read.ok ? ok(read.value.phases) : read;
}

/** Writes the phases run `runId` holds (its directory is created if the run has not written it yet). */
export function writeRunHolds(storeDir: string, runId: string, phases: readonly string[]): Result<void> {
  return writeJsonFile(runHoldsPath(storeDir, runId), { version: 1, phases });
}
