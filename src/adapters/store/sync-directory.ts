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

/**
 * The same fsync on the thread pool, best effort: a new journal's directory entry becomes durable
 * soon after, without stalling the event loop (as a journal line's own fdatasync, DESIGN.md §6).
 */
export function syncDirectoryInBackground(directory: string): void {
  fs.open(directory, 'r', (opening, fd) => {
    if (opening !== null) return;
    fs.fsync(fd, () => fs.close(fd, () => undefined));
  });
}
