// Makes a directory entry (a new or renamed file) durable, as fsync of the file alone does not.
import fs from 'node:fs';

/** fsyncs a directory; platforms that cannot open directories (Windows) are skipped. */
export function syncDirectory(directory: string): void {
  let fd: number;
  try {
    fd = fs.openSync(directory, 'r');
  } catch {
    return;
  }
  try {
    fs.fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on directories; the rename itself has already happened.
  } finally {
    fs.closeSync(fd);
  }
}
