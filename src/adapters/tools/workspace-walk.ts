// The directory walk shared by list_files and grep: depth-first, each directory's entries in
// name order, never into .git or node_modules, and never through a symlink that leaves the
// workspace. Symlinked files inside the workspace are visited; symlinked directories are not
// followed (that keeps cycles out).
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { displayPath, isInside } from './workspace-path.js';

/** Directory names no walk descends into. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['.git', 'node_modules']);

/** One file found by a walk. */
export type WalkedFile = {
  /** Where to read it (the symlink's real target for a symlinked file). */
  readonly real: string;
  /** Its path relative to the workspace root, `/`-separated, as the model names it. */
  readonly display: string;
  /** Its path relative to the directory the walk started at, `/`-separated. */
  readonly fromStart: string;
};

function byName(a: Dirent, b: Dirent): number {
  if (a.name === b.name) return 0;
  return a.name < b.name ? -1 : 1;
}

async function realFileInside(root: string, linkPath: string): Promise<string | undefined> {
  try {
    const real = await realpath(linkPath);
    if (!isInside(root, real)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined; // a dangling link is simply not a file
  }
}

/**
 * Yields the files under `start` (a real directory inside the real `root`), in path order.
 * The caller stops early by leaving its loop; `signal` is checked before each directory.
 */
export async function* walkFiles(
  root: string,
  start: string,
  signal: AbortSignal,
): AsyncGenerator<WalkedFile> {
  yield* walkDirectory(root, start, start, signal);
}

async function* walkDirectory(
  root: string,
  start: string,
  directory: string,
  signal: AbortSignal,
): AsyncGenerator<WalkedFile> {
  if (signal.aborted) return;
  let entries: Dirent[];
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch {
    return; // an unreadable directory is skipped, not fatal
  }
  entries.sort(byName);
  for (const entry of entries) {
    if (signal.aborted) return;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) yield* walkDirectory(root, start, full, signal);
      continue;
    }
    const names = { display: displayPath(root, full), fromStart: displayPath(start, full) };
    if (entry.isFile()) {
      yield { real: full, ...names };
    } else if (entry.isSymbolicLink()) {
      const real = await realFileInside(root, full);
      if (real !== undefined) yield { real, ...names };
    }
  }
}
