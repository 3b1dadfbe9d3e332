// The WorkspaceFiles port on disk: a file's version is the sha256 of its bytes (a symlink's: of
// its target text), kept as a blob, with its permission bits, so any version a checkpoint
// recorded can be written back. Every path stays inside the real cwd (the folders on the way
// resolved); a restore lands through a temporary file or link renamed over the target, so it
// replaces a symlink there rather than writing through it.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileVersion } from '../../core/entry.js';
import type { WorkspaceFiles } from '../../core/file-checkpoint.js';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import { isBlobHash, type BlobStore } from '../store/blob-store.js';
import { isInside } from '../tools/workspace-path.js';
import { nameText, pathBytes } from './byte-path.js';

/**
 * The blob operations file checkpoints need (BlobStore has them), and whether some bytes hold
 * a secret (the API key): those are never written to the store (issue 9, item 5).
 */
export type FileBlobs = Pick<BlobStore, 'putBytes' | 'getBytes'> & { readonly holdsSecret?: (bytes: Uint8Array) => boolean };

/** Keeps a file's bytes as a blob and names the version; bytes holding a secret are withheld, never stored. */
export function keepVersion(blobs: FileBlobs, read: RecordedBytes, durable: boolean): Result<FileVersion> {
  if (blobs.holdsSecret?.(read.bytes) === true) {
    const sha256 = createHash('sha256').update(read.bytes).digest('hex');
    return ok({ sha256, size: read.bytes.length, ...read.kind, withheld: true });
  }
  const stored = blobs.putBytes(read.bytes, { durable });
  return stored.ok ? ok({ sha256: stored.value, size: read.bytes.length, ...read.kind }) : stored;
}

function errorCode(thrown: unknown): string | undefined {
  if (typeof thrown !== 'object' || thrown === null || !('code' in thrown)) return undefined;
  return typeof thrown.code === 'string' ? thrown.code : undefined;
}

/** A file's bytes and mode, or a symlink's target text and its marker, as a version records them. */
export type RecordedBytes = { readonly bytes: Buffer; readonly kind: { readonly link: true } | { readonly mode: number } };

/**
 * Reads one workspace file into a blob, never following a symlink: a regular file's bytes and
 * permission bits, or a symlink's target text marked `link`; null when nothing is there.
 */
export function readVersion(blobs: FileBlobs, absolute: string, durable = true): Result<FileVersion | null> {
  const read = readVersionOrWhyNot(blobs, absolute, durable);
  return read.ok ? read : err(read.error.message);
}

/** Why a version could not be kept: the file cannot be read, or the store cannot hold it. */
export type VersionProblem = { readonly kind: 'unreadable' | 'not-stored'; readonly message: string };

/** `readVersion`, telling a file that cannot be read from a store that cannot keep it (a full disk). */
export function readVersionOrWhyNot(blobs: FileBlobs, absolute: string, durable = true): Result<FileVersion | null, VersionProblem> {
  let read: RecordedBytes;
  try {
    read = readEntry(absolute);
  } catch (thrown) {
    const code = errorCode(thrown);
    if (code === 'ENOENT' || code === 'ENOTDIR') return ok(null);
    return err({ kind: 'unreadable', message: `${absolute}: ${messageOf(thrown)}` });
  }
  const kept = keepVersion(blobs, read, durable);
  return kept.ok ? kept : err({ kind: 'not-stored', message: kept.error });
}

