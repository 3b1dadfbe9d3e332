// core's PtyScreen over an @xterm/headless Terminal: the emulator that parses a hosted child's
// output. Rows are read one at a time, on demand (a frame reads only the pane's visible rows).
import xterm, { type IBufferCell } from '@xterm/headless';
import type { Disposable } from '../../core/events.js';
import type { PtyColour, PtyRun, PtyScreen, PtyStyle } from '../../core/pty-session.js';
import { useUnicode11Widths } from './unicode-widths.js';

const { Terminal } = xterm;
/** The headless emulator's instance type. */
export type HeadlessTerminal = InstanceType<typeof Terminal>;
type BufferCell = IBufferCell;

/** Lines kept above the live screen. */
export const SCROLLBACK_LINES = 5000;

const DEFAULT_COLOUR: PtyColour = { kind: 'default' };

function colourOf(mode: 'fg' | 'bg', cell: BufferCell): PtyColour {
  const isDefault = mode === 'fg' ? cell.isFgDefault() : cell.isBgDefault();
  if (isDefault) return DEFAULT_COLOUR;
  const value = mode === 'fg' ? cell.getFgColor() : cell.getBgColor();
  const rgb = mode === 'fg' ? cell.isFgRGB() : cell.isBgRGB();
  if (rgb) return { kind: 'rgb', red: (value >> 16) & 0xff, green: (value >> 8) & 0xff, blue: value & 0xff };
  return { kind: 'palette', index: value };
}

function sameColour(a: PtyColour, b: PtyColour): boolean {
  if (a.kind === 'default' || b.kind === 'default') return a.kind === b.kind;
  if (a.kind === 'palette' || b.kind === 'palette') return a.kind === b.kind && a.kind === 'palette' && b.kind === 'palette' && a.index === b.index;
  return a.red === b.red && a.green === b.green && a.blue === b.blue;
}

function sameStyle(a: PtyStyle, b: PtyStyle): boolean {
  return a.bold === b.bold && a.underline === b.underline && a.inverse === b.inverse && sameColour(a.fg, b.fg) && sameColour(a.bg, b.bg);
}

/** The emulator of one child; the host writes output into `terminal` and bumps the version when parsed. */
export class XtermScreen implements PtyScreen {
  readonly terminal: HeadlessTerminal;
  private changes = 0;
  private cursorShown = true;
  private readonly cursorMode: Disposable[];
  private scratch: BufferCell | undefined;

  constructor(cols: number, rows: number) {
    this.terminal = new Terminal({ cols, rows, scrollback: SCROLLBACK_LINES, allowProposedApi: true });
    useUnicode11Widths(this.terminal);
    // DECTCEM (cursor shown / hidden) is not in the public modes: watch it, let xterm handle it too.
    const track = (shown: boolean) => (params: (number | number[])[]): boolean => {
      if (params.includes(25)) this.cursorShown = shown;
      return false;
    };
    this.cursorMode = [
      this.terminal.parser.registerCsiHandler({ prefix: '?', final: 'h' }, track(true)),
      this.terminal.parser.registerCsiHandler({ prefix: '?', final: 'l' }, track(false)),
    ];
  }

  get version(): number {
    return this.changes;
  }

  /** Called once output has been parsed. */
  changed(): void {
    this.changes++;
  }

  get cols(): number {
    return this.terminal.cols;
  }

  get rows(): number {
    return this.terminal.rows;
  }

  get length(): number {
    return this.terminal.buffer.active.length;
  }

  get baseY(): number {
    return this.terminal.buffer.active.baseY;
  }

  get cursor(): { x: number; y: number; visible: boolean } {
    const buffer = this.terminal.buffer.active;
    return { x: buffer.cursorX, y: buffer.cursorY, visible: this.cursorShown };
  }

  get applicationCursorKeys(): boolean {
    return this.terminal.modes.applicationCursorKeysMode;
  }

  runs(index: number): readonly PtyRun[] {
    const line = this.terminal.buffer.active.getLine(index);
    if (line === undefined) return [];
    const runs: PtyRun[] = [];
    let text = '';
    let cells = 0;
    let style: PtyStyle | undefined;
    const cols = Math.min(line.length, this.terminal.cols);
    for (let x = 0; x < cols; x++) {
      const cell = line.getCell(x, this.scratch);
      if (cell === undefined) break;
      this.scratch = cell;
      const width = cell.getWidth();
      if (width === 0) continue; // the second half of a wide char
      const next: PtyStyle = {
        fg: colourOf('fg', cell),
        bg: colourOf('bg', cell),
        bold: cell.isBold() !== 0,
        underline: cell.isUnderline() !== 0,
        inverse: cell.isInverse() !== 0,
      };
      if (style !== undefined && !sameStyle(style, next)) {
        runs.push({ text, cells, style });
        text = '';
        cells = 0;
      }
      style = next;
      const chars = cell.getChars();
      text += chars === '' ? ' ' : chars;
      cells += width;
    }
    if (style !== undefined && text !== '') runs.push({ text, cells, style });
    return runs;
  }

  bottomText(count: number): string {
    const buffer = this.terminal.buffer.active;
    const cursorLine = buffer.baseY + buffer.cursorY;
    const lines: string[] = [];
    for (let y = buffer.baseY + this.terminal.rows - 1; y >= buffer.baseY && lines.length < count; y--) {
      const line = buffer.getLine(y);
      if (line === undefined) continue;
      let text = line.translateToString(true);
      if (y === cursorLine && buffer.cursorX > text.length) text = line.translateToString(false, 0, buffer.cursorX);
      if (text.trim() === '') continue;
      lines.unshift(text);
    }
    return lines.join('\n');
  }

  /** Frees the emulator. */
  dispose(): void {
    for (const handler of this.cursorMode.splice(0)) handler.dispose();
    this.terminal.dispose();
  }
}
