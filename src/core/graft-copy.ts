// Copies of a branch's entries for another session: `graft` appends them to a target's
// branch, `fork` starts a new session with them (DESIGN.md §3). Pure: ids come from the caller.
import type { BranchItem, BranchView, MessageItem } from './branch.js';
import type { AssistantBlock, Entry, EntryId, MessageEntry, Provenance, Usage } from './entry.js';
import { err, ok, type Result } from './result.js';

export type GraftCopyOptions = {
  /** Fresh entry ids (the controller's id source). */
  readonly newId: () => string;
  /** Fresh tool_use ids; defaults to `toolu_` + a sanitized `newId()`. */
  readonly newToolUseId?: () => string;
  /** The target's head: the marker hangs under it. */
  readonly parent: EntryId | null;
  readonly sourceSession: string;
  readonly sourceName: string;
  readonly fromTurn: number;
  readonly toTurn: number;
  /** Commit time of the copies. */
  readonly at: number;
};

export type ForkCopyOptions = {
  readonly newId: () => string;
  readonly sourceSession: string;
  readonly at: number;
};

const noUsage: Usage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };

/**
 * A graft marker followed by copies of the message items (as they read, edits applied), chained
 * under `options.parent`. Every tool_use gets a fresh id and its result follows it, so grafting
 * the same range twice never repeats a tool id; a result whose call is not in the range gets a
 * fresh id too (the reducer then sends it as a note). Thinking blocks are dropped, markers of
 * the source are not copied, and usage is zero (the copies cost nothing in the target).
 */
export function copyForGraft(items: readonly BranchItem[], options: GraftCopyOptions): Entry[] {
  const newToolUseId =
    options.newToolUseId ?? (() => `toolu_${options.newId().replace(/[^A-Za-z0-9_-]/g, '')}`);
  const messages = items.filter((item): item is MessageItem => item.kind === 'message');
  const markerId = options.newId();
  const copies: Entry[] = [
    {
      id: markerId,
      parent: options.parent,
      at: options.at,
      provenance: { kind: 'local' },
      kind: 'graft-marker',
      sourceSession: options.sourceSession,
      sourceName: options.sourceName,
      fromTurn: options.fromTurn,
      toTurn: options.toTurn,
      count: messages.length,
    },
  ];
  const renamed = new Map<string, string>();
  let parent: EntryId = markerId;
  for (const item of messages) {
    const id = options.newId();
    const provenance: Provenance = {
      kind: 'graft',
      sourceSession: options.sourceSession,
      sourceEntry: item.original.id,
      sourceName: options.sourceName,
    };
    const copy = copyMessage(
      item.entry,
      { id, parent, at: options.at, provenance },
      {
        toolUse: (old) => {
          const fresh = newToolUseId();
          renamed.set(old, fresh);
          return fresh;
        },
        toolResult: (old) => renamed.get(old) ?? newToolUseId(),
        dropThinking: true,
      },
    );
    copies.push(copy);
    parent = id;
  }
  return copies;
}

/**
 * Copies for a new session's first entries (a root chain), edits applied and markers kept.
 * Tool ids are kept: the fork is a session of its own, so they cannot clash with the source,
 * and the fork's first request then repeats the source's prefix exactly (cache hits).
 * Thinking is kept where the source would send it; usage is zero.
 */
export function copyForFork(items: readonly BranchItem[], options: ForkCopyOptions): Entry[] {
  const copies: Entry[] = [];
  let parent: EntryId | null = null;
  for (const item of items) {
    const id = options.newId();
    const original = item.kind === 'marker' ? item.entry : item.original;
    // A grafted entry stays grafted in the fork (its ⎇ source marker kept, B15); the rest came by fork.
    const provenance: Provenance =
      original.provenance.kind === 'graft'
        ? original.provenance
        : { kind: 'fork', sourceSession: options.sourceSession, sourceEntry: original.id };
    const base = { id, parent, at: options.at, provenance };
    copies.push(
      item.kind === 'marker'
        ? { ...item.entry, ...base }
        : copyMessage(item.entry, base, { toolUse: keep, toolResult: keep, dropThinking: false }),
    );
    parent = id;
  }
  return copies;
}

/** The items of turns `from`…`to` of a branch (default: all of them, turn 0 included if it has entries). */
export function selectTurns(view: BranchView, from?: number, to?: number): Result<BranchItem[]> {
  const hasTurnZero = (view.turns[0]?.entries.length ?? 0) > 0;
  if (view.turnCount === 0 && !hasTurnZero) return err('the branch has no turns');
  const first = from ?? (hasTurnZero ? 0 : 1);
  const last = to ?? view.turnCount;
  for (const turn of [first, last]) {
    if (!Number.isInteger(turn) || turn < 0 || turn > view.turnCount) {
      const count = view.turnCount;
      return err(
        `turn ${turn} does not exist (the branch has ${count} ${count === 1 ? 'turn' : 'turns'})`,
      );
    }
  }
  if (first > last)
    return err(`the range ${first}..${last} is empty (${first} comes after ${last})`);
  const start = view.turns[first]?.firstItem ?? 0;
  const end = view.turns[last]?.endItem ?? view.items.length;
  const selected = view.items.slice(start, end);
  if (!selected.some((item) => item.kind === 'message')) {
    return err(`turns ${first}..${last} hold no entries`);
  }
  return ok(selected);
}

type Base = { id: EntryId; parent: EntryId | null; at: number; provenance: Provenance };
type ToolIds = {
  toolUse: (id: string) => string;
  toolResult: (id: string) => string;
  dropThinking: boolean;
};

function keep(id: string): string {
  return id;
}

function copyMessage(entry: MessageEntry, base: Base, ids: ToolIds): MessageEntry {
  switch (entry.kind) {
    case 'user':
      return { ...entry, ...base };
    case 'assistant':
    case 'interrupted':
      return { ...entry, ...base, blocks: copyBlocks(entry.blocks, ids), usage: noUsage };
    case 'tool-result':
      return { ...entry, ...base, toolUseId: ids.toolResult(entry.toolUseId) };
  }
}

function copyBlocks(blocks: readonly AssistantBlock[], ids: ToolIds): AssistantBlock[] {
  const copied: AssistantBlock[] = [];
  for (const block of blocks) {
    if (block.type === 'thinking') {
      if (!ids.dropThinking) copied.push({ ...block });
    } else if (block.type === 'tool_use') {
      copied.push({ ...block, id: ids.toolUse(block.id), input: { ...block.input } });
    } else {
      copied.push({ ...block });
    }
  }
  return copied;
}
