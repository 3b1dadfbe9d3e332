// The one way write_file and edit_file put bytes on disk: the parent folders are opened (or
// made) one component at a time from the workspace root, each with O_NOFOLLOW and checked
// through its descriptor, and the file lands through a temporary sibling renamed over the
// target inside that descriptor's directory. A folder swapped for a symlink at any moment can
// only make the write fail, never carry it out of the workspace.
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import {
  childOf,
  openConfinedDirectory,
  openErrorText,
  type ConfinedDirectory,
} from './confined-fs.js';
import { isInside } from './workspace-path.js';

function errorCode(thrown: unknown): string | undefined {
  if (typeof thrown !== 'object' || thrown === null || !('code' in thrown)) return undefined;
  return typeof thrown.code === 'string' ? thrown.code : undefined;
}

async function openOrMakeChild(
  root: string,
  parent: ConfinedDirectory,
  name: string,
  requested: string,
): Promise<Result<ConfinedDirectory>> {
  const child = childOf(parent.handle, name);
  let opened = await openConfinedDirectory(root, child);
  if (!opened.ok && opened.error.kind === 'missing') {
    try {
      await mkdir(child);
    } catch (thrown) {
      if (errorCode(thrown) !== 'EEXIST') {
        return err(`cannot create the folders for ${JSON.stringify(requested)}: ${messageOf(thrown)}`);
      }
    }
    opened = await openConfinedDirectory(root, child);
  }
  if (opened.ok) return opened;
  if (opened.error.kind === 'not-a-directory') {
    return err(`cannot create the folders for ${JSON.stringify(requested)}: a file is in the way`);
  }
  return err(openErrorText(requested, opened.error));
}

/**
 * Opens the folder `file` goes in (an absolute path below the real `root`), creating missing
 * folders; the caller closes the returned directory.
 */
export async function openParentForWrite(
  root: string,
  file: string,
  requested: string,
): Promise<Result<ConfinedDirectory>> {
  const parent = path.dirname(file);
  if (!isInside(root, parent)) return err(`path ${JSON.stringify(requested)} is outside the workspace`);
  const opened = await openConfinedDirectory(root, root);
  if (!opened.ok) return err(openErrorText('.', opened.error));
  let current = opened.value;
  const relative = path.relative(root, parent);
  for (const name of relative === '' ? [] : relative.split(path.sep)) {
    const next = await openOrMakeChild(root, current, name, requested);
    await current.handle.close();
    if (!next.ok) return next;
    current = next.value;
  }
  return ok(current);
}

async function existingMode(directory: ConfinedDirectory, name: string): Promise<number | undefined> {
  try {
    const stats = await lstat(childOf(directory.handle, name));
    return stats.isFile() ? stats.mode & 0o7777 : undefined;
  } catch (thrown) {
    if (errorCode(thrown) === 'ENOENT') return undefined;
    throw thrown;
  }
}

/**
 * Writes `content` to `file` (below `root`) through a temporary sibling renamed over it,
 * keeping an existing file's permission bits; the temporary file never outlives a failure.
 * Errors are the message for the model.
 */
export async function writeConfined(
  root: string,
  file: string,
  content: string,
  requested: string,
): Promise<Result<void>> {
  const parent = await openParentForWrite(root, file, requested);
  if (!parent.ok) return parent;
  const directory = parent.value;
  const name = path.basename(file);
  const temporary = `.${name}.agentmux-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    const mode = await existingMode(directory, name);
    // 'wx' is O_CREAT|O_EXCL: it never follows a symlink planted at the temporary name.
    const handle = await open(childOf(directory.handle, temporary), 'wx', mode ?? 0o666);
    try {
      await handle.writeFile(content);
      if (mode !== undefined) await handle.chmod(mode); // the umask must not narrow it
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await rename(childOf(directory.handle, temporary), childOf(directory.handle, name));
    return ok(undefined);
  } catch (thrown) {
    await unlink(childOf(directory.handle, temporary)).catch(() => undefined);
    return err(`cannot write ${JSON.stringify(requested)}: ${messageOf(thrown)}`);
  } finally {
    await directory.handle.close();
  }
}
