// The WorkspaceFiles port on disk: a file's version is the sha256 of its bytes, kept as a blob,
// so any version a checkpoint recorded can be written back. Every path stays inside the real
// cwd (symlinks resolved); a restore lands through a temporary file renamed over the target.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileVersion } from '../../core/entry.js';
import type { WorkspaceFiles } from '../../core/file-checkpoint.js';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import { isBlobHash, type BlobStore } from '../store/blob-store.js';
import { isInside } from '../tools/workspace-path.js';

/** The blob operations file checkpoints need (BlobStore has them). */
export type FileBlobs = Pick<BlobStore, 'putBytes' | 'getBytes'>;

function errorCode(thrown: unknown): string | undefined {
  if (typeof thrown !== 'object' || thrown === null || !('code' in thrown)) return undefined;
  return typeof thrown.code === 'string' ? thrown.code : undefined;
}

/** Reads one regular file into a blob; null when it does not exist. Symlinks and folders are not files here. */
export function readVersion(blobs: FileBlobs, absolute: string, durable = true): Result<FileVersion | null> {
  let bytes: Buffer;
  try {
    const stats = fs.lstatSync(absolute);
    if (!stats.isFile()) return err(`${absolute}: not a regular file`);
    bytes = fs.readFileSync(absolute);
  } catch (thrown) {
    const code = errorCode(thrown);
    if (code === 'ENOENT' || code === 'ENOTDIR') return ok(null);
    return err(`${absolute}: ${messageOf(thrown)}`);
  }
  const stored = blobs.putBytes(bytes, { durable });
  if (!stored.ok) return stored;
  return ok({ sha256: stored.value, size: bytes.length });
}

/** A relative workspace path resolved under the real root; refused when it would leave it. */
function confine(cwd: string, relative: string): Result<{ readonly root: string; readonly absolute: string }> {
  if (relative.includes('\0') || path.isAbsolute(relative)) return err(`path ${JSON.stringify(relative)} is not a workspace path`);
  let root: string;
  try {
    root = fs.realpathSync(cwd);
  } catch (thrown) {
    return err(`workspace ${JSON.stringify(cwd)}: ${messageOf(thrown)}`);
  }
  const absolute = path.resolve(root, relative);
  if (absolute === root || !isInside(root, absolute)) return err(`path ${JSON.stringify(relative)} is outside the workspace`);
  // The folders on the way must not lead out through a symlink.
  let ancestor = path.dirname(absolute);
  for (;;) {
    try {
      const real = fs.realpathSync(ancestor);
      if (!isInside(root, real)) return err(`path ${JSON.stringify(relative)} is outside the workspace`);
      return ok({ root, absolute: path.join(real, path.relative(ancestor, absolute)) });
    } catch (thrown) {
      const code = errorCode(thrown);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return err(`${relative}: ${messageOf(thrown)}`);
      ancestor = path.dirname(ancestor);
    }
  }
}

/** Writes bytes through a temporary sibling renamed over the target, keeping an existing file's mode. */
function writeAtomically(file: string, bytes: Buffer): void {
  let mode: number | undefined;
  try {
    const stats = fs.lstatSync(file);
    if (stats.isDirectory()) throw new Error('a folder is in the way');
    mode = stats.mode & 0o7777;
  } catch (thrown) {
    if (errorCode(thrown) !== 'ENOENT') throw thrown;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.agentmux-restore-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temporary, bytes, { flag: 'wx', mode: mode ?? 0o666, flush: true });
    if (mode !== undefined) fs.chmodSync(temporary, mode);
    fs.renameSync(temporary, file);
  } catch (thrown) {
    fs.rmSync(temporary, { force: true });
    throw thrown;
  }
}

/** Removes folders left empty by a deleted file, up to (not including) the root. */
function pruneEmptyFolders(root: string, from: string): void {
  for (let folder = from; folder !== root && isInside(root, folder); folder = path.dirname(folder)) {
    try {
      if (fs.readdirSync(folder).length > 0) return;
      fs.rmdirSync(folder);
    } catch {
      return;
    }
  }
}

/** Workspace files backed by the store's blobs. */
export class BlobWorkspaceFiles implements WorkspaceFiles {
  constructor(private readonly blobs: FileBlobs) {}

  current(cwd: string, relative: string): Result<FileVersion | null> {
    const target = confine(cwd, relative);
    if (!target.ok) return target;
    const version = readVersion(this.blobs, target.value.absolute);
    return version.ok ? version : err(`${relative}: ${version.error}`);
  }

  restore(cwd: string, relative: string, version: FileVersion | null): Result<void> {
    const target = confine(cwd, relative);
    if (!target.ok) return target;
    const { root, absolute } = target.value;
    try {
      if (version === null) {
        const stats = fs.lstatSync(absolute, { throwIfNoEntry: false });
        if (stats === undefined) return ok(undefined);
        if (stats.isDirectory()) return err(`${relative}: a folder is in the way`);
        fs.unlinkSync(absolute);
        pruneEmptyFolders(root, path.dirname(absolute));
        return ok(undefined);
      }
      if (!isBlobHash(version.sha256)) return err(`${relative}: bad blob name ${JSON.stringify(version.sha256)}`);
      const bytes = this.blobs.getBytes(version.sha256);
      if (!bytes.ok) return err(`${relative}: ${bytes.error}`);
      writeAtomically(absolute, bytes.value);
      return ok(undefined);
    } catch (thrown) {
      return err(`cannot restore ${relative}: ${messageOf(thrown)}`);
    }
  }
}
