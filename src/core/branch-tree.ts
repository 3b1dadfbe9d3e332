// The whole session tree as the timeline shows it (issue 5): the active branch and every other
// tip — branches left by rewinds, undone edits and grafts — with where each leaves the active
// branch, what it holds and what made it. One pass over the active path and the side subtrees.
import type { TurnAddress } from './address.js';
import type { BranchView } from './branch.js';
import { editableText } from './edit-overlay.js';
import type { Entry, EntryId, MessageEntry } from './entry.js';
import { isMessageEntry } from './entry.js';
import { err, ok, type Result } from './result.js';
import { sanitizePlain } from './sanitize.js';

/** What the branch tree reads from the session tree (SessionTree has all of it). */
export type BranchTreeSource = {
  readonly head: EntryId | null;
  get(id: EntryId): Entry | undefined;
  children(id: EntryId | null): readonly Entry[];
  path(): readonly Entry[];
  /** Position on the active branch of an entry on it. */
  branchPosition(id: EntryId): number | undefined;
};

/** What left a side branch: a rewind (or any head move), an edit that is not on the active branch, a graft run. */
export type BranchOrigin =
  | { readonly kind: 'rewind' }
  | {
      readonly kind: 'edit';
      readonly target: EntryId;
      /** The edited entry's TURN.K on the active branch, when it is on it. */
      readonly targetAddress: TurnAddress | undefined;
      readonly text: string;
    }
  | { readonly kind: 'graft'; readonly sourceName: string; readonly fromTurn: number; readonly toTurn: number };

/** One tip off the active branch, numbered as the timeline lists it (1 = the first). */
export type SideBranch = {
  readonly number: number;
  readonly tip: EntryId;
  /** The entry of the active branch it leaves from; null when it leaves before the first entry. */
  readonly forkPoint: EntryId | null;
  /** forkPoint's position on the active path, -1 for the start. */
  readonly forkIndex: number;
  /** The fork point as the active branch numbers it (the message at or before it; turn 0 at the start). */
  readonly forkAddress: TurnAddress;
  /** The number the first turn it opens would have on the active branch (fork turn + 1). */
  readonly firstTurn: number;
  /** Turns it opens beyond the fork point, and message entries it holds there. */
  readonly turns: number;
  readonly entries: number;
  /** One line each, sanitized, as the branch reads (its own edits applied). */
  readonly firstUser: string | undefined;
  readonly lastAssistant: string | undefined;
  /** When its tip was written (epoch ms). */
  readonly at: number;
  readonly origin: BranchOrigin;
  /** 0 when it shares nothing beyond the fork with an earlier-listed branch; else one more than that branch. */
  readonly depth: number;
  /** The earlier-listed side branch it splits off from, if any. */
  readonly splitsFrom: number | undefined;
};

/** The active branch's tip and every side branch, in the order the timeline lists them. */
export type BranchTree = {
  readonly head: EntryId | null;
  readonly activeTurns: number;
  readonly branches: readonly SideBranch[];
};

const SUMMARY_WIDTH = 60;

/** A message beyond the fork, remembered with its id so an edit further down can replace its text. */
type Remembered = { readonly id: EntryId; readonly text: string };

/** What a walk down one side branch has seen since the fork point. */
type Seen = {
  turns: number;
  entries: number;
  firstUser: Remembered | undefined;
  lastAssistant: Remembered | undefined;
  firstKind: Entry['kind'] | undefined;
  graft: Extract<BranchOrigin, { kind: 'graft' }> | undefined;
  edit: { readonly target: EntryId; readonly text: string } | undefined;
};

/** Shared by the leaves of one line of descent, so a later sibling knows whom it splits from. */
type Group = { first: number | undefined };

type Frame = {
  readonly entry: Entry;
  readonly seen: Seen;
  readonly forkIndex: number;
  readonly group: Group;
  readonly splitsFrom: Group | undefined;
  readonly depth: number;
};

/**
 * Lists the side branches of a session: every leaf off the active path. Costs the length of the
 * active path plus the size of the side subtrees (each entry is visited once).
 */
export function buildBranchTree(tree: BranchTreeSource, view: BranchView): BranchTree {
  const path = tree.path();
  const branches: SideBranch[] = [];
  const visit = (start: Entry, forkIndex: number): void => {
    const stack: Frame[] = [{ entry: start, seen: emptySeen(), forkIndex, group: { first: undefined }, splitsFrom: undefined, depth: 0 }];
    for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
      const seen = frame.seen;
      let entry = frame.entry;
      // Walk a line of single children without copying what it has seen.
      for (;;) {
        note(seen, entry);
        const children = tree.children(entry.id);
        const first = children[0];
        if (first === undefined) {
          branches.push(sideBranch(branches.length + 1, entry, frame, view, path, (id) => tree.branchPosition(id)));
          frame.group.first ??= branches.length;
          break;
        }
        if (children.length === 1) {
          entry = first;
          continue;
        }
        for (let i = children.length - 1; i >= 1; i--) {
          const child = children[i];
          if (child === undefined) continue;
          stack.push({ entry: child, seen: { ...seen }, forkIndex: frame.forkIndex, group: { first: undefined }, splitsFrom: frame.group, depth: frame.depth + 1 });
        }
        entry = first;
      }
    }
  };
  for (let index = -1; index < path.length; index++) {
    const onPath = index < 0 ? undefined : path[index];
    const next = path[index + 1];
    for (const child of tree.children(onPath === undefined ? null : onPath.id)) {
      if (child.id !== next?.id) visit(child, index);
    }
  }
  return { head: tree.head, activeTurns: view.turnCount, branches };
}

