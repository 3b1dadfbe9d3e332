// The active branch as a person and the reducer see it (DESIGN.md §3): edits applied as
// overlays, message entries numbered TURN.K, graft markers kept as markers.
import type { TurnAddress } from './address.js';
import { formatAddress } from './address.js';
import { applyEdit } from './edit-overlay.js';
import type {
  EditEntry,
  EditReplacement,
  Entry,
  EntryId,
  GraftMarkerEntry,
  MessageEntry,
} from './entry.js';
import { isMessageEntry } from './entry.js';
import { err, ok, type Result } from './result.js';

/** A message entry of the branch: `entry` reads as edited, `original` is what was recorded. */
export type MessageItem = {
  readonly kind: 'message';
  readonly entry: MessageEntry;
  readonly original: MessageEntry;
  readonly edited: boolean;
  readonly turn: number;
  readonly k: number;
  /** Position of the entry on the path the view was built from. */
  readonly pathIndex: number;
};

/** A graft marker: shown, never numbered, never sent. */
export type MarkerItem = {
  readonly kind: 'marker';
  readonly entry: GraftMarkerEntry;
  readonly turn: number;
  readonly pathIndex: number;
};

export type BranchItem = MessageItem | MarkerItem;

/** One turn's slice of `items` ([firstItem, endItem)) and its numbered entries (k = index + 1). */
export type TurnSpan = {
  readonly turn: number;
  readonly entries: readonly MessageItem[];
  readonly firstItem: number;
  readonly endItem: number;
};

export type BranchView = {
  readonly items: readonly BranchItem[];
  /** Indexed by turn number; `turns[0]` holds the entries before the first turn (often none). */
  readonly turns: readonly TurnSpan[];
  /** Turns 1…turnCount exist. */
  readonly turnCount: number;
};

/** Derives what the active branch reads as; one pass over the path plus one for edits. */
export function viewBranch(path: readonly Entry[]): BranchView {
  const edits = new Map<EntryId, EditReplacement>();
  for (const entry of path) if (entry.kind === 'edit') edits.set(entry.target, entry.replacement);

  const items: BranchItem[] = [];
  const turns: { turn: number; entries: MessageItem[]; firstItem: number }[] = [
    { turn: 0, entries: [], firstItem: 0 },
  ];
  let current = turns[0];
  for (let pathIndex = 0; pathIndex < path.length; pathIndex++) {
    const entry = path[pathIndex];
    if (!entry || !current) continue;
    if (entry.kind === 'graft-marker') {
      items.push({ kind: 'marker', entry, turn: current.turn, pathIndex });
      continue;
    }
    if (!isMessageEntry(entry)) continue;
    if (entry.kind === 'user' && entry.opensTurn) {
      current = { turn: turns.length, entries: [], firstItem: items.length };
      turns.push(current);
    }
    const replacement = edits.get(entry.id);
    const item: MessageItem = {
      kind: 'message',
      entry: replacement ? applyEdit(entry, replacement) : entry,
      original: entry,
      edited: replacement !== undefined,
      turn: current.turn,
      k: current.entries.length + 1,
      pathIndex,
    };
    current.entries.push(item);
    items.push(item);
  }
  const spans = turns.map((span, index) => ({
    ...span,
    endItem: turns[index + 1]?.firstItem ?? items.length,
  }));
  return { items, turns: spans, turnCount: turns.length - 1 };
}

/** Finds the entry a person named: `N` is the message that opened turn N, `N.K` any entry. */
export function locate(view: BranchView, address: TurnAddress): Result<MessageItem> {
  const span = turnSpan(view, address.turn);
  if (!span.ok) return span;
  if (address.k === undefined && address.turn === 0) {
    return err('turn 0 is the start of the branch, not an entry (name one as 0.K)');
  }
  const k = address.k ?? 1;
  const item = span.value.entries[k - 1];
  if (!item || k < 1) {
    const count = span.value.entries.length;
    return err(
      `entry ${formatAddress({ turn: address.turn, k })} does not exist ` +
        `(turn ${address.turn} has ${count} ${count === 1 ? 'entry' : 'entries'})`,
    );
  }
  return ok(item);
}

