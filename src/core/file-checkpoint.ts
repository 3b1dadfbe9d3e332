// File checkpoints (DESIGN.md §4): the port through which rewind and undo read and restore
// workspace files, and the pure planning that decides what to restore and what would clobber
// someone else's change. Only the adapter touches the disk.
import type { Entry, FileChange, FileVersion } from './entry.js';
import { runToEnd, type RestoreSteps } from './restore-steps.js';
import type { Result } from './result.js';

/** Reads and restores workspace files as content-addressed versions; paths are relative to `cwd`. */
export interface WorkspaceFiles {
  /** The file's version on disk now (its bytes kept as a blob), or null when it does not exist. */
  current(cwd: string, path: string): Result<FileVersion | null>;
  /** Puts the file back to `version` (null deletes it), never outside `cwd`. */
  restore(cwd: string, path: string, version: FileVersion | null): Result<void>;
}

/** What to do with a file changed since by someone else: refuse the whole operation, overwrite it, or keep it. */
export type FileConflictMode = 'refuse' | 'overwrite' | 'keep';

/** One file a rewind or undo wants to put back: to `target`, expecting `expected` on disk now. */
export type FileTarget = {
  readonly path: string;
  readonly target: FileVersion | null;
  readonly expected: FileVersion | null;
};

/** True when two versions name the same bytes, kind and mode (null: absent; a mode not recorded matches any). */
export function sameVersion(a: FileVersion | null, b: FileVersion | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.sha256 !== b.sha256 || a.size !== b.size || (a.link ?? false) !== (b.link ?? false)) return false;
  return a.mode === undefined || b.mode === undefined || a.mode === b.mode;
}

/**
 * Folds changes, oldest first, into one target per path: the `before` of its earliest change
 * and the `after` of its latest. A path whose changes cancel out needs nothing.
 */
export function planFileTargets(changes: readonly FileChange[]): FileTarget[] {
  const byPath = new Map<string, { target: FileVersion | null; expected: FileVersion | null }>();
  for (const change of changes) {
    const known = byPath.get(change.path);
    if (known === undefined) byPath.set(change.path, { target: change.before, expected: change.after });
    else known.expected = change.after;
  }
  const targets: FileTarget[] = [];
  for (const [path, { target, expected }] of byPath) {
    if (!sameVersion(target, expected)) targets.push({ path, target, expected });
  }
  return targets;
}

/** The file changes an agent's own entries made, in branch order (grafted and forked copies are someone else's). */
export function fileChangesOf(entries: readonly Entry[]): FileChange[] {
  const changes: FileChange[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'tool-result' || entry.files === undefined) continue;
    if (entry.provenance.kind !== 'local') continue;
    changes.push(...entry.files);
  }
  return changes;
}

/** A file that is no longer as this agent left it. */
export type FileConflict = { readonly path: string; readonly current: FileVersion | null };

/** What a restore would do: files to write (`before` = on disk now, `after` = target) and conflicts. */
export type FileRestorePlan = { readonly writes: readonly FileChange[]; readonly conflicts: readonly FileConflict[] };

/** Compares each target with the disk: already there → nothing; as expected → write; otherwise a conflict. */
export function checkFileTargets(files: WorkspaceFiles, cwd: string, targets: readonly FileTarget[]): Result<FileRestorePlan> {
  return runToEnd(checkFileTargetsSteps(files, cwd, targets));
}

/** `checkFileTargets` as steps: yields after each file read, so a big check can share the event loop. */
export function* checkFileTargetsSteps(files: WorkspaceFiles, cwd: string, targets: readonly FileTarget[]): RestoreSteps<Result<FileRestorePlan>> {
  const writes: FileChange[] = [];
  const conflicts: FileConflict[] = [];
  let done = 0;
  for (const target of targets) {
    const current = files.current(cwd, target.path);
    if (!current.ok) return current;
    yield { phase: 'checking', done: ++done, total: targets.length };
    if (sameVersion(current.value, target.target)) continue;
    if (sameVersion(current.value, target.expected)) {
      writes.push({ path: target.path, before: current.value, after: target.target });
    } else {
      conflicts.push({ path: target.path, current: current.value });
      // Restored too under --overwrite; `before` is what the other party left, so undo brings it back.
    }
  }
  return { ok: true, value: { writes, conflicts } };
}

/** The writes a conflict mode allows: conflicts are written over only with `overwrite`. */
export function writesFor(plan: FileRestorePlan, targets: readonly FileTarget[], mode: FileConflictMode): FileChange[] {
  if (mode !== 'overwrite') return [...plan.writes];
  const byPath = new Map(targets.map((target) => [target.path, target.target]));
  const overwrites = plan.conflicts.map((conflict) => ({
    path: conflict.path,
    before: conflict.current,
    after: byPath.get(conflict.path) ?? null,
  }));
  return [...plan.writes, ...overwrites];
}

/** The refusal when conflicts exist and no mode was chosen: names the files and both ways out. */
export function conflictMessage(agent: string, conflicts: readonly FileConflict[]): string {
  const shown = conflicts.slice(0, 5).map((c) => c.path);
  const more = conflicts.length > shown.length ? ` and ${conflicts.length - shown.length} more` : '';
  const count = conflicts.length === 1 ? '1 file' : `${conflicts.length} files`;
  return (
    `${agent}: ${count} changed since by someone else: ${shown.join(', ')}${more}; ` +
    `nothing was done (--overwrite restores them too, --keep-changed leaves them)`
  );
}

/** Applies writes in order; stops at the first failure, returning the ones done (so an undo point can still record them). */
export function applyFileWrites(
  files: WorkspaceFiles,
  cwd: string,
  writes: readonly FileChange[],
): { readonly done: FileChange[]; readonly error: string | undefined } {
  return runToEnd(applyFileWritesSteps(files, cwd, writes));
}

/** `applyFileWrites` as steps: yields after each file written. */
export function* applyFileWritesSteps(
  files: WorkspaceFiles,
  cwd: string,
  writes: readonly FileChange[],
): RestoreSteps<{ readonly done: FileChange[]; readonly error: string | undefined }> {
  const done: FileChange[] = [];
  for (const write of writes) {
    const restored = files.restore(cwd, write.path, write.after);
    if (!restored.ok) return { done, error: restored.error };
    done.push(write);
    yield { phase: 'restoring', done: done.length, total: writes.length };
  }
  return { done, error: undefined };
}
