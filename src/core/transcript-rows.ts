// Styled blocks and their rows per width: a block is display text plus style runs; a width's
// layout keeps each row as two offsets into its block, so wrapping costs 8 bytes a row and a
// frame materializes only the rows it shows.
import type { SanitizedRun } from './sanitize.js';
import { stringWidth, wrapLogicalLine } from './text-width.js';
import type { DisplayLine, LineStyle, Span, TextColours } from './transcript-view.js';

/** A style that holds up to offset `end` of its block's text. */
export type StyledRun = { readonly end: number; readonly style: LineStyle; readonly colours?: TextColours };

/** Display text (logical lines split by `\n`) with style runs; `clips` are starts of one-row lines. */
export type Block = { readonly text: string; readonly runs: readonly StyledRun[]; readonly clips: readonly number[] };

/** Builds one block; runs of the same style and colours merge. */
export class BlockBuilder {
  #text = '';
  readonly #runs: StyledRun[] = [];
  readonly #clips: number[] = [];

  add(text: string, style: LineStyle, colours?: TextColours): this {
    if (text === '') return this;
    this.#text += text;
    const end = this.#text.length;
    const last = this.#runs[this.#runs.length - 1];
    if (last && last.style === style && last.colours === colours) this.#runs.pop();
    this.#runs.push(colours === undefined ? { end, style } : { end, style, colours });
    return this;
  }

  addRuns(runs: readonly SanitizedRun[], style: LineStyle): this {
    for (const run of runs) this.add(run.text, style, run.colours);
    return this;
  }

  /** Ends the logical line; `clip` shows the next one as a single row, cut at the pane's width. */
  newline(clip = false): this {
    this.add('\n', 'plain');
    if (clip) this.#clips.push(this.#text.length);
    return this;
  }

  build(): Block {
    return { text: this.#text, runs: this.#runs, clips: this.#clips };
  }
}

/** Rows of all blocks at one width: `rows` holds [start, end) pairs, `firsts[b]` block b's first row. */
export class WidthLayout {
  rows = new Int32Array(2048);
  rowCount = 0;
  firsts = new Int32Array(256);
  validBlocks = 0;
  lastUsed = 0;

  constructor(readonly width: number) {}

  invalidateFrom(block: number): void {
    if (block >= this.validBlocks) return;
    this.rowCount = this.firsts[block] ?? 0;
    this.validBlocks = block;
  }

  sync(blocks: readonly Block[]): void {
    if (this.firsts.length < blocks.length + 1) this.firsts = grow(this.firsts, blocks.length + 1);
    const emit = (start: number, end: number): void => {
      if (this.rows.length < 2 * this.rowCount + 2) this.rows = grow(this.rows, 2 * this.rowCount + 2);
      this.rows[2 * this.rowCount] = start;
      this.rows[2 * this.rowCount + 1] = end;
      this.rowCount += 1;
    };
    for (let b = this.validBlocks; b < blocks.length; b++) {
      const block = blocks[b];
      this.firsts[b] = this.rowCount;
      if (block) wrapBlock(block, this.width, emit);
    }
    this.validBlocks = blocks.length;
  }

  /** The block holding `row` (every block has at least one row). */
  blockOfRow(row: number): number {
    let low = 0;
    let high = this.validBlocks - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.firsts[mid] ?? 0) <= row) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

function grow(array: Int32Array, needed: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

function wrapBlock(block: Block, width: number, emit: (start: number, end: number) => void): void {
  const { text, clips } = block;
  let clipIndex = 0;
  let from = 0;
  for (;;) {
    const newline = text.indexOf('\n', from);
    const to = newline < 0 ? text.length : newline;
    while (clipIndex < clips.length && (clips[clipIndex] ?? 0) < from) clipIndex += 1;
    wrapLogicalLine(text, from, to, width, clips[clipIndex] === from, emit);
    if (newline < 0) return;
    from = newline + 1;
  }
}

/** True when row [start, end) is a one-row (clipped) line whose text goes on past the row. */
function clippedShort(block: Block, start: number, end: number): boolean {
  if (end >= block.text.length || block.text.charCodeAt(end) === 0x0a) return false;
  const { clips } = block;
  let low = 0;
  let high = clips.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = clips[mid] ?? 0;
    if (at === start) return true;
    if (at < start) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/**
 * Materializes one row (text[start, end) of a block) with its spans: O(row). A one-row line cut
 * at the pane's `width` ends in `…`, so a clipped row never reads as the whole line (B14).
 */
export function rowOf(block: Block, start: number, end: number, width = Number.POSITIVE_INFINITY): DisplayLine {
  const row = spansOf(block, start, end);
  if (!clippedShort(block, start, end)) return row;
  const spans = [...row.spans];
  let cells = row.cells;
  // Make room for the ellipsis: drop trailing characters until it fits.
  while (cells + 1 > width && spans.length > 0) {
    const last = spans[spans.length - 1];
    if (last === undefined) break;
    const chars = Array.from(last.text);
    const dropped = chars.pop() ?? '';
    cells -= stringWidth(dropped);
    if (chars.length === 0) spans.pop();
    else spans[spans.length - 1] = { ...last, text: chars.join('') };
  }
  spans.push({ text: '…', style: 'dim' });
  return { spans, cells: cells + 1 };
}

function spansOf(block: Block, start: number, end: number): DisplayLine {
  const { runs, text } = block;
  let low = 0;
  let high = runs.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((runs[mid]?.end ?? 0) > start) high = mid;
    else low = mid + 1;
  }
  const spans: Span[] = [];
  let runStart = low > 0 ? (runs[low - 1]?.end ?? 0) : 0;
  for (let r = low; r < runs.length && runStart < end; r++) {
    const run = runs[r];
    if (!run) break;
    const piece = text.slice(Math.max(start, runStart), Math.min(end, run.end));
    if (piece !== '') {
      spans.push(
        run.colours === undefined
          ? { text: piece, style: run.style }
          : { text: piece, style: run.style, colours: run.colours },
      );
    }
    runStart = run.end;
  }
  return { spans, cells: stringWidth(text.slice(start, end)) };
}
