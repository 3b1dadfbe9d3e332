// The file side of rewind and undo: which changes an operation takes back, the conflict check
// against the disk, and the words for the status bar. HistoryOps calls these; the disk is
// reached only through the WorkspaceFiles port.
import type { TurnAddress } from './address.js';
import type { Entry, EntryId, FileChange } from './entry.js';
import {
  checkFileTargetsSteps,
  conflictMessage,
  fileChangesOf,
  planFileTargets,
  writesFor,
  type FileConflict,
  type FileConflictMode,
  type FileTarget,
  type WorkspaceFiles,
} from './file-checkpoint.js';
import type { RestoreSteps } from './restore-steps.js';
import { err, ok, type Result } from './result.js';
import type { SessionTree } from './tree.js';

/** What a rewind moves: the conversation head, the files, or both (the default). */
export type RewindScope = 'both' | 'conversation' | 'files';

/** `rewind`'s flags: `--conversation-only` / `--files-only`, `--overwrite` / `--keep-changed`. */
export type RewindOptions = { readonly scope: RewindScope; readonly conflicts: FileConflictMode };

/** A rewind, undo or branch switch whose file conflicts a key flow asks about before acting. */
export type FileOperation =
  | { readonly op: 'rewind'; readonly address: TurnAddress }
  | { readonly op: 'undo' }
  | { readonly op: 'switch'; readonly branch: string };

/** `undo`'s flags: `--overwrite` / `--keep-changed`. */
export type UndoOptions = { readonly conflicts: FileConflictMode };

export const DEFAULT_REWIND_OPTIONS: RewindOptions = { scope: 'both', conflicts: 'refuse' };
export const DEFAULT_UNDO_OPTIONS: UndoOptions = { conflicts: 'refuse' };

/** The entries a head move to `head` takes off the active `path` (everything after it). */
export function entriesAfter(path: readonly Entry[], head: EntryId | null, position: (id: EntryId) => number | undefined): readonly Entry[] {
  if (head === null) return path;
  const at = position(head);
  return at === undefined ? [] : path.slice(at + 1);
}

/** The entries of the active path that are not on the way to `head` (what an undo's head move leaves behind). */
export function entriesLeaving(tree: SessionTree, head: EntryId | null): readonly Entry[] {
  const kept = new Set<EntryId>();
  for (let id = head; id !== null; ) {
    kept.add(id);
    id = tree.get(id)?.parent ?? null;
  }
  return tree.path().filter((entry) => !kept.has(entry.id));
}

/** The targets of a rewind: put back every file the leaving entries changed. */
export function rewindTargets(leaving: readonly Entry[]): FileTarget[] {
  return planFileTargets(fileChangesOf(leaving));
}

/** The targets of undoing a file-restoring rewind: what it replaced, and what later work on the branch did. */
export function undoTargets(restored: readonly FileChange[], leaving: readonly Entry[]): FileTarget[] {
  return planFileTargets([...restored, ...fileChangesOf(leaving)]);
}

/** The writes allowed, plus the conflicts left alone (`keep`); refused with the list when no mode was chosen. */
export type PreparedWrites = { readonly writes: readonly FileChange[]; readonly kept: readonly FileConflict[] };

/** Checks targets against the disk and applies the conflict mode. */
export function* prepareWritesSteps(
  files: WorkspaceFiles,
  cwd: string,
  targets: readonly FileTarget[],
  mode: FileConflictMode,
  agent: string,
): RestoreSteps<Result<PreparedWrites>> {
  if (targets.length === 0) return ok({ writes: [], kept: [] });
  const plan = yield* checkFileTargetsSteps(files, cwd, targets);
  if (!plan.ok) return err(`${agent}: ${plan.error}`);
  if (plan.value.conflicts.length > 0 && mode === 'refuse') {
    return err(conflictMessage(agent, plan.value.conflicts));
  }
  return ok({ writes: writesFor(plan.value, targets, mode), kept: mode === 'keep' ? plan.value.conflicts : [] });
}

/** "restored 3 files", plus the conflicting files left as they were, for the status bar ('' when nothing happened). */
export function describeFileWork(restored: number, kept: readonly FileConflict[]): string {
  const parts: string[] = [];
  if (restored > 0) parts.push(`restored ${restored} ${restored === 1 ? 'file' : 'files'}`);
  if (kept.length > 0) parts.push(`kept ${kept.length} changed ${kept.length === 1 ? 'file' : 'files'}: ${kept.map((k) => k.path).join(', ')}`);
  return parts.join('; ');
}
