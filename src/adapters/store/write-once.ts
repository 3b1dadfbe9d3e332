// A file written once and durably: created exclusively (never over an existing one), its data
// synced, then its folder synced so the new name survives a crash too. Run records keep each
// script version this way.
import fs from 'node:fs';
import path from 'node:path';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import { syncDirectory } from './sync-directory.js';
import { FILE_MODE } from './store-modes.js';

/** Creates `file` with `text`, synced with its folder; an error if it exists or cannot be written. */
export function writeFileOnce(file: string, text: string): Result<void> {
  try {
    const fd = fs.openSync(file, 'wx', FILE_MODE);
    try {
      fs.writeFileSync(fd, text);
      fs.fdatasyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (thrown) {
    return err(`${file}: cannot write: ${messageOf(thrown)}`);
  }
  syncDirectory(path.dirname(file));
  return ok(undefined);
}
