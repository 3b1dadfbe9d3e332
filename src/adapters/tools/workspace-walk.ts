// The directory walk shared by list_files and grep: depth-first, each directory's entries in
// name order, never into .git or node_modules, and never out of the workspace. Each directory
// is opened through its parent's descriptor with O_NOFOLLOW and checked where it really is
// (confined-fs.ts), so a directory swapped for a symlink mid-walk is skipped, not followed.
// Symlinked files inside the workspace are visited; symlinked directories are not (that keeps
// cycles out). Names are read as bytes, so a name that is not UTF-8 is shown with U+FFFD
// instead of becoming a path that no longer exists.
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { childOf, openConfinedDirectory, type ConfinedDirectory } from './confined-fs.js';
import { isInside } from './workspace-path.js';

/** Directory names no walk descends into. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['.git', 'node_modules']);

/** One file found by a walk. */
export type WalkedFile = {
  /**
   * What to pass to `openConfinedFile`: a path through the open parent directory's descriptor
   * (valid until the walk moves on), or a symlinked file's real target inside the workspace.
   */
  readonly target: string | Buffer;
  /** Its path relative to the workspace root, `/`-separated, as the model names it. */
  readonly display: string;
  /** Its path relative to the directory the walk started at, `/`-separated. */
  readonly fromStart: string;
};

function byName(a: Dirent<Buffer>, b: Dirent<Buffer>): number {
  return Buffer.compare(a.name, b.name);
}

function joined(parent: string, name: string): string {
  return parent === '' || parent === '.' ? name : `${parent}/${name}`;
}

async function realFileInside(root: string, link: string | Buffer): Promise<string | undefined> {
  try {
    const real = await realpath(link);
    if (!isInside(root, real)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined; // a dangling link is simply not a file
  }
}

type Place = { readonly display: string; readonly fromStart: string };

/**
 * Yields the files under `start` (an open directory inside the real `root`; `display` is its
 * path as the model names it), in path order. The caller stops early by leaving its loop and
 * keeps `start` open until then; `signal` is checked before each directory.
 */
export async function* walkFiles(
  root: string,
  start: ConfinedDirectory,
  display: string,
  signal: AbortSignal,
): AsyncGenerator<WalkedFile> {
  yield* walkDirectory(root, start, { display, fromStart: '' }, signal);
}

async function* walkDirectory(
  root: string,
  directory: ConfinedDirectory,
  place: Place,
  signal: AbortSignal,
): AsyncGenerator<WalkedFile> {
  if (signal.aborted) return;
  let entries: Dirent<Buffer>[];
  try {
    entries = await readdir(childOf(directory.handle, ''), { withFileTypes: true, encoding: 'buffer' });
  } catch {
    return; // an unreadable directory is skipped, not fatal
  }
  entries.sort(byName);
  for (const entry of entries) {
    if (signal.aborted) return;
    const name = entry.name.toString('utf8');
    const names = { display: joined(place.display, name), fromStart: joined(place.fromStart, name) };
    const child = childOf(directory.handle, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRECTORIES.has(name)) continue;
      const opened = await openConfinedDirectory(root, child);
      if (!opened.ok) continue; // swapped for a symlink, gone, or unreadable: not followed
      try {
        yield* walkDirectory(root, opened.value, names, signal);
      } finally {
        await opened.value.handle.close();
      }
    } else if (entry.isFile()) {
      yield { target: child, ...names };
    } else if (entry.isSymbolicLink()) {
      const real = await realFileInside(root, child);
      if (real !== undefined) yield { target: real, ...names };
    }
  }
}
