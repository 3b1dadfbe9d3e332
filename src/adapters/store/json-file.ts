// Small JSON files of the store (composer.json, a run's holds.json…): read and checked with a zod
// schema, a problem named as `FILE: field.path: problem`; written whole to a temp file renamed
// over, so a crash leaves the old file or the new one, owner-only whatever the umask.
import fs from 'node:fs';
import path from 'node:path';
import type * as z from 'zod';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import { DIR_MODE, FILE_MODE } from './store-modes.js';

/** Reads FILE as SCHEMA; a missing file is `ifMissing`, a broken one an error naming the file and field. */
export function readJsonFile<T>(file: string, schema: z.ZodType<T>, ifMissing: T): Result<T> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (thrown) {
    if (thrown instanceof Error && 'code' in thrown && thrown.code === 'ENOENT') return ok(ifMissing);
    return err(`${file}: ${messageOf(thrown)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (thrown) {
    return err(`${file}: invalid JSON: ${messageOf(thrown)}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err(`${file}: ${issue === undefined ? 'invalid' : `${issue.path.join('.') || '(top)'}: ${issue.message}`}`);
  }
  return ok(parsed.data);
}

/** Writes DATA whole as one JSON line (temp file, then rename), creating its directory (0700) if missing; the file is 0600. */
export function writeJsonFile(file: string, data: unknown): Result<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: DIR_MODE });
    fs.writeFileSync(temporary, `${JSON.stringify(data)}\n`, { mode: FILE_MODE });
    fs.renameSync(temporary, file);
    return ok(undefined);
  } catch (thrown) {
    removeQuietly(temporary);
    return err(`${file}: ${messageOf(thrown)}`);
  }
}

/** A temporary file left by a failed write goes; when even that fails (no such folder, ENOTDIR) the write's own error is the one told. */
function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Nothing was written there, or nothing can be: the caller reports the write's error.
  }
}
