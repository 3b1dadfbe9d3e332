import xterm from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { diffRows, type DiffTerminal } from '../../src/view/row-diff.js';
import { DEFAULT_ATTR, type CellRow } from '../../src/view/screen-canvas.js';

const { Terminal } = xterm;
type Grid = CellRow[];

const COLS = 40;
const ROWS = 6;
/** Green on the default background, as blessed packs it (flags << 18 | fg << 9 | bg). */
const GREEN_ATTR = (2 << 9) | 0x1ff;
const BOLD_ATTR = (1 << 18) | DEFAULT_ATTR;

// blessed's codeAttr for the attributes used here.
function sgr(attr: number): string {
  if (attr === GREEN_ATTR) return '\x1b[32m';
  if (attr === BOLD_ATTR) return '\x1b[1m';
  throw new Error(`no SGR for ${attr}`);
}

const terminal: DiffTerminal = { defaultAttr: DEFAULT_ATTR, sgr, erase: true, forward: true };

function blank(): Grid {
  return Array.from({ length: ROWS }, () => Array.from({ length: COLS }, (): [number, string] => [DEFAULT_ATTR, ' ']));
}

/** A grid whose rows show `texts` (a `*` draws the next character green, `界` is wide). */
function grid(texts: readonly string[]): Grid {
  const rows = blank();
  texts.forEach((text, y) => {
    const row = rows[y];
    if (row === undefined) return;
    let x = 0;
    let green = false;
    for (const ch of text) {
      if (ch === '*') {
        green = true;
        continue;
      }
      const attr = green ? GREEN_ATTR : DEFAULT_ATTR;
      green = false;
      row[x] = [attr, ch];
      if (ch === '界') row[x + 1] = [attr, '\x03'];
      x += ch === '界' ? 2 : 1;
    }
    row.dirty = true;
  });
  for (const row of rows) row.dirty = true;
  return rows;
}

async function show(output: string): Promise<InstanceType<typeof Terminal>> {
  const term = new Terminal({ cols: COLS, rows: ROWS, allowProposedApi: true });
  await new Promise<void>((resolve) => term.write(output, resolve));
  return term;
}

/** Each cell as text plus whether it is green, row by row. */
function cells(term: InstanceType<typeof Terminal>): string[] {
  const rows: string[] = [];
  for (let y = 0; y < ROWS; y++) {
    const line = term.buffer.active.getLine(y);
    let row = '';
    for (let x = 0; x < COLS; x++) {
      const cell = line?.getCell(x);
      row += `${cell?.getChars() || ' '}${cell?.getFgColor() === 2 ? 'g' : ''}${cell?.isBold() ? 'b' : ''}|`;
    }
    rows.push(row);
  }
  return rows;
}

describe('row diff', () => {
  it('brings the terminal to the same screen as drawing the new rows from scratch', async () => {
    const before = grid(['hello world, a *green word', '界 wide and narrow', 'a row that will go blank         x', '', 'unchanged row', 'tail']);
    const after = grid(['hello there, a green *word', 'x界 wider', '', 'new text on an empty row', 'unchanged row', 'tai']);
    const shown = blank();
    const first = diffRows(before, shown, 0, ROWS - 1, terminal);
    const second = diffRows(after, shown, 0, ROWS - 1, terminal);
    const fresh = diffRows(grid(['hello there, a green *word', 'x界 wider', '', 'new text on an empty row', 'unchanged row', 'tai']), blank(), 0, ROWS - 1, terminal);
    expect(cells(await show(first + second))).toEqual(cells(await show(fresh)));
    const updated = await show(first + second);
    const text = (y: number): string => updated.buffer.active.getLine(y)?.translateToString(true) ?? '';
    expect([text(0), text(1), text(2), text(3), text(5)]).toEqual(['hello there, a green word', 'x界 wider', '', 'new text on an empty row', 'tai']);
    expect(cells(updated)[0]).toContain('wg|');
  });

  it('moves the cursor once per changed row and writes nothing for unchanged rows', () => {
    const shown = blank();
    diffRows(grid(['abcdef', 'same']), shown, 0, ROWS - 1, terminal);
    const next = grid(['abXdef', 'same']);
    expect(diffRows(next, shown, 0, ROWS - 1, terminal)).toBe('\x1b[1;3HX');
  });

  it('writes a short gap of unchanged characters instead of a cursor move, and a long one as a move', () => {
    const shown = blank();
    diffRows(grid(['abcdefghijklmnop']), shown, 0, ROWS - 1, terminal);
    expect(diffRows(grid(['XbYdefghijklmnop']), shown, 0, ROWS - 1, terminal)).toBe('\x1b[1;1HXbY');
    expect(diffRows(grid(['XbYdefghijklmnoZ']), shown, 0, ROWS - 1, terminal)).toBe('\x1b[1;16HZ');
    expect(diffRows(grid(['AbYdefghijklmnoQ']), shown, 0, ROWS - 1, terminal)).toBe('\x1b[1;1HA\x1b[14CQ');
  });

  it('erases a run of blanks with ECH, and writes a short one as spaces', () => {
    const shown = blank();
    diffRows(grid(['a long line of text here']), shown, 0, ROWS - 1, terminal);
    expect(diffRows(grid(['a long']), shown, 0, ROWS - 1, terminal)).toBe('\x1b[1;8H\x1b[33X');
    expect(diffRows(grid(['a   ng']), shown, 0, ROWS - 1, terminal)).toBe('\x1b[1;3H  ');
  });

  it('uses no ECH or CUF on a terminal without them', () => {
    const plain: DiffTerminal = { ...terminal, erase: false, forward: false };
    const shown = blank();
    diffRows(grid(['abcdefghijklmnop']), shown, 0, ROWS - 1, plain);
    const output = diffRows(grid(['Abcdefghijklmn  ']), shown, 0, ROWS - 1, plain);
    expect(output).toBe('\x1b[1;1HA\x1b[1;15H  ');
  });

  it('redraws only dirty rows and clears their flags', () => {
    const shown = blank();
    const next = grid(['abc', 'def']);
    const row1 = next[1];
    if (row1 !== undefined) row1.dirty = false;
    expect(diffRows(next, shown, 0, ROWS - 1, terminal)).toBe('\x1b[1;1Habc');
    expect(next[0]?.dirty).toBe(false);
    expect(diffRows(next, shown, 0, ROWS - 1, terminal)).toBe('');
  });
});
