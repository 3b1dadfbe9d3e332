// core/text-width must count cells as a terminal draws them: the probe found text-presentation
// symbols (🏳 U+1F3F3, 👁 U+1F441, 🕊 U+1F54A, 🌶 U+1F336) counted two cells where xterm.js, tmux and
// wcwidth draw one, shifting the rest of the row (and an overlay's right border) one cell left.
import xterm from '@xterm/headless';
import unicode11 from '@xterm/addon-unicode11';
import { describe, expect, it } from 'vitest';
import { charWidth, stringWidth } from '../../src/core/text-width.js';

const { Terminal } = xterm;
const { Unicode11Addon } = unicode11;

/** The cells @xterm/headless (Unicode 11 widths) gives each code point, written one per row. */
async function xtermWidths(codePoints: readonly number[]): Promise<Map<number, number>> {
  const term = new Terminal({ cols: 10, rows: 5, scrollback: codePoints.length + 10, allowProposedApi: true });
  term.loadAddon(new Unicode11Addon());
  term.unicode.activeVersion = '11';
  const text = codePoints.map((point) => `${String.fromCodePoint(point)}|\r\n`).join('');
  await new Promise<void>((resolve) => term.write(text, resolve));
  const widths = new Map<number, number>();
  codePoints.forEach((point, row) => {
    const line = term.buffer.active.getLine(row);
    // the bar lands right after the character: its column is the character's width
    const bar = [0, 1, 2].find((x) => line?.getCell(x)?.getChars() === '|');
    widths.set(point, bar ?? -1);
  });
  term.dispose();
  return widths;
}

function range(low: number, high: number): number[] {
  return Array.from({ length: high - low + 1 }, (_, i) => low + i);
}

const assigned = (point: number): boolean => !/\p{Cn}/u.test(String.fromCodePoint(point));
const emojiPresentation = (point: number): boolean => /\p{Emoji_Presentation}/u.test(String.fromCodePoint(point));

describe('cell widths match @xterm/headless', () => {
  it('every assigned symbol and emoji of U+1F000–1FAFF takes the cells xterm.js draws', async () => {
    const points = range(0x1f000, 0x1faff).filter(assigned);
    const drawn = await xtermWidths(points);
    const differ = points.filter((point) => {
      const xtermWidth = drawn.get(point);
      if (xtermWidth === charWidth(point)) return false;
      // xterm.js's table is Unicode 11: emoji encoded later (🥲 U+1F972, 🪄 U+1FA84) are unknown to it
      // and one cell there, while terminals with current tables draw them, emoji presentation, two wide.
      return !(xtermWidth === 1 && charWidth(point) === 2 && emojiPresentation(point));
    });
    expect(differ.map((point) => `U+${point.toString(16)}: ours ${charWidth(point)}, xterm ${drawn.get(point)}`)).toEqual([]);
  });

  it('the probe’s text-presentation symbols are one cell and the text after them is not shifted', async () => {
    const symbols = [0x1f3f3, 0x1f441, 0x1f54a, 0x1f336, 0x2764, 0x263a];
    const drawn = await xtermWidths(symbols);
    for (const point of symbols) expect([point, charWidth(point)]).toEqual([point, drawn.get(point)]);
    expect(stringWidth('a🏳b')).toBe(3);
    expect(stringWidth('🈚x')).toBe(3); // U+1F21A, East Asian Wide
  });

  it('the enclosed CJK of U+3248–324F are ambiguous width: one cell, as xterm.js draws them', async () => {
    const points = range(0x3200, 0x32ff).filter(assigned);
    const drawn = await xtermWidths(points);
    expect(points.filter((point) => drawn.get(point) !== charWidth(point)).map((p) => p.toString(16))).toEqual([]);
  });
});
