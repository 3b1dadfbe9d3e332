// The composer's soft wrap (issue 11 item 7): a long line of the draft is shown on as many rows as
// it needs, broken after the last space that fits (a word longer than a row is cut), as Claude
// Code's input box does — never scrolled sideways out of sight. Only the display wraps: the text
// keeps its own lines, and ↑/↓ move by the rows shown.
import { stringCells } from '../char-width.js';
import { renderRuns } from '../line-render.js';
import { displayChars } from './line-editor.js';

/** One row on screen: characters `start`…`end - 1` of line `line` of the text. */
export type WrappedRow = { readonly line: number; readonly start: number; readonly end: number };

/** Where the cursor is in the text: line and character index in it. */
export type TextCursor = { readonly line: number; readonly column: number };

/** The rows `lines` take at `room` cells a row, in order; an empty line takes one row. */
export function wrapRows(lines: readonly string[], room: number, cursor: TextCursor): WrappedRow[] {
  const rows: WrappedRow[] = [];
  lines.forEach((text, line) => {
    const shown = displayChars(Array.from(text));
    const own = wrapLine(shown, Math.max(1, room));
    for (const [start, end] of own) rows.push({ line, start, end });
    // The cursor after a full last row needs a cell of its own: it starts the next row.
    const last = own.at(-1);
    if (cursor.line === line && cursor.column === shown.length && last !== undefined && last[1] > last[0] && cells(shown, last[0], last[1]) >= room) {
      rows.push({ line, start: shown.length, end: shown.length });
    }
  });
  return rows;
}

/** The index of the row the cursor is drawn on: the last row of its line starting at or before it. */
export function cursorRow(rows: readonly WrappedRow[], cursor: TextCursor): number {
  let found = 0;
  rows.forEach((row, index) => {
    if (row.line === cursor.line && row.start <= cursor.column) found = index;
  });
  return found;
}

/** The character a move to row `target` lands on, keeping the cursor's cell column where it can. */
export function columnOnRow(lines: readonly string[], rows: readonly WrappedRow[], from: TextCursor, target: number): TextCursor {
  const here = rows[cursorRow(rows, from)];
  const there = rows[target];
  if (here === undefined || there === undefined) return from;
  const shownHere = displayChars(Array.from(lines[here.line] ?? ''));
  const offset = cells(shownHere, here.start, Math.min(from.column, here.end));
  const shownThere = displayChars(Array.from(lines[there.line] ?? ''));
  // A row that is not its line's last ends where the next starts: stop before that character.
  const limit = target === lastOfLine(rows, there.line) ? there.end : Math.max(there.start, there.end - 1);
  let column = there.start;
  let used = 0;
  while (column < limit) {
    const width = stringCells(shownThere[column] ?? '');
    if (used + width > offset) break;
    used += width;
    column += 1;
  }
  return { line: there.line, column };
}

/** One wrapped row as content `width` cells wide: `lead`, its text, the cursor in inverse when it is on it. */
export function renderRow(lines: readonly string[], row: WrappedRow, lead: string, cursor: TextCursor | undefined, width: number): string {
  const shown = displayChars(Array.from(lines[row.line] ?? ''));
  const leadRun = { text: lead, sgr: '\x1b[1m' };
  if (cursor === undefined) return renderRuns([leadRun, { text: shown.slice(row.start, row.end).join(''), sgr: '' }], width);
  const cell = Array.from(shown[cursor.column] ?? ' ');
  const rest = cursor.column < row.end ? cell.slice(1).join('') + shown.slice(cursor.column + 1, row.end).join('') : '';
  return renderRuns(
    [leadRun, { text: shown.slice(row.start, cursor.column).join(''), sgr: '' }, { text: cursor.column < row.end ? (cell[0] ?? ' ') : ' ', sgr: '\x1b[7m' }, { text: rest, sgr: '' }],
    width,
  );
}

// [start, end) character ranges of one line's rows.
function wrapLine(shown: readonly string[], room: number): [number, number][] {
  if (shown.length === 0) return [[0, 0]];
  const ranges: [number, number][] = [];
  let start = 0;
  while (start < shown.length) {
    let used = 0;
    let at = start;
    let afterSpace = -1;
    while (at < shown.length) {
      const width = stringCells(shown[at] ?? '');
      if (used + width > room) break;
      used += width;
      if (shown[at] === ' ') afterSpace = at + 1;
      at += 1;
    }
    if (at >= shown.length) {
      ranges.push([start, shown.length]);
      break;
    }
    const end = afterSpace > start ? afterSpace : Math.max(at, start + 1);
    ranges.push([start, end]);
    start = end;
  }
  return ranges;
}

function cells(shown: readonly string[], start: number, end: number): number {
  return stringCells(shown.slice(start, end).join(''));
}

function lastOfLine(rows: readonly WrappedRow[], line: number): number {
  let last = -1;
  rows.forEach((row, index) => {
    if (row.line === line) last = index;
  });
  return last;
}
