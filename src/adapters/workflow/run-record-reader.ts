// Reads a run's record back (the run view opens it; headless runs can be opened afterwards):
// every line parsed with zod, a torn last line (a crash mid-write) repaired as session journals are.
import fs from 'node:fs';
import path from 'node:path';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import { RunRecordLineSchema, type RunRecordLine } from '../../core/workflow/run-record.js';
import { runDirectory } from './run-record-file.js';

/** A run's record as read: its script's text, its lines, and what was repaired. */
export type RunRecord = {
  readonly runId: string;
  readonly script: string;
  readonly lines: readonly RunRecordLine[];
  readonly notices: readonly string[];
};

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (thrown) {
    return { ok: false, message: messageOf(thrown) };
  }
}

/** Cuts a torn tail back to the last whole line, or ends a whole last line with its newline. */
function repairTail(file: string, bytes: Buffer): Result<{ text: string; notice: string | undefined }> {
  const end = bytes.lastIndexOf(0x0a) + 1;
  const text = bytes.subarray(0, end).toString('utf8');
  if (end === bytes.length) return ok({ text, notice: undefined });
  const tail = bytes.subarray(end).toString('utf8');
  try {
    if (parseJson(tail).ok) {
      fs.appendFileSync(file, '\n');
      return ok({ text: `${text}${tail}\n`, notice: `${file}: added the missing newline after the last line` });
    }
    fs.truncateSync(file, end);
    return ok({ text, notice: `${file}: repaired a torn last line (${bytes.length - end} bytes dropped)` });
  } catch (thrown) {
    return err(`${file}: could not repair the last line: ${messageOf(thrown)}`);
  }
}

/** Reads DIR/runs/RUN; a line that is not a record line is an error naming its number. */
export function readRunRecord(storeDir: string, runId: string): Result<RunRecord> {
  const dir = runDirectory(storeDir, runId);
  const file = path.join(dir, 'run.jsonl');
  let bytes: Buffer;
  let script: string;
  try {
    bytes = fs.readFileSync(file);
    script = fs.readFileSync(path.join(dir, 'script.js'), 'utf8');
  } catch (thrown) {
    return err(`${dir}: ${messageOf(thrown)}`);
  }
  const repaired = repairTail(file, bytes);
  if (!repaired.ok) return repaired;
  const lines: RunRecordLine[] = [];
  const texts = repaired.value.text.split('\n');
  texts.pop();
  for (const [index, text] of texts.entries()) {
    const json = parseJson(text);
    if (!json.ok) return err(`${file}:${index + 1}: invalid JSON (${json.message})`);
    const line = RunRecordLineSchema.safeParse(json.value);
    if (!line.success) return err(`${file}:${index + 1}: not a run record line (${line.error.issues[0]?.message ?? 'invalid'})`);
    lines.push(line.data);
  }
  const notice = repaired.value.notice;
  return ok({ runId, script, lines, notices: notice === undefined ? [] : [notice] });
}