/** Finds the branch a person named: its number as the timeline lists it, or its tip's id. */
export function findBranch(branchTree: BranchTree, reference: string): Result<SideBranch> {
  const count = branchTree.branches.length;
  const numbered = /^\d+$/.test(reference);
  const byNumber = numbered ? branchTree.branches[Number(reference) - 1] : undefined;
  if (byNumber !== undefined) return ok(byNumber);
  // Entry ids are hex, so a rare one is all digits: a tip id still finds its branch.
  const byTip = branchTree.branches.find((branch) => branch.tip === reference);
  if (byTip !== undefined) return ok(byTip);
  if (reference === branchTree.head) return err(`${reference} is already the head`);
  if (count === 0) return err('there are no other branches');
  if (numbered) return err(`branch ${reference} does not exist (branches 1..${count})`);
  return err(`"${reference}" is neither a branch number nor the tip of a branch`);
}

function emptySeen(): Seen {
  return { turns: 0, entries: 0, firstUser: undefined, lastAssistant: undefined, firstKind: undefined, graft: undefined, edit: undefined };
}

function note(seen: Seen, entry: Entry): void {
  seen.firstKind ??= entry.kind;
  if (entry.kind === 'graft-marker') {
    seen.graft ??= { kind: 'graft', sourceName: entry.sourceName, fromTurn: entry.fromTurn, toTurn: entry.toTurn };
    return;
  }
  if (entry.kind === 'edit') {
    const text = oneLine(entry.replacement.kind === 'text' ? entry.replacement.text : entry.replacement.content);
    seen.edit ??= { target: entry.target, text };
    if (seen.firstUser?.id === entry.target) seen.firstUser = { id: entry.target, text };
    if (seen.lastAssistant?.id === entry.target) seen.lastAssistant = { id: entry.target, text };
    return;
  }
  if (!isMessageEntry(entry)) return;
  seen.entries += 1;
  if (entry.kind === 'user' && entry.opensTurn) seen.turns += 1;
  if (entry.kind === 'user') seen.firstUser ??= { id: entry.id, text: oneLine(entry.text) };
  if (entry.kind === 'assistant' || entry.kind === 'interrupted') seen.lastAssistant = { id: entry.id, text: answerLine(entry) };
}

function sideBranch(
  number: number,
  tip: Entry,
  frame: Frame,
  view: BranchView,
  path: readonly Entry[],
  position: (id: EntryId) => number | undefined,
): SideBranch {
  const seen = frame.seen;
  const forkAddress = addressAt(view, frame.forkIndex);
  return {
    number,
    tip: tip.id,
    forkPoint: path[frame.forkIndex]?.id ?? null,
    forkIndex: frame.forkIndex,
    forkAddress,
    firstTurn: forkAddress.turn + 1,
    turns: seen.turns,
    entries: seen.entries,
    firstUser: seen.firstUser?.text,
    lastAssistant: seen.lastAssistant?.text,
    at: tip.at,
    origin: originOf(seen, view, position),
    depth: frame.depth,
    splitsFrom: frame.splitsFrom?.first,
  };
}

function originOf(seen: Seen, view: BranchView, position: (id: EntryId) => number | undefined): BranchOrigin {
  if (seen.firstKind === 'graft-marker' && seen.graft !== undefined) return seen.graft;
  if (seen.edit !== undefined) {
    const target = seen.edit.target;
    const at = position(target);
    const item = at === undefined ? undefined : itemAt(view, at);
    const targetAddress = item !== undefined && item.pathIndex === at ? item.address : undefined;
    return { kind: 'edit', target, targetAddress, text: seen.edit.text };
  }
  return { kind: 'rewind' };
}

/** The TURN.K of the message at or before a path position (turn 0 before any). */
function addressAt(view: BranchView, pathIndex: number): TurnAddress {
  return itemAt(view, pathIndex)?.address ?? { turn: 0 };
}

/** The last numbered item at or before `pathIndex` (binary search: items are in path order). */
function itemAt(view: BranchView, pathIndex: number): { address: TurnAddress; pathIndex: number } | undefined {
  let low = 0;
  let high = view.items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const item = view.items[middle];
    if (item !== undefined && item.pathIndex <= pathIndex) low = middle + 1;
    else high = middle;
  }
  for (let index = low - 1; index >= 0; index--) {
    const item = view.items[index];
    if (item?.kind === 'message') return { address: { turn: item.turn, k: item.k }, pathIndex: item.pathIndex };
  }
  return undefined;
}

function answerLine(entry: MessageEntry): string {
  const text = oneLine(editableText(entry));
  if (text !== '' || (entry.kind !== 'assistant' && entry.kind !== 'interrupted')) return text;
  return entry.blocks.flatMap((block) => (block.type === 'tool_use' ? [`→ ${block.name}`] : [])).join(' ');
}

function oneLine(text: string): string {
  const plain = sanitizePlain(text).replace(/\s+/g, ' ').trim();
  return plain.length > SUMMARY_WIDTH ? `${plain.slice(0, SUMMARY_WIDTH - 1)}…` : plain;
}
