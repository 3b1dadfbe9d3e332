// The on-disk shape of one journal line: a JournalRecord, with any string longer than 8 KiB
// inside an entry moved to a blob. Such a string is replaced by `null` and listed under the line's own `$blobs`
// key as { at: path to the field, sha256, bytes }. References live outside the record, so no
// content (not even a tool input that happens to look like a reference) can be mistaken for one,
// and a reader that ignored `$blobs` would fail the schema instead of showing a placeholder.
import * as z from 'zod';
import { JournalRecord } from '../../core/journal-record.js';
import { err, ok, type Result } from '../../core/result.js';
import { isBlobHash, type BlobStore } from './blob-store.js';

/** Strings longer than this many UTF-8 bytes go to blobs. */
export const blobThresholdBytes = 8 * 1024;

const BlobReference = z.strictObject({
  at: z.array(z.union([z.string(), z.number().int().nonnegative()])).min(1),
  sha256: z.string().refine(isBlobHash, 'not a sha256 hex digest'),
  bytes: z.number().int().nonnegative(),
});
type BlobReference = z.infer<typeof BlobReference>;
const BlobReferences = z.array(BlobReference).min(1);

const blobsKey = '$blobs';

type Key = string | number;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isArray(value: unknown): value is unknown[] {
  return Array.isArray(value);
}

function isLarge(text: string): boolean {
  // A UTF-16 unit is at most 3 UTF-8 bytes, so short strings skip the byte count.
  if (text.length * 3 <= blobThresholdBytes) return false;
  return text.length > blobThresholdBytes || Buffer.byteLength(text, 'utf8') > blobThresholdBytes;
}

/** Copies `value`, moving large strings to blobs and listing where they were. */
function externalize(value: unknown, at: Key[], blobs: BlobStore, found: BlobReference[]): Result<unknown> {
  if (typeof value === 'string') {
    if (!isLarge(value)) return ok(value);
    const stored = blobs.put(value);
    if (!stored.ok) return stored;
    found.push({ at: [...at], sha256: stored.value, bytes: Buffer.byteLength(value, 'utf8') });
    return ok(null);
  }
  if (isArray(value)) {
    const copy: unknown[] = [];
    for (const [index, item] of value.entries()) {
      const moved = externalize(item, [...at, index], blobs, found);
      if (!moved.ok) return moved;
      copy.push(moved.value);
    }
    return ok(copy);
  }
  if (isObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const moved = externalize(item, [...at, key], blobs, found);
      if (!moved.ok) return moved;
      copy[key] = moved.value;
    }
    return ok(copy);
  }
  return ok(value);
}

/** Validates a record and renders its line (with the trailing newline), writing blobs first. */
export function encodeJournalLine(record: JournalRecord, blobs: BlobStore): Result<string> {
  const parsed = JournalRecord.safeParse(record);
  if (!parsed.success) return err(`record does not match the journal schema: ${describeIssue(parsed.error)}`);
  // Only entries carry payloads; header, head, rename and budget lines stay plain so the
  // catalog can be rebuilt from them without reading blobs.
  if (parsed.data.t !== 'entry') return ok(`${JSON.stringify(parsed.data)}\n`);
  const found: BlobReference[] = [];
  const moved = externalize(parsed.data, [], blobs, found);
  if (!moved.ok) return moved;
  const line = found.length === 0 || !isObject(moved.value) ? moved.value : { ...moved.value, [blobsKey]: found };
  return ok(`${JSON.stringify(line)}\n`);
}

/** Puts a blob's text back at `at`, where the line must hold the `null` left in its place. */
function restore(line: Record<string, unknown>, reference: BlobReference, text: string): Result<void> {
  let holder: unknown = line;
  const last = reference.at.length - 1;
  for (const [depth, key] of reference.at.entries()) {
    const isLast = depth === last;
    if (typeof key === 'number' && isArray(holder) && key < holder.length) {
      if (isLast && holder[key] === null) {
        holder[key] = text;
        return ok(undefined);
      }
      holder = holder[key];
    } else if (typeof key === 'string' && isObject(holder) && Object.hasOwn(holder, key)) {
      if (isLast && holder[key] === null) {
        holder[key] = text;
        return ok(undefined);
      }
      holder = holder[key];
    } else {
      break;
    }
  }
  return err(`${blobsKey}: no null placeholder at ${reference.at.join('.')}`);
}

/** A blob a line names that could not be read back: the field it filled shows a placeholder. */
export type MissingBlob = { readonly sha256: string; readonly at: string; readonly problem: string };

/** The text put where a missing blob's string was: the rest of the session stays usable. */
export function missingBlobText(sha256: string): string {
  return `[blob ${sha256} missing: this text could not be read back from the store]`;
}

/**
 * Turns one parsed JSON line back into a JournalRecord, reading its blobs; the error is the
 * problem. A blob that is missing or damaged breaks only its own field: it reads as a
 * placeholder, and `missing` (when given) learns which.
 */
export function decodeJournalLine(json: unknown, blobs: BlobStore, missing?: MissingBlob[]): Result<JournalRecord> {
  if (isObject(json) && Object.hasOwn(json, blobsKey)) {
    const references = BlobReferences.safeParse(json[blobsKey]);
    if (!references.success) return err(describeIssue(references.error, blobsKey));
    const line: Record<string, unknown> = { ...json };
    delete line[blobsKey];
    for (const reference of references.data) {
      const text = blobs.get(reference.sha256);
      if (!text.ok && missing === undefined) return err(`blob of ${reference.at.join('.')}: ${text.error}`);
      if (!text.ok) missing?.push({ sha256: reference.sha256, at: reference.at.join('.'), problem: text.error });
      const restored = restore(line, reference, text.ok ? text.value : missingBlobText(reference.sha256));
      if (!restored.ok) return restored;
    }
    json = line;
  }
  const parsed = JournalRecord.safeParse(json);
  if (!parsed.success) return err(describeIssue(parsed.error));
  return ok(parsed.data);
}

/** zod's first issue as `field.path: message`, the way every bad file is reported. */
export function describeIssue(error: z.ZodError, prefix?: string): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid';
  const at = [...(prefix === undefined ? [] : [prefix]), ...issue.path.map(String)].join('.');
  return at === '' ? issue.message : `${at}: ${issue.message}`;
}
