// Bounded baselines of a workspace for `bash` checkpoints: every regular file's and symlink's
// size, times, mode and blob (a symlink's blob is its target text; it is never followed), taken
// before and after a command, then diffed. A per-workspace cache keyed by size, mtime and ctime
// (which a chmod moves) means a file is read (and its blob written) only when it changed since
// it was last seen. Skipped: .git, node_modules, what the top-level .gitignore ignores, sockets
// and other special files; beyond the limits nothing is recorded, and the notes say so.
import type { Dirent } from 'node:fs';
import { constants } from 'node:fs';
import { lstat, open, readdir, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { FileChange, FileVersion } from '../../core/entry.js';
import { sameVersion } from '../../core/file-checkpoint.js';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import { SKIPPED_DIRECTORIES } from '../tools/workspace-walk.js';
import { loadGitignore, type IgnoreMatcher } from './gitignore.js';
import { nameText, pathBytes } from './byte-path.js';
import { keepVersion, type FileBlobs, type RecordedBytes } from './workspace-files.js';

/** How much one baseline may cover. */
export type BaselineLimits = { readonly maxFiles: number; readonly maxFileBytes: number; readonly maxTotalBytes: number };

export const DEFAULT_BASELINE_LIMITS: BaselineLimits = {
  maxFiles: 5000,
  maxFileBytes: 10 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
};

type Seen = { readonly size: number; readonly mtimeMs: number; readonly ctimeMs: number; readonly version: FileVersion };

/** One baseline: what was recorded, whether that is every file, and why not. */
export type Baseline = {
  readonly root: string;
  readonly files: ReadonlyMap<string, Seen>;
  /** False when the file-count or total-size limit stopped the walk (unseen files may exist). */
  readonly complete: boolean;
  readonly notes: readonly string[];
};

function mib(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MiB`;
}

/** Takes and compares baselines; keeps one cache per workspace root. */
export class WorkspaceBaselines {
  private readonly cache = new Map<string, Map<string, Seen>>();

  constructor(
    private readonly blobs: FileBlobs,
    private readonly limits: BaselineLimits = DEFAULT_BASELINE_LIMITS,
  ) {}

  /** Walks `cwd` within the limits; files unchanged by size and mtime since last seen are not read again. */
  async take(cwd: string): Promise<Result<Baseline>> {
    let root: string;
    try {
      root = await realpath(cwd);
    } catch (thrown) {
      return err(`workspace ${JSON.stringify(cwd)}: ${messageOf(thrown)}`);
    }
    const known = this.cache.get(root) ?? new Map<string, Seen>();
    const walk = new BaselineWalk(root, this.limits, loadGitignore(root), known, this.blobs);
    const walked = await walk.run();
    if (!walked.ok) return walked;
    const baseline: Baseline = { root, files: walk.files, complete: walk.complete, notes: walk.notes() };
    // A complete walk replaces the cache (deleted files drop out); a partial one only adds to it.
    if (walk.complete) this.cache.set(root, new Map(walk.files));
    else this.cache.set(root, new Map([...known, ...walk.files]));
    return ok(baseline);
  }

  /** What changed between two baselines of one workspace: created, changed (bytes, mode, kind) and deleted files, by path. */
  async diff(before: Baseline, after: Baseline): Promise<FileChange[]> {
    const changes: FileChange[] = [];
    for (const [relative, now] of after.files) {
      const then = before.files.get(relative);
      if (then === undefined) {
        // Unseen before a partial walk does not mean it was created.
        if (before.complete) changes.push({ path: relative, before: null, after: now.version });
      } else if (!sameVersion(then.version, now.version)) {
        changes.push({ path: relative, before: then.version, after: now.version });
      }
    }
    for (const [relative, then] of before.files) {
      if (after.files.has(relative)) continue;
      // Missing from the walk but still there: past a limit now, not deleted.
      if (await exists(path.join(after.root, relative))) continue;
      changes.push({ path: relative, before: then.version, after: null });
    }
    return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

async function exists(absolute: string): Promise<boolean> {
  try {
    await lstat(pathBytes(absolute));
    return true;
  } catch {
    return false;
  }
}

function byName(a: Dirent<Buffer>, b: Dirent<Buffer>): number {
  return Buffer.compare(a.name, b.name);
}

// One walk: depth first, names in order, stopping at the file-count or total-size limit.
class BaselineWalk {
  readonly files = new Map<string, Seen>();
  complete = true;
  private total = 0;
  private readonly tooLarge: string[] = [];
  private stoppedBy: 'files' | 'total' | undefined;

  constructor(
    private readonly root: string,
    private readonly limits: BaselineLimits,
    private readonly ignored: IgnoreMatcher,
    private readonly known: ReadonlyMap<string, Seen>,
    private readonly blobs: FileBlobs,
  ) {}

  async run(): Promise<Result<void>> {
    try {
      await this.folder(this.root, '');
      return ok(undefined);
    } catch (thrown) {
      return err(`file checkpoint: ${messageOf(thrown)}`);
    }
  }

  notes(): string[] {
    const notes: string[] = [];
    if (this.stoppedBy === 'files') {
      notes.push(`file checkpoint: workspace over ${this.limits.maxFiles} files; changes beyond were not recorded`);
    } else if (this.stoppedBy === 'total') {
      notes.push(`file checkpoint: workspace over ${mib(this.limits.maxTotalBytes)}; changes beyond were not recorded`);
    }
    if (this.tooLarge.length > 0) {
      const shown = this.tooLarge.slice(0, 3).join(', ');
      const more = this.tooLarge.length > 3 ? `, … (${this.tooLarge.length} in all)` : '';
      notes.push(`file checkpoint: files over ${mib(this.limits.maxFileBytes)} were not recorded: ${shown}${more}`);
    }
    return notes;
  }

  private async folder(absolute: string, relative: string): Promise<void> {
    // Names as bytes, read as text by nameText: a name that is not UTF-8 is recorded too, and
    // pathBytes turns it back into the same bytes for every call on it.
    let entries: Dirent<Buffer>[];
    try {
      entries = await readdir(pathBytes(absolute), { withFileTypes: true, encoding: 'buffer' });
    } catch {
      return; // unreadable (or just removed): nothing to record there
    }
    for (const entry of entries.sort(byName)) {
      if (!this.complete) return;
      const name = nameText(entry.name);
      const childRelative = relative === '' ? name : `${relative}/${name}`;
      const childAbsolute = path.join(absolute, name);
      if (entry.isDirectory()) {
        if (SKIPPED_DIRECTORIES.has(name) || this.ignored(childRelative, true)) continue;
        await this.folder(childAbsolute, childRelative);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && !this.ignored(childRelative, false)) {
        await this.file(childAbsolute, childRelative);
      }
    }
  }

  private async file(absolute: string, relative: string): Promise<void> {
    let stats;
    try {
      stats = await lstat(pathBytes(absolute));
    } catch {
      return;
    }
    if (!stats.isFile() && !stats.isSymbolicLink()) return;
    if (stats.size > this.limits.maxFileBytes) {
      this.tooLarge.push(relative);
      return;
    }
    if (this.files.size >= this.limits.maxFiles) return this.stop('files');
    if (this.total + stats.size > this.limits.maxTotalBytes) return this.stop('total');
    const cached = this.known.get(relative);
    let version: FileVersion;
    if (cached !== undefined && cached.size === stats.size && cached.mtimeMs === stats.mtimeMs && cached.ctimeMs === stats.ctimeMs) {
      version = cached.version;
    } else {
      let read: RecordedBytes;
      try {
        read = stats.isSymbolicLink()
          ? { bytes: await readlink(pathBytes(absolute), { encoding: 'buffer' }), kind: { link: true } }
          : await readRegularFile(absolute);
      } catch {
        return; // gone (or swapped for something else) between the listing and the read
      }
      const kept = keepVersion(this.blobs, read, false);
      if (!kept.ok) throw new Error(kept.error);
      version = kept.value;
    }
    this.total += stats.size;
    this.files.set(relative, { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, version });
  }

  private stop(by: 'files' | 'total'): void {
    this.complete = false;
    this.stoppedBy = by;
  }
}

// O_NOFOLLOW: a file swapped for a symlink after the listing is refused, not read through.
async function readRegularFile(absolute: string): Promise<RecordedBytes> {
  const handle = await open(pathBytes(absolute), constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new Error(`${absolute}: not a regular file`);
    return { bytes: await handle.readFile(), kind: { mode: stats.mode & 0o7777 } };
  } finally {
    await handle.close();
  }
}
