import blessed from 'blessed';
import { afterEach, describe, expect, it } from 'vitest';
import { createScreen, type ScreenHandle } from '../../src/view/screen.js';
import { ScreenCanvas, type Cell } from '../../src/view/screen-canvas.js';
import { createTty, type Tty } from './terminal-harness.js';

const RECT = { x: 2, y: 1, width: 24, height: 7 };
const ROWS = [
  '\x1b[33;1mturn 1\x1b[0m plain text',
  'wide 漢字 and 😀 emoji',
  '\x1b[38;5;202mcolour 256\x1b[0m\x1b[48;5;17m bg \x1b[0m',
  'e\u0301 combining mark',
  '\x1b[7minverse\x1b[0m \x1b[4munder\x1b[0m',
];

let tty: Tty | undefined;
let handle: ScreenHandle | undefined;

function open(): blessed.Widgets.Screen {
  tty = createTty(40, 12);
  handle = createScreen({ title: 't', input: tty.input, output: tty.output });
  return handle.screen;
}

function cells(screen: blessed.Widgets.Screen): Cell[][] {
  const lines: unknown = Reflect.get(screen, 'lines');
  if (!Array.isArray(lines)) throw new Error('no buffer');
  const out: Cell[][] = [];
  for (let y = RECT.y; y < RECT.y + RECT.height; y++) {
    const row: unknown = lines[y];
    if (!Array.isArray(row)) throw new Error('no row');
    out.push(row.slice(RECT.x, RECT.x + RECT.width).map((cell: unknown): Cell => (Array.isArray(cell) ? [Number(cell[0]), String(cell[1])] : [0, ''])));
  }
  return out;
}

function dirtyRows(screen: blessed.Widgets.Screen): number[] {
  const lines: unknown = Reflect.get(screen, 'lines');
  if (!Array.isArray(lines)) return [];
  return lines.flatMap((row: unknown, y) => (Reflect.get(Object(row), 'dirty') === true ? [y] : []));
}

function clean(screen: blessed.Widgets.Screen): void {
  const lines: unknown = Reflect.get(screen, 'lines');
  if (Array.isArray(lines)) for (const row of lines) Reflect.set(Object(row), 'dirty', false);
}

afterEach(() => {
  handle?.dispose();
  tty?.dispose();
  handle = undefined;
  tty = undefined;
});

describe('ScreenCanvas', () => {
  it('paints a bordered pane cell for cell as blessed renders the same box', () => {
    const screen = open();
    const box = blessed.box({
      parent: screen,
      left: RECT.x,
      top: RECT.y,
      width: RECT.width,
      height: RECT.height,
      tags: false,
      wrap: false,
      border: { type: 'line' },
      style: { border: { fg: 'gray' } },
      content: ROWS.join('\n'),
    });
    screen.render();
    const reference = cells(screen);
    box.destroy();
    const canvas = new ScreenCanvas(screen);
    expect(canvas.begin()).toBe(true);
    canvas.clear({ x: 0, y: 0, width: 40, height: 12 });
    canvas.border(RECT, canvas.attr('\x1b[90m'));
    ROWS.forEach((row, index) => canvas.paintRow(RECT.x + 1, RECT.y + 1 + index, RECT.width - 2, row));
    expect(cells(screen)).toEqual(reference);
  });

  it('marks a row dirty only when one of its cells changed', () => {
    const screen = open();
    const canvas = new ScreenCanvas(screen);
    canvas.begin();
    canvas.paintRow(0, 3, 20, 'same text');
    canvas.paintRow(0, 4, 20, 'old text');
    clean(screen);
    canvas.paintRow(0, 3, 20, 'same text');
    canvas.paintRow(0, 4, 20, 'new text');
    expect(dirtyRows(screen)).toEqual([4]);
  });

  it('cuts a row at its width and blanks what an older, longer row left', () => {
    const screen = open();
    const canvas = new ScreenCanvas(screen);
    canvas.begin();
    canvas.paintRow(0, 0, 10, 'a long row of text');
    canvas.paintRow(0, 0, 10, 'ab');
    const row = cells(screen);
    expect(row).toBeDefined();
    const lines: unknown = Reflect.get(screen, 'lines');
    const first: unknown = Array.isArray(lines) ? lines[0] : undefined;
    const text = Array.isArray(first) ? first.map((cell: unknown) => (Array.isArray(cell) ? String(cell[1]) : '')).join('') : '';
    expect(text.slice(0, 12)).toBe('ab          ');
  });
});
