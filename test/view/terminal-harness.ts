// Renders the real view into @xterm/headless through fake tty streams, so tests read the
// screen exactly as a terminal would show it.
import xterm from '@xterm/headless';
import { PassThrough, Writable } from 'node:stream';
import { useUnicode11Widths } from '../../src/adapters/pty/unicode-widths.js';
import type { DisplayLine, TranscriptView } from '../../src/core/transcript-view.js';

const { Terminal } = xterm;
type HeadlessTerminal = InstanceType<typeof Terminal>;

/** A stdout stand-in: a tty of a given size whose bytes go into the headless terminal. */
export class FakeTtyOutput extends Writable {
  readonly isTTY = true;
  bytes = 0;
  /** Everything written, for tests that check escape sequences. */
  written = '';
  constructor(
    private readonly term: HeadlessTerminal,
    public columns: number,
    public rows: number,
  ) {
    super({ decodeStrings: false });
  }
  override _write(chunk: unknown, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    const data = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
    this.bytes += Buffer.byteLength(data);
    this.written += data;
    this.term.write(data);
    done();
  }
}

/** A stdin stand-in that accepts raw mode. */
export class FakeTtyInput extends PassThrough {
  readonly isTTY = true;
  isRaw = false;
  setRawMode(mode: boolean): this {
    this.isRaw = mode;
    return this;
  }
}

export type Tty = {
  readonly term: HeadlessTerminal;
  readonly input: FakeTtyInput;
  readonly output: FakeTtyOutput;
  /** Resolves once the terminal has parsed everything written so far. */
  flush(): Promise<void>;
  /** The text of row `y`. */
  row(y: number): string;
  /** All rows joined by newlines. */
  text(): string;
  /** The cell at (x, y). */
  cell(x: number, y: number): { chars: string; width: number; fg: number; fgIsPalette: boolean };
  /** Types keys into the input stream. */
  press(data: string): void;
  /** Waits until `predicate(screen text)` holds (or fails after `timeoutMs`). */
  waitFor(predicate: (text: string) => boolean, timeoutMs?: number): Promise<void>;
  resize(columns: number, rows: number): void;
  dispose(): void;
};

/** A headless terminal with fake tty streams of `columns` × `rows`. */
export function createTty(columns: number, rows: number): Tty {
  process.env['TERM'] = 'xterm-256color';
  const term = new Terminal({ cols: columns, rows, allowProposedApi: true });
  // xterm.js's own Unicode 11 widths (as VS Code's terminal draws): emoji two cells, symbols of
  // text presentation one, so a test sees where a real terminal puts every cell.
  useUnicode11Widths(term);
  const input = new FakeTtyInput();
  const output = new FakeTtyOutput(term, columns, rows);
  const flush = (): Promise<void> => new Promise((resolve) => term.write('', resolve));
  const row = (y: number): string => term.buffer.active.getLine(y)?.translateToString(true) ?? '';
  const text = (): string => Array.from({ length: term.rows }, (_, y) => row(y)).join('\n');
  return {
    term,
    input,
    output,
    flush,
    row,
    text,
    cell: (x, y) => {
      const cell = term.buffer.active.getLine(y)?.getCell(x);
      return {
        chars: cell?.getChars() ?? '',
        width: cell?.getWidth() ?? 0,
        fg: cell?.getFgColor() ?? -1,
        fgIsPalette: cell?.isFgPalette() ?? false,
      };
    },
    press: (data) => {
      input.write(data);
    },
    waitFor: async (predicate, timeoutMs = 3000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await flush();
        if (predicate(text())) return;
        if (Date.now() > deadline) throw new Error(`screen never matched; it shows:\n${text()}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    resize: (newColumns, newRows) => {
      term.resize(newColumns, newRows);
      output.columns = newColumns;
      output.rows = newRows;
      output.emit('resize');
    },
    dispose: () => {
      input.destroy();
      output.destroy();
      term.dispose();
    },
  };
}

/** A transcript of `count` numbered rows that records every window asked for. */
export class FakeTranscript implements TranscriptView {
  version = 1;
  readonly requests: { width: number; start: number; count: number }[] = [];
  constructor(
    public count: number,
    private readonly row: (index: number) => DisplayLine = (index) => ({
      spans: [{ text: `line ${index}`, style: 'assistant' }],
      cells: `line ${index}`.length,
    }),
  ) {}
  lineCount(_width: number): number {
    return this.count;
  }
  lines(width: number, start: number, count: number): readonly DisplayLine[] {
    this.requests.push({ width, start, count });
    const out: DisplayLine[] = [];
    for (let index = start; index < Math.min(this.count, start + count); index++) out.push(this.row(index));
    return out;
  }
  /** Appends rows, as a stream does. */
  grow(rows: number): void {
    this.count += rows;
    this.version += 1;
  }
  /** Rows handed out so far over all requests. */
  get rowsServed(): number {
    return this.requests.reduce((sum, request) => sum + Math.max(0, Math.min(this.count, request.start + request.count) - request.start), 0);
  }
}