/** The last numbered entry of a turn (its final answer or tool round). */
export function lastEntryOfTurn(view: BranchView, turn: number): Result<MessageItem> {
  const span = turnSpan(view, turn);
  if (!span.ok) return span;
  const last = span.value.entries[span.value.entries.length - 1];
  return last ? ok(last) : err(`turn ${turn} has no entries`);
}

/** Where `rewind` moves the head, and which later edits must be re-appended so they survive. */
export type RewindPlan = { readonly head: EntryId | null; readonly reapply: EditEntry[] };

/**
 * Plans `rewind N` (keep turns 1…N whole, up to the entry before turn N+1 opens), `rewind N.K`
 * (stop right after entry K) and `rewind 0` (empty branch). `path` is the path `view` was built from.
 * `positionOf` (the tree's index of `path`, if the caller has one) spares indexing the kept part.
 */
export function planRewind(
  path: readonly Entry[],
  view: BranchView,
  address: TurnAddress,
  positionOf?: (id: EntryId) => number | undefined,
): Result<RewindPlan> {
  const headIndex = rewindIndex(path, view, address);
  if (!headIndex.ok) return headIndex;
  const kept = positionOf ?? keptIndex(path, headIndex.value);
  const reapply: EditEntry[] = [];
  for (let i = headIndex.value + 1; i < path.length; i++) {
    const entry = path[i];
    if (entry?.kind !== 'edit') continue;
    const position = kept(entry.target);
    if (position !== undefined && position <= headIndex.value) reapply.push(entry);
  }
  const head = headIndex.value < 0 ? null : (path[headIndex.value]?.id ?? null);
  return ok({ head, reapply });
}

/** What `edit N[.K]` changes: the recorded entry (the edit's target) and how it reads now. */
export type EditTarget = {
  readonly original: MessageEntry;
  readonly current: MessageEntry;
  readonly item: MessageItem;
};

/** Resolves the entry `edit` names, or says why the address names nothing editable. */
export function planEditTarget(view: BranchView, address: TurnAddress): Result<EditTarget> {
  if (address.turn === 0 && address.k === undefined) {
    return err('turn 0 is the start of the branch; name an entry to edit');
  }
  const item = locate(view, address);
  if (!item.ok) return item;
  return ok({ original: item.value.original, current: item.value.entry, item: item.value });
}

/** Positions of the entries at path[0…last]. */
function keptIndex(path: readonly Entry[], last: number): (id: EntryId) => number | undefined {
  const positions = new Map<EntryId, number>();
  for (let i = 0; i <= last; i++) {
    const entry = path[i];
    if (entry) positions.set(entry.id, i);
  }
  return (id) => positions.get(id);
}

/** Path index of the new head for a rewind; -1 means an empty branch. */
function rewindIndex(
  path: readonly Entry[],
  view: BranchView,
  address: TurnAddress,
): Result<number> {
  if (address.k !== undefined) {
    const item = locate(view, address);
    return item.ok ? ok(item.value.pathIndex) : item;
  }
  if (address.turn === 0) return ok(-1);
  const span = turnSpan(view, address.turn);
  if (!span.ok) return span;
  const next = view.turns[address.turn + 1];
  if (!next) return ok(path.length - 1);
  const opener = next.entries[0];
  let index = opener ? opener.pathIndex - 1 : path.length - 1;
  // A graft marker just before the next turn belongs to that turn's grafted run: keeping it
  // would end the branch on an empty "grafted turns…" line.
  while (index >= 0 && path[index]?.kind === 'graft-marker') index--;
  return ok(index);
}

function turnSpan(view: BranchView, turn: number): Result<TurnSpan> {
  const span = Number.isInteger(turn) && turn >= 0 ? view.turns[turn] : undefined;
  if (span) return ok(span);
  const count = view.turnCount;
  return err(
    `turn ${turn} does not exist (the branch has ${count} ${count === 1 ? 'turn' : 'turns'})`,
  );
}
