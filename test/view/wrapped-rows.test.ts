// The composer's soft wrap: rows break after the last space that fits, a word longer than a row
// is cut, the cursor after a full row starts a row of its own, and ↑/↓ keep the cursor's column.
import { describe, expect, it } from 'vitest';
import { columnOnRow, cursorRow, wrapRows } from '../../src/view/overlays/wrapped-rows.js';

const at = (line: number, column: number) => ({ line, column });
const texts = (lines: readonly string[], room: number, cursor = at(0, 0)): string[] =>
  wrapRows(lines, room, cursor).map((row) => (lines[row.line] ?? '').slice(row.start, row.end));

describe('wrapRows', () => {
  it('breaks after the last space that fits, never inside a word that fits on the next row', () => {
    expect(texts(['the quick brown fox jumps'], 10)).toEqual(['the quick ', 'brown fox ', 'jumps']);
  });

  it('cuts a word longer than a row, and keeps each line of the text on its own rows', () => {
    expect(texts(['abcdefghijklmnop', '', 'x'], 6)).toEqual(['abcdef', 'ghijkl', 'mnop', '', 'x']);
  });

  it('gives the cursor after a full last row a row of its own', () => {
    const lines = ['abcdefghij'];
    const rows = wrapRows(lines, 5, at(0, 10));
    expect(rows.map((row) => [row.start, row.end])).toEqual([[0, 5], [5, 10], [10, 10]]);
    expect(cursorRow(rows, at(0, 10))).toBe(2);
    expect(cursorRow(rows, at(0, 5))).toBe(1);
    expect(cursorRow(rows, at(0, 4))).toBe(0);
  });

  it('counts wide characters as two cells', () => {
    expect(texts(['日本語のテキスト'], 6)).toEqual(['日本語', 'のテキ', 'スト']);
  });
});

describe('columnOnRow', () => {
  it('moves up and down a wrapped line keeping the cell column, stopping before the next row starts', () => {
    const lines = ['the quick brown fox jumps'];
    const rows = wrapRows(lines, 10, at(0, 22));
    // "jumps" row, column 2 ("m") → the "brown fox " row, column 2 ("o").
    expect(columnOnRow(lines, rows, at(0, 22), 1)).toEqual(at(0, 12));
    // From the end of "the quick " (9) down to "brown fox " stays on that row, never on its next row's start.
    expect(columnOnRow(lines, rows, at(0, 9), 1)).toEqual(at(0, 19));
    // Down to the short last row: clamped to its end.
    expect(columnOnRow(lines, rows, at(0, 19), 2)).toEqual(at(0, 25));
  });
});
