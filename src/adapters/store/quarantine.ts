// Keeps a copy of a file found corrupt, so reporting the problem never loses what was there.
import fs from 'node:fs';
import path from 'node:path';
import { err, messageOf, ok, type Result } from '../../core/result.js';

/** Copies `source` to `folder/<stem>-<timestamp><extension>` without overwriting any earlier copy. */
export function keepCopy(source: string, folder: string, stem: string, extension: string): Result<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  try {
    fs.mkdirSync(folder, { recursive: true });
    for (let attempt = 1; attempt <= 100; attempt += 1) {
      const suffix = attempt === 1 ? '' : `-${attempt}`;
      const copy = path.join(folder, `${stem}-${stamp}${suffix}${extension}`);
      try {
        fs.copyFileSync(source, copy, fs.constants.COPYFILE_EXCL);
        return ok(copy);
      } catch (thrown) {
        if (!(thrown instanceof Error && 'code' in thrown && thrown.code === 'EEXIST')) throw thrown;
      }
    }
    return err(`${folder}: too many copies of ${stem} made at ${stamp}`);
  } catch (thrown) {
    return err(messageOf(thrown));
  }
}
