// The active branch's view (DESIGN.md §3) kept in step with the head, so that reading it for an
// edit, an `edit` prompt or a model request costs the same whatever the session length (§6).
// An append at the head is folded in O(1) amortized; a head move costs the entries it drops and
// adds (a rewind drops, its undo re-adds), never a re-walk of the kept part of the branch.
import type { BranchItem, BranchView, MessageItem, TurnSpan } from './branch.js';
import { applyEdit } from './edit-overlay.js';
import type { EditEntry, Entry, EntryId } from './entry.js';
import { isMessageEntry } from './entry.js';

/** What the live view reads from the session tree (SessionTree has all of it). */
export type BranchSource = {
  readonly head: EntryId | null;
  get(id: EntryId): Entry | undefined;
  /** Position on the tree's active branch (root → head) of an entry on it. */
  branchPosition(id: EntryId): number | undefined;
  path(): readonly Entry[];
};

/** A turn span this class grows in place (only ever the last one) or patches (an edit). */
type LiveSpan = { turn: number; entries: MessageItem[]; firstItem: number; endItem: number };

/** An applied edit, kept so that dropping it (a head move before it) restores the item. */
type AppliedEdit = { readonly pathIndex: number; readonly itemIndex: number; readonly previous: MessageItem };

/**
 * A `BranchView` equal to `viewBranch(path to head)` for the head it last followed. It is live:
 * its arrays change with the session, so read it, don't keep it. The view depends on the head
 * alone (the tree is append-only and ids are unique), so a head it has not followed is all it
 * takes to know it must catch up.
 */
export class LiveBranch implements BranchView {
  #items: BranchItem[] = [];
  #turns: LiveSpan[] = [{ turn: 0, entries: [], firstItem: 0, endItem: 0 }];
  /** Ids of the path the view was built from, by path position (edits included). */
  #pathIds: EntryId[] = [];
  /** Index in #items of the item for each path position, or -1 (edits make no item). */
  #itemAtPath: number[] = [];
  /** Edits applied, in path order. */
  #applied: AppliedEdit[] = [];
  /** False until the first full build, and after anything this class could not follow. */
  #synced = false;

  get items(): readonly BranchItem[] {
    return this.#items;
  }

  get turns(): readonly TurnSpan[] {
    return this.#turns;
  }

  get turnCount(): number {
    return this.#turns.length - 1;
  }

  /**
   * Folds in an entry the tree just appended at its head (so `tree` already holds it), in O(1)
   * amortized. An entry that does not continue this view's path leaves the view to `syncTo`.
   */
  append(entry: Entry, tree: BranchSource): void {
    if (!this.#synced || entry.parent !== this.#lastId()) {
      this.#synced = false;
      return;
    }
    this.#fold(entry, tree);
  }

  /**
   * Follows a head move the tree has just made: drops the entries no longer on the branch
   * (restoring what their edits changed), then folds in the new ones. Costs what changed.
   */
  followHead(tree: BranchSource): void {
    if (!this.#synced || tree.head === this.#lastId()) return;
    const keep = this.#keptLength(tree);
    this.#truncate(keep);
    const added: Entry[] = [];
    for (let id = tree.head; id !== null; ) {
      const entry = tree.get(id);
      if (entry === undefined) {
        this.#synced = false;
        return;
      }
      if (tree.branchPosition(id) === keep - 1) break;
      added.push(entry);
      id = entry.parent;
    }
    for (let i = added.length - 1; i >= 0; i--) {
      const entry = added[i];
      if (entry !== undefined) this.#fold(entry, tree);
    }
  }

  /** Brings the view to the tree's head if it lost track (first read, replay): one full build. */
  syncTo(tree: BranchSource): void {
    if (this.#synced && tree.head === this.#lastId()) return;
    this.#items = [];
    this.#turns = [{ turn: 0, entries: [], firstItem: 0, endItem: 0 }];
    this.#pathIds = [];
    this.#itemAtPath = [];
    this.#applied = [];
    this.#synced = true;
    for (const entry of tree.path()) this.#fold(entry, tree);
  }

  #fold(entry: Entry, tree: BranchSource): void {
    const pathIndex = this.#pathIds.length;
    this.#pathIds.push(entry.id);
    if (entry.kind === 'edit') {
      this.#itemAtPath.push(-1);
      this.#applyEdit(entry, pathIndex, tree);
      return;
    }
    const current = this.#lastSpan();
    if (entry.kind === 'graft-marker') {
      this.#itemAtPath.push(this.#items.length);
      this.#items.push({ kind: 'marker', entry, turn: current.turn, pathIndex });
      current.endItem = this.#items.length;
      return;
    }
    if (!isMessageEntry(entry)) {
      this.#itemAtPath.push(-1);
      return;
    }
    let span = current;
    if (entry.kind === 'user' && entry.opensTurn) {
      span = { turn: this.#turns.length, entries: [], firstItem: this.#items.length, endItem: this.#items.length };
      this.#turns.push(span);
    }
    const item: MessageItem = {
      kind: 'message',
      entry,
      original: entry,
      edited: false,
      turn: span.turn,
      k: span.entries.length + 1,
      pathIndex,
    };
    this.#itemAtPath.push(this.#items.length);
    this.#items.push(item);
    span.entries.push(item);
    span.endItem = this.#items.length;
  }

  // As in viewBranch: the newest edit of a target wins, applied to what was recorded; an edit of
  // an entry off this branch (or of a marker or another edit) changes nothing here.
  #applyEdit(edit: EditEntry, pathIndex: number, tree: BranchSource): void {
    const position = tree.branchPosition(edit.target);
    if (position === undefined || position >= pathIndex) return;
    const itemIndex = this.#itemAtPath[position] ?? -1;
    const item = this.#items[itemIndex];
    if (item?.kind !== 'message') return;
    this.#applied.push({ pathIndex, itemIndex, previous: item });
    this.#setItem(itemIndex, { ...item, entry: applyEdit(item.original, edit.replacement), edited: true });
  }

  #setItem(itemIndex: number, item: MessageItem): void {
    this.#items[itemIndex] = item;
    const span = this.#turns[item.turn];
    if (span) span.entries[item.k - 1] = item;
  }

  /** Cuts the view back to the first `length` path entries. */
  #truncate(length: number): void {
    for (let last = this.#applied.at(-1); last && last.pathIndex >= length; last = this.#applied.at(-1)) {
      this.#applied.pop();
      this.#setItem(last.itemIndex, last.previous);
    }
    for (let last = this.#items.at(-1); last && last.pathIndex >= length; last = this.#items.at(-1)) {
      this.#items.pop();
      if (last.kind !== 'message') continue;
      const span = this.#turns[last.turn];
      span?.entries.pop();
      if (span && span.turn > 0 && span.entries.length === 0) this.#turns.pop();
    }
    this.#lastSpan().endItem = this.#items.length;
    this.#pathIds.length = Math.min(length, this.#pathIds.length);
    this.#itemAtPath.length = this.#pathIds.length;
  }

  /** How much of this view's path is still on the tree's branch (a prefix: binary search). */
  #keptLength(tree: BranchSource): number {
    let low = 0;
    let high = this.#pathIds.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const id = this.#pathIds[middle];
      if (id !== undefined && tree.branchPosition(id) === middle) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  #lastId(): EntryId | null {
    return this.#pathIds.at(-1) ?? null;
  }

  #lastSpan(): LiveSpan {
    const last = this.#turns.at(-1);
    if (last) return last;
    const first: LiveSpan = { turn: 0, entries: [], firstItem: 0, endItem: this.#items.length };
    this.#turns.push(first);
    return first;
  }
}
