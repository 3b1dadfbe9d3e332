// The file side of `switch BRANCH`: the files the branch being left changed beyond the fork
// point go back to how they were there, then the files the branch switched to changed beyond
// the fork get its latest version. Pure planning; HistoryOps checks the targets against the disk.
import type { Entry, EntryId, FileVersion } from './entry.js';
import { fileChangesOf, sameVersion, type FileTarget } from './file-checkpoint.js';
import type { RewindOptions } from './history-files.js';

/** `switch`'s flags: the same as `rewind`'s (which side moves, what to do with conflicts). */
export type SwitchOptions = RewindOptions;

export const DEFAULT_SWITCH_OPTIONS: SwitchOptions = { scope: 'both', conflicts: 'refuse' };

/** What the switch planning reads from the session tree (SessionTree has it). */
export type EntryLookup = { get(id: EntryId): Entry | undefined };

/**
 * The entries of a side branch beyond its fork point, oldest first: walks up from `tip` until
 * `forkPoint` (null: the branch starts at the root). Costs the length of the branch.
 */
export function entriesToTip(tree: EntryLookup, tip: EntryId, forkPoint: EntryId | null): Entry[] {
  const entries: Entry[] = [];
  for (let id: EntryId | null = tip; id !== null && id !== forkPoint; ) {
    const entry = tree.get(id);
    if (entry === undefined) break;
    entries.push(entry);
    id = entry.parent;
  }
  return entries.reverse();
}

/**
 * One target per path a switch touches. Expected on disk: what this agent last left there (the
 * latest change on the branch being left, else the fork-point version the arriving branch started
 * from). Target: the arriving branch's latest version, else the leaving branch's earliest `before`.
 * A path that ends as it started needs nothing; leaving paths come first, in the order first changed.
 */
export function switchTargets(leaving: readonly Entry[], arriving: readonly Entry[]): FileTarget[] {
  const byPath = new Map<string, { target: FileVersion | null; expected: FileVersion | null }>();
  for (const change of fileChangesOf(leaving)) {
    const known = byPath.get(change.path);
    if (known === undefined) byPath.set(change.path, { target: change.before, expected: change.after });
    else known.expected = change.after;
  }
  for (const change of fileChangesOf(arriving)) {
    // A path only the arriving branch changed expects the version its first change started from.
    const known = byPath.get(change.path);
    if (known === undefined) byPath.set(change.path, { target: change.after, expected: change.before });
    else known.target = change.after;
  }
  const targets: FileTarget[] = [];
  for (const [path, { target, expected }] of byPath) {
    if (!sameVersion(target, expected)) targets.push({ path, target, expected });
  }
  return targets;
}
