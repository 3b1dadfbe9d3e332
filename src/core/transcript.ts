// The transcript a pane draws (DESIGN.md §3, §6): the active branch plus the answer streaming
// now and the output of the tool running now, as numbered, styled entries wrapped per pane
// width. Appends and stream deltas touch only the blocks they change (and re-wrap only those);
// `reset` keeps the unchanged leading entries; tool output is laid out at most once per frame.
import type { BranchItem, BranchView } from './branch.js';
import type { EntryId } from './entry.js';
import type { StreamEvent } from './provider.js';
import { addressLabel, markerBlock, messageBlock, noticeBlock } from './transcript-entries.js';
import { LiveAnswer, liveLineBlock, type Piece } from './transcript-live.js';
import { LiveToolOutput } from './transcript-tool-output.js';
import { previewBlock } from './transcript-preview.js';
import type { PreviewLine } from './approval-preview.js';
import { rowOf, WidthLayout, type Block } from './transcript-rows.js';
import type { DisplayLine, TranscriptView } from './transcript-view.js';

/** Widths not asked for during this many queries lose their wrapping. */
const STALE_QUERIES = 2000;
const MAX_WIDTHS = 4;

type Notice = { readonly anchor: EntryId | null; readonly block: Block };
type BlockKey = BranchItem['entry'] | Notice;

/** Where one row comes from: its block, the entry that block shows (none for notices and the live answer), and [start, end) of the block's text. */
export type RowSource = {
  readonly block: number;
  readonly entry: BranchItem['entry'] | undefined;
  readonly text: string;
  readonly start: number;
  readonly end: number;
};

/** A pane's transcript: the active branch as numbered entries, plus the live answer. */
export class Transcript implements TranscriptView {
  #version = 0;
  #agentName: string;
  #blocks: Block[] = [];
  /** What each committed block shows (an entry or a notice), to reuse blocks on `reset`. */
  #keys: BlockKey[] = [];
  #notices: Notice[] = [];
  #lastEntry: EntryId | null = null;
  #turn = 0;
  #k = 0;
  #live: LiveAnswer | undefined;
  #toolOutput: LiveToolOutput | undefined;
  /** What a call waiting for approval would write (shown where its output will go). */
  #preview: Block | undefined;
  /** The tool output block placed last in `#blocks`, if any (placed when a frame asks). */
  #placedTool: Block | undefined;
  #layouts: WidthLayout[] = [];
  #queries = 0;

  constructor(options: { agentName?: string } = {}) {
    this.#agentName = options.agentName ?? 'assistant';
  }

  get version(): number {
    return this.#version;
  }

