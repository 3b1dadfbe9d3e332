// The answer streaming now: one block per few logical lines (LINES_PER_BLOCK), so a text delta
// re-wraps only the last few lines, and a block per line (≈600 bytes of objects) does not add up
// to gigabytes for a 2.5M-line answer; thinking and tool calls show as one row each while they form.
import type { StreamEvent } from './provider.js';
import { Sanitizer, type SanitizedRun } from './sanitize.js';
import { SUMMARY_CHARS, thinkingText, toolCallFromPartial } from './transcript-entries.js';
import { BlockBuilder, type Block } from './transcript-rows.js';
import type { LineStyle, TextColours } from './transcript-view.js';

const STREAM_MARKER = '▍';
/** Logical lines a text block holds before the next line starts a new one (memory vs. re-wrap per delta). */
export const LINES_PER_BLOCK = 16;

/** A styled piece of a live line. */
export type Piece = { readonly text: string; readonly style: LineStyle; readonly colours?: TextColours };
/** Up to LINES_PER_BLOCK logical lines of the live answer (`breaks` `\n`s); thinking and tool lines show as one row (`clip`). */
type LiveLine = { pieces: Piece[]; clip: boolean; breaks: number };
type LivePart =
  | { kind: 'text'; index: number; raw: string; sanitizer: Sanitizer }
  | { kind: 'thinking'; index: number; raw: string }
  | { kind: 'tool'; index: number; name: string; json: string };
type PartEvent = Exclude<StreamEvent, { type: 'usage' }>;

/** The answer streaming now, one block per logical line; only its last lines change. */
export class LiveAnswer {
  lines: LiveLine[];
  parts: LivePart[] = [];

  constructor(readonly header: readonly Piece[]) {
    this.lines = [{ pieces: [...header], clip: false, breaks: 0 }];
  }

  /** Applies an event; returns the first line that changed. */
  apply(event: PartEvent): number {
    const last = this.parts[this.parts.length - 1];
    const part = this.parts.find((candidate) => candidate.index === event.index);
    if (!part) {
      const fresh = newPart(event);
      this.parts.push(fresh);
      const changed = this.lines.length - 1;
      this.#place(fresh);
      this.#extend(fresh, event);
      return changed;
    }
    if (part !== last) {
      appendRaw(part, event);
      this.rebuild();
      return 0;
    }
    const changed = this.lines.length - 1;
    this.#extend(part, event);
    return changed;
  }

  /** Lays out every part again (after an event for an earlier part). */
  rebuild(): void {
    this.lines = [{ pieces: [...this.header], clip: false, breaks: 0 }];
    const parts = this.parts;
    this.parts = [];
    for (const part of parts) {
      const fresh = part.kind === 'text' ? { ...part, sanitizer: new Sanitizer() } : part;
      this.parts.push(fresh);
      this.#place(fresh);
      if (fresh.kind === 'text') this.#addText(fresh.sanitizer.feed(fresh.raw));
    }
  }

  /** Starts a part's line: the first text continues the header line, as committed answers do. */
  #place(part: LivePart): void {
    const onHeader = part.kind === 'text' && this.parts.length === 1 && this.lines.length === 1;
    if (onHeader) {
      this.lines[0]?.pieces.push({ text: ' ', style: 'plain' });
      return;
    }
    this.lines.push({ pieces: partPieces(part), clip: part.kind !== 'text', breaks: 0 });
  }

  #extend(part: LivePart, event: PartEvent): void {
    appendRaw(part, event);
    if (part.kind === 'text') {
      if (event.type === 'text') this.#addText(part.sanitizer.feed(event.text));
      return;
    }
    const line = this.lines[this.lines.length - 1];
    if (line) line.pieces = partPieces(part);
  }

  #addText(runs: readonly SanitizedRun[]): void {
    for (const run of runs) {
      run.text.split('\n').forEach((text, index) => {
        if (index > 0) this.#breakLine(run.colours);
        this.#appendText(text, run.colours);
      });
    }
  }

  /** Ends a logical line: inside the last block while it holds fewer than LINES_PER_BLOCK lines. */
  #breakLine(colours: TextColours | undefined): void {
    const line = this.lines[this.lines.length - 1];
    if (line && !line.clip && line.breaks < LINES_PER_BLOCK - 1) {
      line.breaks += 1;
      this.#appendText('\n', colours);
      return;
    }
    this.lines.push({ pieces: [], clip: false, breaks: 0 });
  }

  #appendText(text: string, colours: TextColours | undefined): void {
    const line = this.lines[this.lines.length - 1];
    if (text === '' || !line) return;
    const last = line.pieces[line.pieces.length - 1];
    if (last && last.style === 'assistant' && last.colours === colours) {
      line.pieces[line.pieces.length - 1] = { ...last, text: last.text + text };
      return;
    }
    line.pieces.push(colours ? { text, style: 'assistant', colours } : { text, style: 'assistant' });
  }
}

function newPart(event: PartEvent): LivePart {
  switch (event.type) {
    case 'text':
      return { kind: 'text', index: event.index, raw: '', sanitizer: new Sanitizer() };
    case 'thinking':
      return { kind: 'thinking', index: event.index, raw: '' };
    case 'tool-start':
      return { kind: 'tool', index: event.index, name: event.name, json: '' };
    case 'tool-input':
      return { kind: 'tool', index: event.index, name: 'tool', json: '' };
  }
}

function appendRaw(part: LivePart, event: PartEvent): void {
  if (part.kind === 'text' && event.type === 'text') part.raw += event.text;
  else if (part.kind === 'thinking' && event.type === 'thinking' && part.raw.length < 4 * SUMMARY_CHARS) {
    part.raw += event.text;
  } else if (part.kind === 'tool' && event.type === 'tool-input') part.json += event.partialJson;
}

function partPieces(part: LivePart): Piece[] {
  switch (part.kind) {
    case 'text':
      return [];
    case 'thinking':
      return [{ text: thinkingText(part.raw), style: 'thinking' }];
    case 'tool':
      return [{ text: `  ${toolCallFromPartial(part.name, part.json)}`, style: 'tool-call' }];
  }
}

/** A live line as a block; the last one ends with the streaming marker. */
export function liveLineBlock(line: LiveLine, withMarker: boolean): Block {
  const builder = new BlockBuilder();
  for (const piece of line.pieces) builder.add(piece.text, piece.style, piece.colours);
  if (withMarker) builder.add(STREAM_MARKER, 'streaming');
  const block = builder.build();
  return line.clip ? { ...block, clips: [0] } : block;
}
