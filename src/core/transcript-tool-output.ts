// The output of the tool call running now (bash), shown live under the call as it arrives:
// sanitized (colours only), `\r` rewriting the current line as a terminal would (so a progress
// bar stays one line), and bounded to its last lines. Feeding a chunk costs what the chunk
// holds; the block a pane draws is built at most once per frame.
import { Sanitizer, type SanitizedRun } from './sanitize.js';
import { BlockBuilder, type Block } from './transcript-rows.js';
import type { TextColours } from './transcript-view.js';

/** Lines of live output kept (the earliest go first); the committed result shows the rest. */
export const LIVE_OUTPUT_LINES = 200;
/** Characters kept of one line; a longer line shows its start and an ellipsis. */
export const LIVE_OUTPUT_LINE_CHARS = 2000;

const GUTTER = '  │ ';
const STREAM_MARKER = '▍';

type OutputLine = { runs: SanitizedRun[]; chars: number; cut: boolean };

function emptyLine(): OutputLine {
  return { runs: [], chars: 0, cut: false };
}

/** A running call's output as sanitized lines: the last `maxLines`, the current one still open. */
export class LiveToolOutput {
  readonly #sanitizer = new Sanitizer();
  #lines: OutputLine[] = [emptyLine()];
  #dropped = 0;
  /** A `\r` was seen: the next printable text rewrites the current line; a newline keeps it. */
  #rewrite = false;
  #block: Block | undefined;

  constructor(
    readonly toolUseId: string,
    private readonly maxLines = LIVE_OUTPUT_LINES,
    private readonly maxLineChars = LIVE_OUTPUT_LINE_CHARS,
  ) {}

  /** Lines dropped from the start to keep at most `maxLines`. */
  get droppedLines(): number {
    return this.#dropped;
  }

  /** The kept lines as plain text (the last one is the line still being written). */
  lineTexts(): string[] {
    return this.#lines.map((line) => line.runs.map((run) => run.text).join(''));
  }

  /** Adds raw output (terminal bytes as the pty gave them). */
  feed(chunk: string): void {
    // A pty ends lines with \r\n: fold those first, so only a lone \r splits the chunk.
    const parts = chunk.replace(/\r+\n/g, '\n').split('\r');
    parts.forEach((part, index) => {
      if (index > 0) this.#rewrite = true;
      if (part !== '') this.#addRuns(this.#sanitizer.feed(part));
    });
    const excess = this.#lines.length - this.maxLines;
    if (excess > 0) {
      this.#lines.splice(0, excess);
      this.#dropped += excess;
    }
    this.#block = undefined;
  }

  /** The live lines as one block (built again only after a feed). */
  block(): Block {
    this.#block ??= this.#build();
    return this.#block;
  }

  #addRuns(runs: readonly SanitizedRun[]): void {
    for (const run of runs) {
      const pieces = run.text.split('\n');
      pieces.forEach((text, index) => {
        if (index > 0) {
          this.#rewrite = false;
          this.#lines.push(emptyLine());
        }
        if (text === '') return;
        let line = this.#lines[this.#lines.length - 1];
        if (line === undefined) return;
        if (this.#rewrite) {
          this.#rewrite = false;
          line = emptyLine();
          this.#lines[this.#lines.length - 1] = line;
        }
        appendText(line, text, run.colours, this.maxLineChars);
      });
    }
  }

  #build(): Block {
    const builder = new BlockBuilder();
    if (this.#dropped > 0) {
      const noun = this.#dropped === 1 ? 'line' : 'lines';
      builder.add(`  ┆ … ${this.#dropped} earlier ${noun} (the whole output is kept)`, 'dim').newline(true);
    }
    // The last line is the one being written (empty after a newline): the marker shows there.
    const last = this.#lines.length - 1;
    this.#lines.forEach((line, index) => {
      builder.add(GUTTER, 'dim').addRuns(line.runs, 'plain');
      if (line.cut) builder.add('…', 'dim');
      if (index === last) builder.add(STREAM_MARKER, 'streaming');
      else builder.newline(true);
    });
    const block = builder.build();
    return { ...block, clips: [0, ...block.clips] };
  }
}

function appendText(line: OutputLine, text: string, colours: TextColours | undefined, maxChars: number): void {
  if (line.cut) return;
  const room = maxChars - line.chars;
  let kept = text.length > room ? text.slice(0, room) : text;
  const lastCode = kept.charCodeAt(kept.length - 1);
  if (kept.length < text.length && lastCode >= 0xd800 && lastCode <= 0xdbff) kept = kept.slice(0, -1);
  if (kept.length < text.length) line.cut = true;
  if (kept === '') return;
  line.chars += kept.length;
  const previous = line.runs[line.runs.length - 1];
  if (previous !== undefined && previous.colours === colours) {
    line.runs[line.runs.length - 1] = colours === undefined ? { text: previous.text + kept } : { text: previous.text + kept, colours };
    return;
  }
  line.runs.push(colours === undefined ? { text: kept } : { text: kept, colours });
}
