// Reads a session journal back: every line parsed with zod, a torn last line (a crash
// mid-write) repaired, and a corrupt line reported with its number and a copy kept aside.
import fs from 'node:fs';
import type { JournalRecord, SessionHeader } from '../../core/journal-record.js';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import type { LoadedJournal, LoadProblem } from '../../core/store.js';
import type { BlobStore } from './blob-store.js';
import { decodeJournalLine } from './journal-line.js';
import { keepCopy } from './quarantine.js';

/** Where a journal lives and where a corrupt one's copy goes. */
export type JournalLocation = { file: string; sessionId: string; quarantine: string };

type Parsed = { header: SessionHeader; records: JournalRecord[] };
type BadLine = { line: number; problem: string };

const newline = 0x0a;

function parseLine(text: string, index: number, sessionId: string, blobs: BlobStore): Result<JournalRecord, BadLine> {
  const line = index + 1;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (thrown) {
    return err({ line, problem: `invalid JSON (${messageOf(thrown)})` });
  }
  const record = decodeJournalLine(json, blobs);
  if (!record.ok) return err({ line, problem: record.error });
  const isHeader = record.value.t === 'session';
  if (index === 0 && !isHeader) return err({ line, problem: 'the first record must be a session header' });
  if (index > 0 && isHeader) return err({ line, problem: 'a session header may only be the first record' });
  if (record.value.t === 'session' && record.value.id !== sessionId) {
    return err({ line, problem: `header id ${JSON.stringify(record.value.id)} does not match the file name` });
  }
  return ok(record.value);
}

function parseLines(text: string, sessionId: string, blobs: BlobStore): Result<Parsed, BadLine> {
  const lines = text.split('\n');
  lines.pop(); // text ends with a newline, so the last piece is empty
  const records: JournalRecord[] = [];
  let header: SessionHeader | undefined;
  for (const [index, line] of lines.entries()) {
    const record = parseLine(line, index, sessionId, blobs);
    if (!record.ok) return record;
    if (record.value.t === 'session') header = record.value;
    records.push(record.value);
  }
  if (header === undefined) return err({ line: 1, problem: 'empty journal (no session header)' });
  return ok({ header, records });
}

/** Cuts a torn tail back to the last whole line, or terminates a complete one; returns the notice. */
function repairTail(file: string, torn: number, end: number, complete: boolean): Result<string, string> {
  try {
    if (complete) {
      fs.appendFileSync(file, '\n');
      return ok(`${file}: added the missing newline after the last line`);
    }
    fs.truncateSync(file, end);
    return ok(`${file}: repaired a torn last line (${torn} bytes dropped)`);
  } catch (thrown) {
    return err(`${file}: could not repair the last line: ${messageOf(thrown)}`);
  }
}

/** Reads a whole journal (header included as the first record); nothing is modified unless the tail was torn. */
export function loadJournal(where: JournalLocation, blobs: BlobStore): Result<LoadedJournal, LoadProblem> {
  const { file } = where;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (thrown) {
    const missing = thrown instanceof Error && 'code' in thrown && thrown.code === 'ENOENT';
    return err({ path: file, message: missing ? `${file}: no such journal` : `${file}: ${messageOf(thrown)}` });
  }
  const end = bytes.lastIndexOf(newline) + 1;
  let text = bytes.subarray(0, end).toString('utf8');
  const tail = end < bytes.length ? bytes.subarray(end).toString('utf8') : undefined;
  let tailIsComplete = false;
  if (tail !== undefined) {
    try {
      JSON.parse(tail);
      tailIsComplete = true;
      text += `${tail}\n`;
    } catch {
      // A torn write: dropped below once the rest of the journal has proved sound.
    }
  }
  const parsed = parseLines(text, where.sessionId, blobs);
  if (!parsed.ok) {
    const copy = keepCopy(file, where.quarantine, where.sessionId, '.jsonl');
    const kept = copy.ok ? `copy kept at ${copy.value}` : `could not keep a copy: ${copy.error}`;
    return err({ path: file, message: `${file}:${parsed.error.line}: ${parsed.error.problem} (${kept})` });
  }
  const notices: string[] = [];
  if (tail !== undefined) {
    const repaired = repairTail(file, bytes.length - end, end, tailIsComplete);
    if (!repaired.ok) return err({ path: file, message: repaired.error });
    notices.push(repaired.value);
  }
  return ok({ header: parsed.value.header, records: parsed.value.records, notices });
}
