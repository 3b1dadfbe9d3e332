// A session's append-only tree of entries (DESIGN.md §3) and the head naming its active branch.
// The active branch (root → head) is kept as a cached array: appending at the head pushes onto
// it, and a head move re-walks only the entries between the new head and the current branch.
import type { Entry, EntryId } from './entry.js';
import { err, ok, type Result } from './result.js';

/** Indexes a session's entries by id and tracks the head; the one source of the active branch. */
export class SessionTree {
  readonly #entries = new Map<EntryId, Entry>();
  readonly #children = new Map<EntryId | null, Entry[]>();
  #head: EntryId | null = null;
  /** root → head; always consistent with #head. */
  #branch: Entry[] = [];
  /** Position on #branch of each entry on it. */
  readonly #branchIndex = new Map<EntryId, number>();
  /** A frozen copy of #branch handed to callers, rebuilt only after a change. */
  #snapshot: readonly Entry[] | null = null;

  /** Number of entries in the whole tree (every branch). */
  get size(): number {
    return this.#entries.size;
  }

  get head(): EntryId | null {
    return this.#head;
  }

  /** Adds an entry anywhere in the tree without moving the head (journal loading, side branches). */
  add(entry: Entry): Result<void> {
    if (this.#entries.has(entry.id)) return err(`entry ${entry.id} already exists`);
    if (entry.parent !== null && !this.#entries.has(entry.parent)) {
      return err(`entry ${entry.id} names an unknown parent ${entry.parent}`);
    }
    if (entry.kind === 'edit' && !this.#entries.has(entry.target)) {
      return err(`edit ${entry.id} targets an unknown entry ${entry.target}`);
    }
    this.#entries.set(entry.id, entry);
    const siblings = this.#children.get(entry.parent);
    if (siblings) siblings.push(entry);
    else this.#children.set(entry.parent, [entry]);
    return ok(undefined);
  }

  /** Adds an entry under the head and makes it the head: the common case, O(1) amortized. */
  append(entry: Entry): Result<void> {
    if (entry.parent !== this.#head) {
      const head = this.#head ?? 'null (empty branch)';
      return err(
        `entry ${entry.id} must have the head ${head} as parent, not ${entry.parent ?? 'null'}`,
      );
    }
    const added = this.add(entry);
    if (!added.ok) return added;
    this.#branchIndex.set(entry.id, this.#branch.length);
    this.#branch.push(entry);
    this.#head = entry.id;
    this.#snapshot = null;
    return ok(undefined);
  }

  get(id: EntryId): Entry | undefined {
    return this.#entries.get(id);
  }

  has(id: EntryId): boolean {
    return this.#entries.has(id);
  }

  /** Moves the head (rewind, undo, branch switch); costs the length of the branch change. */
  setHead(id: EntryId | null): Result<void> {
    if (id === this.#head) return ok(undefined);
    if (id === null) {
      this.#truncateBranch(0);
      this.#head = null;
      return ok(undefined);
    }
    const target = this.#entries.get(id);
    if (!target) return err(`cannot move the head to unknown entry ${id}`);
    // Walk up from the new head until the walk meets the current branch (or passes the root).
    const added: Entry[] = [];
    let cursor: Entry | undefined = target;
    let keep = 0;
    while (cursor) {
      const position = this.#branchIndex.get(cursor.id);
      if (position !== undefined) {
        keep = position + 1;
        break;
      }
      added.push(cursor);
      cursor = cursor.parent === null ? undefined : this.#entries.get(cursor.parent);
    }
    this.#truncateBranch(keep);
    for (let i = added.length - 1; i >= 0; i--) {
      const entry = added[i];
      if (!entry) continue;
      this.#branchIndex.set(entry.id, this.#branch.length);
      this.#branch.push(entry);
    }
    this.#head = id;
    return ok(undefined);
  }

  /** Direct children of an entry (or the roots, for null), in the order they were added. */
  children(id: EntryId | null): readonly Entry[] {
    const found = this.#children.get(id);
    return found ? found.slice() : [];
  }

  /**
   * The active branch, root → head. The array is a snapshot: it does not change when the tree
   * does, and the same array is returned until the branch changes (a flat copy, no walk).
   */
  path(): readonly Entry[] {
    if (this.#snapshot === null) this.#snapshot = Object.freeze(this.#branch.slice());
    return this.#snapshot;
  }

  /** Position of an entry on the active branch, if it is on it. */
  branchPosition(id: EntryId): number | undefined {
    return this.#branchIndex.get(id);
  }

  #truncateBranch(length: number): void {
    for (let i = length; i < this.#branch.length; i++) {
      const entry = this.#branch[i];
      if (entry) this.#branchIndex.delete(entry.id);
    }
    this.#branch.length = length;
    this.#snapshot = null;
  }
}
