// Writes pane rows straight into blessed's screen buffer (`screen.lines`), as blessed's own
// Element.render would, but only the cells of rows that changed: a streaming frame then costs
// the rows that moved, not every cell of every box re-parsed (DESIGN.md §6).
import type blessed from 'blessed';
import type { Rect } from '../core/layout-solver.js';
import { charWidth } from '../core/text-width.js';

/** One cell of blessed's buffer: its attribute (flags << 18 | fg << 9 | bg) and its character. */
export type Cell = [number, string];

/** One row of blessed's buffer; `dirty` tells `screen.draw` to diff it against the terminal. */
export type CellRow = Cell[] & { dirty?: boolean };

/** blessed's attribute for the default look (default fg and bg, no flags). */
export const DEFAULT_ATTR = (0x1ff << 9) | 0x1ff;

const SGR_AT = new RegExp(`${String.fromCharCode(0x1b)}\\[[\\d;]*m`, 'y');

function isCell(value: unknown): value is Cell {
  return Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string';
}

function isCellRow(value: unknown): value is CellRow {
  return Array.isArray(value) && (value.length === 0 || isCell(value[0]));
}

function isGrid(value: unknown): value is CellRow[] {
  return Array.isArray(value) && value.every(isCellRow);
}

/** The box-drawing border of blessed's `border: { type: 'line' }`. */
const BORDER = { topLeft: '┌', topRight: '┐', bottomLeft: '└', bottomRight: '┘', horizontal: '─', vertical: '│' } as const;

/** A painter over one blessed screen's buffer; re-reads the buffer each frame (a resize reallocates it). */
export class ScreenCanvas {
  private grid: CellRow[] = [];
  private checkedRows = -1;
  private readonly attrs = new Map<string, number>();

  constructor(private readonly screen: blessed.Widgets.Screen) {}

  /** Picks up the current buffer; false if blessed's buffer is not there (destroyed screen). */
  begin(): boolean {
    const lines: unknown = Reflect.get(this.screen, 'lines');
    // blessed keeps one buffer until a resize reallocates it: check a new one once, row by row.
    if (lines === this.grid && this.checkedRows === this.grid.length) return true;
    if (!isGrid(lines)) return false;
    this.grid = lines;
    this.checkedRows = lines.length;
    return true;
  }

  /** Rows of the buffer picked up by the last `begin`. */
  get rows(): number {
    return this.grid.length;
  }

  /** The attribute after applying SGR `sequence` to `current` (blessed's own parser, cached). */
  attr(sequence: string, current: number = DEFAULT_ATTR): number {
    const key = `${current}${sequence}`;
    const known = this.attrs.get(key);
    if (known !== undefined) return known;
    const attrCode: unknown = Reflect.get(this.screen, 'attrCode');
    const value: unknown = typeof attrCode === 'function' ? Reflect.apply(attrCode, this.screen, [sequence, current, DEFAULT_ATTR]) : current;
    const attr = typeof value === 'number' ? value : current;
    this.attrs.set(key, attr);
    return attr;
  }

  /** Sets one cell; marks its row dirty only when the cell changed. */
  put(x: number, y: number, attr: number, ch: string): void {
    const row = this.grid[y];
    const cell = row?.[x];
    if (row === undefined || cell === undefined) return;
    if (cell[0] === attr && cell[1] === ch) return;
    cell[0] = attr;
    cell[1] = ch;
    row.dirty = true;
  }

  /**
   * One row of content (text with SGR colour codes, as blessed boxes take it) at (x, y), cut at
   * `width` cells, the rest blank: wide characters take their cell and a placeholder cell
   * (`\x03`, as blessed's parseContent inserts), combining marks join the previous cell.
   */
  paintRow(x: number, y: number, width: number, content: string): void {
    const row = this.grid[y];
    if (row === undefined || width <= 0) return;
    let attr = DEFAULT_ATTR;
    let column = 0;
    let index = 0;
    while (index < content.length && column < width) {
      const code = content.charCodeAt(index);
      if (code === 0x1b) {
        SGR_AT.lastIndex = index;
        const match = SGR_AT.exec(content);
        index += match === null ? 1 : match[0].length;
        if (match !== null) attr = this.attr(match[0], attr);
        continue;
      }
      const point = content.codePointAt(index) ?? 0;
      const length = point > 0xffff ? 2 : 1;
      const ch = length === 1 ? content.charAt(index) : content.slice(index, index + 2);
      index += length;
      if (point < 0x20 || point === 0x7f) continue;
      const cells = charWidth(point);
      if (cells === 0) {
        if (column > 0) this.joinMark(x + column - 1, y, ch);
        continue;
      }
      this.put(x + column, y, attr, ch);
      if (cells === 2 && column + 1 < width) this.put(x + column + 1, y, attr, '\x03');
      column += cells;
    }
    for (; column < width; column++) this.put(x + column, y, attr, ' ');
  }

  /** Blank cells over a rect, in the default look. */
  clear(rect: Rect): void {
    for (let y = rect.y; y < rect.y + rect.height; y++) {
      for (let x = rect.x; x < rect.x + rect.width; x++) this.put(x, y, DEFAULT_ATTR, ' ');
    }
  }

  /** A line border around `rect` (its inside untouched), as blessed draws `border: { type: 'line' }`. */
  border(rect: Rect, attr: number): void {
    const right = rect.x + rect.width - 1;
    const bottom = rect.y + rect.height - 1;
    for (let x = rect.x + 1; x < right; x++) {
      this.put(x, rect.y, attr, BORDER.horizontal);
      this.put(x, bottom, attr, BORDER.horizontal);
    }
    for (let y = rect.y + 1; y < bottom; y++) {
      this.put(rect.x, y, attr, BORDER.vertical);
      this.put(right, y, attr, BORDER.vertical);
    }
    this.put(rect.x, rect.y, attr, BORDER.topLeft);
    this.put(right, rect.y, attr, BORDER.topRight);
    this.put(rect.x, bottom, attr, BORDER.bottomLeft);
    this.put(right, bottom, attr, BORDER.bottomRight);
  }

  private joinMark(x: number, y: number, mark: string): void {
    const row = this.grid[y];
    const cell = row?.[x];
    if (row === undefined || cell === undefined) return;
    cell[1] += mark;
    row.dirty = true;
  }
}
