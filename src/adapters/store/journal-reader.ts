// Reads a session journal back: every line parsed with zod, a torn last line (a crash
// mid-write) repaired, and a corrupt line reported with its number and a copy kept aside.
import { constants as bufferLimits } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import type { JournalRecord, SessionHeader } from '../../core/journal-record.js';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import type { LoadedJournal, LoadProblem } from '../../core/store.js';
import type { BlobStore } from './blob-store.js';
import { decodeJournalLine, type MissingBlob } from './journal-line.js';
import { reportCorruptJournal, type JournalLocation } from './quarantine.js';
import { DIR_MODE, FILE_MODE } from './store-modes.js';

export type { JournalLocation } from './quarantine.js';

/**
 * The largest journal that can be loaded: its text must fit in one JavaScript string. A UTF-8
 * byte never decodes to more than one UTF-16 unit, so a file this size or smaller always fits.
 */
export const MAX_JOURNAL_BYTES = bufferLimits.MAX_STRING_LENGTH;

type LineBlob = { readonly line: number; readonly blob: MissingBlob };
type Parsed = { header: SessionHeader; records: JournalRecord[]; missing: LineBlob[] };
type BadLine = { line: number; problem: string };

const newline = 0x0a;

function parseLine(text: string, index: number, sessionId: string, blobs: BlobStore, missing: LineBlob[]): Result<JournalRecord, BadLine> {
  const line = index + 1;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (thrown) {
    return err({ line, problem: `invalid JSON (${messageOf(thrown)})` });
  }
  const lost: MissingBlob[] = [];
  const record = decodeJournalLine(json, blobs, lost);
  for (const blob of lost) missing.push({ line, blob });
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
  const missing: LineBlob[] = [];
  let header: SessionHeader | undefined;
  for (const [index, line] of lines.entries()) {
    const record = parseLine(line, index, sessionId, blobs, missing);
    if (!record.ok) return record;
    if (record.value.t === 'session') header = record.value;
    records.push(record.value);
  }
  if (header === undefined) return err({ line: 1, problem: 'empty journal (no session header)' });
  return ok({ header, records, missing });
}

/** A torn tail larger than this is copied aside before it is cut: a crash tears one line, not megabytes. */
export const TORN_TAIL_COPY_BYTES = 1024 * 1024;

// Writes the torn bytes to the quarantine folder; the repair only goes ahead once they are safe.
function keepTornTail(where: JournalLocation, tail: Buffer): Result<string, string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const copy = path.join(where.quarantine, `${where.sessionId}-torn-tail-${stamp}.bin`);
  try {
    fs.mkdirSync(where.quarantine, { recursive: true, mode: DIR_MODE });
    fs.writeFileSync(copy, tail, { flag: 'wx', mode: FILE_MODE });
    return ok(copy);
  } catch (thrown) {
    return err(messageOf(thrown));
  }
}

/** Cuts a torn tail back to the last whole line, or terminates a complete one; returns the notice. */
function repairTail(where: JournalLocation, bytes: Buffer, end: number, complete: boolean): Result<string, string> {
  const { file } = where;
  const torn = bytes.length - end;
  try {
    if (complete) {
      fs.appendFileSync(file, '\n');
      return ok(`${file}: added the missing newline after the last line`);
    }
    let kept = '';
    if (torn > TORN_TAIL_COPY_BYTES) {
      const copy = keepTornTail(where, bytes.subarray(end));
      if (!copy.ok) return err(`${file}: a ${torn}-byte torn last line was left as it is: cannot keep a copy (${copy.error})`);
      kept = `; copy kept at ${copy.value}`;
    }
    fs.truncateSync(file, end);
    return ok(`${file}: repaired a torn last line (${torn} bytes dropped${kept})`);
  } catch (thrown) {
    return err(`${file}: could not repair the last line: ${messageOf(thrown)}`);
  }
}

function readProblem(file: string, thrown: unknown): LoadProblem {
  const missing = thrown instanceof Error && 'code' in thrown && thrown.code === 'ENOENT';
  return { path: file, message: missing ? `${file}: no such journal` : `${file}: ${messageOf(thrown)}` };
}

/** The journal's bytes, refusing (before reading a byte) one too large to become a string. */
function readJournalBytes(file: string): Result<Buffer, LoadProblem> {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (thrown) {
    return err(readProblem(file, thrown));
  }
  try {
    const { size } = fs.fstatSync(fd);
    if (size > MAX_JOURNAL_BYTES) {
      return err({ path: file, message: `${file}: too large to load (${size} bytes; at most ${MAX_JOURNAL_BYTES})` });
    }
    return ok(fs.readFileSync(fd));
  } catch (thrown) {
    return err(readProblem(file, thrown));
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // Read-only descriptor: nothing was written that a failed close could lose.
    }
  }
}

type Decoded = { text: string; tail: string | undefined; tailIsComplete: boolean; end: number };

/** The whole lines as text, plus a last line without its newline (whole JSON, or torn). */
function decode(bytes: Buffer): Decoded {
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
  return { text, tail, tailIsComplete, end };
}

/**
 * Reads a whole journal (header included as the first record, so `records[i]` is line i + 1);
 * nothing is modified unless the tail was torn. Never throws: every failure is a LoadProblem.
 */
export function loadJournal(where: JournalLocation, blobs: BlobStore): Result<LoadedJournal, LoadProblem> {
  const { file } = where;
  const bytes = readJournalBytes(file);
  if (!bytes.ok) return bytes;
  let decoded: Decoded;
  let parsed: Result<Parsed, BadLine>;
  try {
    decoded = decode(bytes.value);
    parsed = parseLines(decoded.text, where.sessionId, blobs);
  } catch (thrown) {
    return err({ path: file, message: `${file}: cannot be read: ${messageOf(thrown)}` });
  }
  if (!parsed.ok) {
    return err({ path: file, message: reportCorruptJournal(where, parsed.error.line, parsed.error.problem) });
  }
  // A missing or damaged blob breaks only the field it held: named here, the rest loads.
  const notices: string[] = parsed.value.missing.map(
    ({ line, blob }) => `${file}:${line}: blob ${blob.sha256} missing (${blob.at}: ${blob.problem}); it reads as a placeholder`,
  );
  const { tail, tailIsComplete, end } = decoded;
  if (tail !== undefined) {
    const repaired = repairTail(where, bytes.value, end, tailIsComplete);
    if (!repaired.ok) return err({ path: file, message: repaired.error });
    notices.push(repaired.value);
  }
  return ok({ header: parsed.value.header, records: parsed.value.records, notices });
}