  /** Rebuilds from the branch (after rewind, undo, edit, graft, restart); unchanged leading entries are kept. */
  reset(view: BranchView, agentName?: string): void {
    this.#liftToolOutput();
    const live = this.#detachLive();
    if (agentName !== undefined && agentName !== this.#agentName) {
      this.#agentName = agentName;
      this.#truncate(0);
    }
    const present = new Set<EntryId | null>([null, ...view.items.map((item) => item.entry.id)]);
    this.#notices = this.#notices.filter((notice) => present.has(notice.anchor));
    const byAnchor = new Map<EntryId | null, Notice[]>();
    for (const notice of this.#notices) byAnchor.set(notice.anchor, [...(byAnchor.get(notice.anchor) ?? []), notice]);
    let position = 0;
    let reusing = true;
    const place = (key: BlockKey, make: () => Block): void => {
      if (reusing && this.#keys[position] === key) {
        position += 1;
        return;
      }
      if (reusing) this.#truncate(position);
      reusing = false;
      this.#push(key, make());
      position += 1;
    };
    for (const notice of byAnchor.get(null) ?? []) place(notice, () => notice.block);
    this.#turn = 0;
    this.#k = 0;
    this.#lastEntry = null;
    for (const item of view.items) {
      const blankBefore = position > 0;
      place(item.entry, () => this.#itemBlock(item, blankBefore));
      this.#advance(item);
      for (const notice of byAnchor.get(item.entry.id) ?? []) place(notice, () => notice.block);
    }
    if (reusing) this.#truncate(position);
    this.#attachLive(live);
    this.#version += 1;
  }

  /** Adds the entry just committed at the head; a committed answer replaces the live one. */
  append(item: BranchItem): void {
    this.#liftToolOutput();
    const entry = item.entry;
    if (entry.kind === 'tool-result' && entry.toolUseId === this.#toolOutput?.toolUseId) this.#toolOutput = undefined;
    this.#preview = undefined;
    let live = this.#detachLive();
    if (item.entry.kind === 'assistant' || item.entry.kind === 'interrupted') live = undefined;
    this.#push(item.entry, this.#itemBlock(item, this.#blocks.length > 0));
    this.#advance(item);
    this.#attachLive(live);
    this.#version += 1;
  }

  /** Shows the answer streaming now: text grows the last line, tool calls show as they form. */
  streamEvent(event: StreamEvent): void {
    if (event.type === 'usage') return;
    this.#liftToolOutput();
    const started = this.#live;
    const live = started ?? new LiveAnswer(this.#liveHeader());
    this.#live = live;
    const changed = live.apply(event);
    this.#syncLive(live, started ? changed : 0);
    this.#version += 1;
  }

  /** Drops the live answer and tool output (the committed entry, if any, arrives through `append`). */
  endStream(): void {
    this.#liftToolOutput();
    const hadOutput = this.#toolOutput !== undefined || this.#preview !== undefined;
    this.#toolOutput = undefined;
    this.#preview = undefined;
    if (!this.#detachLive() && !hadOutput) return;
    this.#version += 1;
  }

  /** Shows output of the running call `toolUseId` as it arrives, until its result is appended. */
  toolOutput(toolUseId: string, chunk: string): void {
    if (this.#toolOutput?.toolUseId !== toolUseId) this.#toolOutput = new LiveToolOutput(toolUseId);
    this.#toolOutput.feed(chunk);
    this.#version += 1;
  }

  /** Shows (or, with undefined, drops) the preview of the call waiting for approval, last in the pane. */
  approvalPreview(rows: readonly PreviewLine[] | undefined): void {
    if (rows === undefined && this.#preview === undefined) return;
    this.#liftToolOutput();
    this.#preview = rows === undefined ? undefined : previewBlock(rows);
    this.#version += 1;
  }

  /** Shows a load error or retry notice after the entries so far. */
  notice(text: string, isError: boolean): void {
    this.#liftToolOutput();
    const live = this.#detachLive();
    const notice: Notice = { anchor: this.#lastEntry, block: noticeBlock(text, isError) };
    this.#notices.push(notice);
    this.#push(notice, notice.block);
    this.#attachLive(live);
    this.#version += 1;
  }

  lineCount(width: number): number {
    return this.#layout(width).rowCount;
  }

  lines(width: number, start: number, count: number): readonly DisplayLine[] {
    const layout = this.#layout(width);
    const first = Math.max(0, Math.floor(start));
    const end = Math.min(layout.rowCount, first + Math.max(0, Math.floor(count)));
    if (first >= end) return [];
    const rows: DisplayLine[] = [];
    let block = layout.blockOfRow(first);
    for (let row = first; row < end; row++) {
      while (block + 1 < layout.validBlocks && (layout.firsts[block + 1] ?? 0) <= row) block += 1;
      const source = this.#blocks[block];
      if (!source) break;
      rows.push(rowOf(source, layout.rows[2 * row] ?? 0, layout.rows[2 * row + 1] ?? 0, layout.width));
    }
    return rows;
  }

  /** How many blocks there are (entries, notices, live lines): copy mode and search walk them. */
  get blockCount(): number {
    return this.#blocks.length;
  }

  /** A block: its display text (sanitized, what search looks through) and style runs. */
  blockAt(block: number): Block | undefined {
    return this.#blocks[block];
  }

  /** The entry block `block` shows; undefined for notices and live lines. */
  blockEntry(block: number): BranchItem['entry'] | undefined {
    const key = this.#keys[block];
    return key === undefined || 'anchor' in key ? undefined : key;
  }

  /** Where row `row` at this width comes from (copy mode, tool details). */
  rowSource(width: number, row: number): RowSource | undefined {
    const layout = this.#layout(width);
    if (row < 0 || row >= layout.rowCount) return undefined;
    const block = layout.blockOfRow(row);
    const source = this.#blocks[block];
    if (source === undefined) return undefined;
    const start = layout.rows[2 * row] ?? 0;
    const end = layout.rows[2 * row + 1] ?? 0;
    return { block, entry: this.blockEntry(block), text: source.text, start, end };
  }

  /** The row at this width that shows offset `offset` of block `block` (search jumps there). */
  rowOfOffset(width: number, block: number, offset: number): number {
    const layout = this.#layout(width);
    if (block >= layout.validBlocks) return Math.max(0, layout.rowCount - 1);
    const first = layout.firsts[block] ?? 0;
    const last = block + 1 < layout.validBlocks ? (layout.firsts[block + 1] ?? layout.rowCount) : layout.rowCount;
    let low = first;
    let high = Math.max(first, last - 1);
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((layout.rows[2 * mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  #layout(width: number): WidthLayout {
    const cells = Math.max(1, Math.floor(width));
    this.#queries += 1;
    let layout = this.#layouts.find((candidate) => candidate.width === cells);
    if (!layout) {
      layout = new WidthLayout(cells);
      this.#layouts.push(layout);
    }
    layout.lastUsed = this.#queries;
    this.#placeToolOutput();
    if (this.#layouts.length > 1) {
      this.#layouts = this.#layouts
        .filter((candidate) => candidate.lastUsed > this.#queries - STALE_QUERIES)
        .sort((a, b) => b.lastUsed - a.lastUsed)
        .slice(0, MAX_WIDTHS);
    }
    layout.sync(this.#blocks);
    return layout;
  }

  #itemBlock(item: BranchItem, blankBefore: boolean): Block {
    if (item.kind === 'marker') return markerBlock(item);
    const opens = item.entry.kind === 'user' && item.entry.opensTurn;
    return messageBlock(item, this.#agentName, blankBefore && opens);
  }

  #advance(item: BranchItem): void {
    this.#lastEntry = item.entry.id;
    if (item.kind === 'message') {
      this.#turn = item.turn;
      this.#k = item.k;
    }
  }

  #liveHeader(): Piece[] {
    return [
      { text: addressLabel(this.#turn, this.#k + 1), style: 'turn' },
      { text: ' ', style: 'plain' },
      { text: this.#agentName, style: 'assistant' },
    ];
  }

  /** Puts the current tool output block last, replacing an older one (the only block after the live answer). */
  #placeToolOutput(): void {
    const block = this.#toolOutput?.block() ?? this.#preview;
    if (block === this.#placedTool) return;
    this.#liftToolOutput();
    if (block === undefined) return;
    this.#blocks.push(block);
    this.#placedTool = block;
  }

  /** Takes the tool output block off the end before other blocks change (it goes back at the next frame). */
  #liftToolOutput(): void {
    if (this.#placedTool === undefined) return;
    this.#placedTool = undefined;
    this.#truncate(this.#blocks.length - 1);
  }

  #push(key: BlockKey, block: Block): void {
    this.#keys.push(key);
    this.#blocks.push(block);
  }

  #truncate(length: number): void {
    if (length >= this.#blocks.length) return;
    this.#blocks.length = length;
    this.#keys.length = Math.min(this.#keys.length, length);
    for (const layout of this.#layouts) layout.invalidateFrom(length);
  }

  #detachLive(): LiveAnswer | undefined {
    const live = this.#live;
    if (live) this.#truncate(this.#keys.length);
    this.#live = undefined;
    return live;
  }

  #attachLive(live: LiveAnswer | undefined): void {
    if (!live) return;
    const header = this.#liveHeader();
    const fresh = new LiveAnswer(header);
    fresh.parts = live.parts;
    fresh.rebuild();
    this.#live = fresh;
    this.#syncLive(fresh, 0);
  }

  /** Replaces the live blocks from line `from` on; earlier lines' blocks and rows stay. */
  #syncLive(live: LiveAnswer, from: number): void {
    this.#truncate(this.#keys.length + from);
    const last = live.lines.length - 1;
    for (let line = this.#blocks.length - this.#keys.length; line <= last; line++) {
      const pieces = live.lines[line];
      if (pieces) this.#blocks.push(liveLineBlock(pieces, line === last));
    }
  }
}
