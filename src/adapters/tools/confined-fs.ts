// Race-free confinement for the file tools (DESIGN.md §7). A path checked with realpath and
// then used by name can be redirected in between (a directory swapped for a symlink), so the
// tools open first and check second: every open adds O_NOFOLLOW, the path the open descriptor
// actually reached is read back from /proc/self/fd/N, and everything after that goes through
// the descriptor (a directory's children as /proc/self/fd/N/NAME, which the kernel resolves
// from the directory the descriptor holds, never from the name the tool started with).
import { constants, type Stats } from 'node:fs';
import { open, readlink, realpath, type FileHandle } from 'node:fs/promises';
import { err, ok, type Result } from '../../core/result.js';
import { isInside } from './workspace-path.js';

const { O_RDONLY, O_DIRECTORY, O_NOFOLLOW, O_NONBLOCK } = constants;

function errorCode(thrown: unknown): string | undefined {
  if (typeof thrown !== 'object' || thrown === null || !('code' in thrown)) return undefined;
  return typeof thrown.code === 'string' ? thrown.code : undefined;
}

/** The real path an open descriptor refers to (its /proc/self/fd link on Linux). */
export async function reachedPath(handle: FileHandle, opened: string): Promise<string> {
  try {
    return await readlink(`/proc/self/fd/${handle.fd}`);
  } catch (thrown) {
    // Without /proc (not Linux) the best left is the name: weaker, and said so in README.
    if (errorCode(thrown) === 'ENOENT') return realpath(opened);
    throw thrown;
  }
}

/** The path of a directory's child as seen through the directory's descriptor. */
export function childOf(directory: FileHandle, name: string | Buffer): string | Buffer {
  if (typeof name === 'string') return `/proc/self/fd/${directory.fd}/${name}`;
  return Buffer.concat([Buffer.from(`/proc/self/fd/${directory.fd}/`), name]);
}

/** An open directory whose real location was checked to be inside the workspace. */
export type ConfinedDirectory = { readonly handle: FileHandle; readonly reached: string };

/** An open regular file checked to be inside the workspace, with its stats from the descriptor. */
export type ConfinedFile = {
  readonly handle: FileHandle;
  readonly reached: string;
  readonly stats: Stats;
};

/** Why an open was refused: the tools turn each into their own wording. */
export type ConfinedOpenError =
  | { readonly kind: 'missing' }
  | { readonly kind: 'outside' }
  | { readonly kind: 'symlink' }
  | { readonly kind: 'not-a-directory' }
  | { readonly kind: 'failed'; readonly code: string };

function openError(thrown: unknown, wantDirectory: boolean): ConfinedOpenError {
  const code = errorCode(thrown) ?? String(thrown);
  if (code === 'ENOENT') return { kind: 'missing' };
  if (code === 'ELOOP') return { kind: 'symlink' };
  // O_DIRECTORY|O_NOFOLLOW on a symlink to a directory fails ENOTDIR on Linux.
  if (code === 'ENOTDIR') return wantDirectory ? { kind: 'not-a-directory' } : { kind: 'missing' };
  return { kind: 'failed', code };
}

async function openChecked(
  root: string,
  target: string | Buffer,
  flags: number,
  wantDirectory: boolean,
): Promise<Result<{ handle: FileHandle; reached: string }, ConfinedOpenError>> {
  let handle: FileHandle;
  try {
    handle = await open(target, flags);
  } catch (thrown) {
    return err(openError(thrown, wantDirectory));
  }
  try {
    const reached = await reachedPath(handle, target.toString());
    if (!isInside(root, reached)) {
      await handle.close();
      return err({ kind: 'outside' });
    }
    return ok({ handle, reached });
  } catch (thrown) {
    await handle.close();
    return err(openError(thrown, wantDirectory));
  }
}

/**
 * Opens a directory (an absolute path, or a child path from `childOf`) without following a
 * symlink at its last step, and refuses it unless it really lies inside `root`.
 */
export async function openConfinedDirectory(
  root: string,
  target: string | Buffer,
): Promise<Result<ConfinedDirectory, ConfinedOpenError>> {
  return openChecked(root, target, O_RDONLY | O_DIRECTORY | O_NOFOLLOW, true);
}

/**
 * Opens a file for reading the same way. O_NONBLOCK keeps a FIFO from hanging the open; the
 * caller decides from `stats` (taken from the descriptor, so they describe what will be read).
 */
export async function openConfinedFile(
  root: string,
  target: string | Buffer,
): Promise<Result<ConfinedFile, ConfinedOpenError>> {
  const opened = await openChecked(root, target, O_RDONLY | O_NOFOLLOW | O_NONBLOCK, false);
  if (!opened.ok) return opened;
  try {
    const stats = await opened.value.handle.stat();
    return ok({ ...opened.value, stats });
  } catch (thrown) {
    await opened.value.handle.close();
    return err(openError(thrown, false));
  }
}

/**
 * Hard links defeat any path check: the same inode may also be named outside the workspace,
 * and nothing short of scanning every file system can prove otherwise. So a regular file with
 * more than one link is not read (writes are safe: they replace the name, not the inode).
 */
export function hardLinkRefusal(stats: Stats): string | undefined {
  if (!stats.isFile() || stats.nlink <= 1) return undefined;
  return (
    `it has ${stats.nlink} hard links, and another link may lie outside the workspace; ` +
    'file tools do not read hard-linked files (copy it to read it)'
  );
}

/** The tool error for a refused open, naming the path as the model wrote it. */
export function openErrorText(requested: string, error: ConfinedOpenError): string {
  const quoted = JSON.stringify(requested);
  switch (error.kind) {
    case 'missing':
      return `path ${quoted} does not exist`;
    case 'outside':
      return `path ${quoted} is outside the workspace (it changed while in use)`;
    case 'symlink':
      return `path ${quoted} was replaced by a symlink while in use; try again`;
    case 'not-a-directory':
      return `path ${quoted} is not a directory (or was replaced by a symlink while in use)`;
    case 'failed':
      return `path ${quoted} cannot be opened: ${error.code}`;
  }
}
