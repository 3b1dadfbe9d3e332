// The phases a run holds for review (issue 16), kept beside its record in DIR/runs/RUN/holds.json,
// so that continuing the run (`C`, `run-continue`, `run --continue`) holds them again instead of
// handing the answers that were waiting on the person straight to the script. Written whole to a
// temp file and renamed over: a crash leaves the old list or the new one.
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import { runDirectory } from './run-record-file.js';

const HoldsFileSchema = z.object({ version: z.literal(1), phases: z.array(z.string()) });

/** The file's path for run `runId`. */
export function runHoldsPath(storeDir: string, runId: string): string {
  return path.join(runDirectory(storeDir, runId), 'holds.json');
}

/** The phases run `runId` holds; none when the file is missing, an error naming the file when it is broken. */
export function readRunHolds(storeDir: string, runId: string): Result<readonly string[]> {
  const file = runHoldsPath(storeDir, runId);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (thrown) {
    if (thrown instanceof Error && 'code' in thrown && thrown.code === 'ENOENT') return ok([]);
    return err(`${file}: ${messageOf(thrown)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (thrown) {
    return err(`${file}: invalid JSON: ${messageOf(thrown)}`);
  }
  const parsed = HoldsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err(`${file}: ${issue === undefined ? 'invalid' : `${issue.path.join('.') || '(top)'}: ${issue.message}`}`);
  }
  return ok(parsed.data.phases);
}

/** Writes the phases run `runId` holds (its directory is created if the run has not written it yet). */
export function writeRunHolds(storeDir: string, runId: string, phases: readonly string[]): Result<void> {
  const file = runHoldsPath(storeDir, runId);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(temporary, `${JSON.stringify({ version: 1, phases })}\n`, { mode: 0o600 });
    fs.renameSync(temporary, file);
    return ok(undefined);
  } catch (thrown) {
    fs.rmSync(temporary, { force: true });
    return err(`${file}: ${messageOf(thrown)}`);
  }
}
