// A bash call's workspace baseline kept as a blob, so its intent (core/tool-intent.ts) can name
// it in one short journal line and a crash recovery can diff the workspace against it later.
// The blob is JSON, read back through zod: a damaged one is an error, never a wrong diff.
import * as z from 'zod';
import { FileVersion } from '../../core/entry.js';
import { err, ok, type Result } from '../../core/result.js';
import type { Baseline } from './workspace-baseline.js';
import type { FileBlobs } from './workspace-files.js';

const Seen = z.object({ size: z.number(), mtimeMs: z.number(), ctimeMs: z.number(), version: FileVersion });

const StoredBaseline = z.object({
  root: z.string(),
  complete: z.boolean(),
  notes: z.array(z.string()),
  files: z.array(z.tuple([z.string(), Seen])),
});

/** Writes `baseline` as a blob (durably: the intent naming it is journaled next); its sha256. */
export function putBaseline(blobs: FileBlobs, baseline: Baseline): Result<string> {
  const stored = { root: baseline.root, complete: baseline.complete, notes: baseline.notes, files: [...baseline.files] };
  return blobs.putBytes(Buffer.from(JSON.stringify(stored), 'utf8'), { durable: true });
}

/** Reads a baseline `putBaseline` wrote; a missing or damaged blob is an error naming it. */
export function getBaseline(blobs: FileBlobs, sha256: string): Result<Baseline> {
  const bytes = blobs.getBytes(sha256);
  if (!bytes.ok) return err(`baseline ${sha256}: ${bytes.error}`);
  let json: unknown;
  try {
    json = JSON.parse(bytes.value.toString('utf8'));
  } catch {
    return err(`baseline ${sha256}: not JSON`);
  }
  const parsed = StoredBaseline.safeParse(json);
  if (!parsed.success) return err(`baseline ${sha256}: ${parsed.error.issues[0]?.message ?? 'not a baseline'}`);
  const { root, complete, notes, files } = parsed.data;
  return ok({ root, complete, notes, files: new Map(files) });
}
