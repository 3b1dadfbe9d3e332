// The active branch's view (DESIGN.md §3) kept in step with the head, so that reading it for an
// edit, an `edit` prompt or a model request costs the same whatever the session length (§6).
// Appends at the head are folded in O(1) amortized; a head move costs one `viewBranch` rebuild.
import { viewBranch, type BranchItem, type BranchView, type MessageItem, type TurnSpan } from './branch.js';
import { applyEdit } from './edit-overlay.js';
import type { EditEntry, Entry, EntryId } from './entry.js';
import { isMessageEntry } from './entry.js';

/** A turn span this class may grow in place (only ever the last one) or patch (an edit). */
type LiveSpan = { turn: number; entries: MessageItem[]; firstItem: number; endItem: number };

/**
 * A `BranchView` that is always `viewBranch(path to head)` for the head it was last brought to.
 * It is live: the arrays it hands out change with the session, so read it, don't keep it.
 * The view depends on the head alone (the tree is append-only and ids are unique), so a head
 * this view has not seen is all it takes to know that it must be rebuilt.
 */
export class LiveBranch implements BranchView {
  #items: BranchItem[] = [];
  #turns: LiveSpan[] = [{ turn: 0, entries: [], firstItem: 0, endItem: 0 }];
  /** Index in #items of each message item, by the id of its recorded entry (edit targets). */
  readonly #itemIndex = new Map<EntryId, number>();
  /** Length of the path the view was built from (edits count: they have a path position). */
  #pathLength = 0;
  /** The head whose path this view is. */
  #head: EntryId | null = null;

  get items(): readonly BranchItem[] {
    return this.#items;
  }

  get turns(): readonly TurnSpan[] {
    return this.#turns;
  }

  get turnCount(): number {
    return this.#turns.length - 1;
  }

  /** The head this view currently describes. */
  get head(): EntryId | null {
    return this.#head;
  }

  /**
   * Folds in an entry just appended at the head, in O(1) amortized. An entry that does not
   * continue this view's head is ignored: the view stays at its old head and `syncTo` rebuilds.
   */
  append(entry: Entry): void {
    if (entry.parent !== this.#head) return;
    const pathIndex = this.#pathLength;
    this.#pathLength += 1;
    this.#head = entry.id;
    if (entry.kind === 'edit') {
      this.#applyEdit(entry.target, entry);
      return;
    }
    const current = this.#lastSpan();
    if (entry.kind === 'graft-marker') {
      this.#items.push({ kind: 'marker', entry, turn: current.turn, pathIndex });
      current.endItem = this.#items.length;
      return;
    }
    if (!isMessageEntry(entry)) return;
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
    this.#itemIndex.set(entry.id, this.#items.length);
    this.#items.push(item);
    span.entries.push(item);
    span.endItem = this.#items.length;
  }

  /** Brings the view to `head`: nothing if it is there already, else one rebuild from `path()`. */
  syncTo(head: EntryId | null, path: () => readonly Entry[]): void {
    if (head === this.#head) return;
    this.#rebuild(head, path());
  }

  #rebuild(head: EntryId | null, path: readonly Entry[]): void {
    const view = viewBranch(path);
    this.#items = view.items.slice();
    this.#turns = view.turns.map((span) => ({
      turn: span.turn,
      entries: span.entries.slice(),
      firstItem: span.firstItem,
      endItem: span.endItem,
    }));
    this.#itemIndex.clear();
    for (const [index, item] of this.#items.entries()) {
      if (item.kind === 'message') this.#itemIndex.set(item.original.id, index);
    }
    this.#pathLength = path.length;
    this.#head = head;
  }

  // As in viewBranch: the newest edit of a target wins, applied to what was recorded; an edit
  // of an entry off this branch (or of a non-message) changes nothing here.
  #applyEdit(target: EntryId, edit: EditEntry): void {
    const index = this.#itemIndex.get(target);
    const item = index === undefined ? undefined : this.#items[index];
    if (index === undefined || item?.kind !== 'message') return;
    const edited: MessageItem = { ...item, entry: applyEdit(item.original, edit.replacement), edited: true };
    this.#items[index] = edited;
    const span = this.#turns[item.turn];
    if (span) span.entries[item.k - 1] = edited;
  }

  #lastSpan(): LiveSpan {
    const last = this.#turns[this.#turns.length - 1];
    if (last) return last;
    const first: LiveSpan = { turn: 0, entries: [], firstItem: 0, endItem: this.#items.length };
    this.#turns.push(first);
    return first;
  }
}