// O_NOFOLLOW: a regular file swapped for a symlink after the lstat is refused, not read through.
function readEntry(absolute: string): RecordedBytes {
  const stats = fs.lstatSync(pathBytes(absolute));
  if (stats.isSymbolicLink()) return { bytes: fs.readlinkSync(pathBytes(absolute), { encoding: 'buffer' }), kind: { link: true } };
  if (!stats.isFile()) throw new Error('not a regular file or symlink');
  const fd = fs.openSync(pathBytes(absolute), fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  try {
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) throw new Error('not a regular file');
    return { bytes: fs.readFileSync(fd), kind: { mode: opened.mode & 0o7777 } };
  } finally {
    fs.closeSync(fd);
  }
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
      const real = nameText(fs.realpathSync(pathBytes(ancestor), { encoding: 'buffer' }));
      if (!isInside(root, real)) return err(`path ${JSON.stringify(relative)} is outside the workspace`);
      return ok({ root, absolute: path.join(real, path.relative(ancestor, absolute)) });
    } catch (thrown) {
      const code = errorCode(thrown);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return err(`${relative}: ${messageOf(thrown)}`);
      ancestor = path.dirname(ancestor);
    }
  }
}

/**
 * Puts a new entry at `file` by creating it under a temporary sibling name and renaming it over
 * the target: an existing file or symlink there is replaced, never written through.
 */
function replaceAtomically(file: string, create: (temporary: string) => void): void {
  const existing = fs.lstatSync(pathBytes(file), { throwIfNoEntry: false });
  if (existing?.isDirectory() === true) throw new Error('a folder is in the way');
  fs.mkdirSync(pathBytes(path.dirname(file)), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.agentmux-restore-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    create(temporary);
    fs.renameSync(pathBytes(temporary), pathBytes(file));
  } catch (thrown) {
    fs.rmSync(pathBytes(temporary), { force: true });
    throw thrown;
  }
}

/** Writes bytes with `mode` (when not recorded: an existing regular file's mode, else the default). */
function writeAtomically(file: string, bytes: Buffer, recorded: number | undefined): void {
  const existing = fs.lstatSync(pathBytes(file), { throwIfNoEntry: false });
  const mode = recorded ?? (existing?.isFile() === true ? existing.mode & 0o7777 : undefined);
  replaceAtomically(file, (temporary) => {
    fs.writeFileSync(pathBytes(temporary), bytes, { flag: 'wx', mode: mode ?? 0o666, flush: true });
    // The creation mode is cut by the umask, chmod is not; without a mode the umask decides.
    if (mode !== undefined) fs.chmodSync(pathBytes(temporary), mode);
  });
}

/**
 * Removes folders left empty by a deleted file, up to (not including) the root. rmdir refuses a
 * folder that is not empty (ENOTEMPTY): no listing, which made deleting the N files of one folder
 * read N² names (2,940 files: 8.6M names read, seconds with the event loop blocked, issue 9).
 */
function pruneEmptyFolders(root: string, from: string): void {
  for (let folder = from; folder !== root && isInside(root, folder); folder = path.dirname(folder)) {
    try {
      fs.rmdirSync(pathBytes(folder));
    } catch {
      return; // not empty (or gone, or not ours to remove): the folders above stay too
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
        const stats = fs.lstatSync(pathBytes(absolute), { throwIfNoEntry: false });
        if (stats === undefined) return ok(undefined);
        if (stats.isDirectory()) return err(`${relative}: a folder is in the way`);
        fs.unlinkSync(pathBytes(absolute));
        pruneEmptyFolders(root, path.dirname(absolute));
        return ok(undefined);
      }
      if (version.withheld === true) return err(`${relative}: not restored: that version held an API key, which is never written to the store`);
      if (!isBlobHash(version.sha256)) return err(`${relative}: bad blob name ${JSON.stringify(version.sha256)}`);
      const bytes = this.blobs.getBytes(version.sha256);
      if (!bytes.ok) return err(`${relative}: ${bytes.error}`);
      if (version.link === true) replaceAtomically(absolute, (temporary) => fs.symlinkSync(bytes.value, pathBytes(temporary)));
      else writeAtomically(absolute, bytes.value, version.mode);
      return ok(undefined);
    } catch (thrown) {
      return err(`cannot restore ${relative}: ${messageOf(thrown)}`);
    }
  }
}
