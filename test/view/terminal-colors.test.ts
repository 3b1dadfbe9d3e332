import { afterEach, describe, expect, it } from 'vitest';
import { CockpitView } from '../../src/view/cockpit-view.js';
import { colorDepth } from '../../src/view/terminal-colors.js';
import { createTty, FakeTranscript, type Tty } from './terminal-harness.js';
import { cockpit, gridRects, paneModel, statusModel } from './view-kit.js';

const saved = { TERM: process.env['TERM'], COLORTERM: process.env['COLORTERM'] };
let disposeCurrent: (() => void) | undefined;
afterEach(() => {
  disposeCurrent?.();
  disposeCurrent = undefined;
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

/** Opens a cockpit under TERM=`term` (no COLORTERM) with a thinking row, an unfocused pane and the hints. */
async function renderUnder(term: string): Promise<Tty> {
  const tty = createTty(100, 20);
  // createTty sets TERM for blessed; the screen reads it when it opens, so override it here.
  process.env['TERM'] = term;
  delete process.env['COLORTERM'];
  const view = new CockpitView({ input: tty.input, output: tty.output, title: 'colours' });
  disposeCurrent = () => {
    view.dispose();
    tty.dispose();
  };
  const thinking = new FakeTranscript(2, (index) =>
    index === 0
      ? { spans: [{ text: '✻ thinking: where is the parser', style: 'thinking' }], cells: 31 }
      : { spans: [{ text: 'the answer', style: 'assistant' }], cells: 10 },
  );
  const panes = [paneModel('alpha', 1, { focused: true, transcript: thinking }), paneModel('beta', 2)];
  view.update(cockpit(panes, statusModel({ focused: 'alpha' })), gridRects(['alpha', 'beta'], view.paneArea()));
  await tty.waitFor((text) => text.includes('thinking: where') && text.includes('q quit'));
  return tty;
}

/** The first cell of `needle` on screen, or fails. */
function cellOf(tty: Tty, needle: string): { x: number; y: number } {
  for (let y = 0; y < tty.term.rows; y++) {
    const x = tty.row(y).indexOf(needle);
    if (x >= 0) return { x, y };
  }
  throw new Error(`"${needle}" is not on screen:\n${tty.text()}`);
}

/** Palette colour of the cell's foreground (-1 when it is the default colour). */
function paletteFg(tty: Tty, at: { x: number; y: number }): number {
  const cell = tty.cell(at.x, at.y);
  return cell.fgIsPalette ? cell.fg : -1;
}

describe('colours under tmux and screen', () => {
  for (const term of ['tmux-256color', 'screen-256color', 'xterm-256color', 'screen']) {
    it(`draws dim elements grey, never black, under TERM=${term}`, async () => {
      const tty = await renderUnder(term);
      const thinking = cellOf(tty, 'thinking: where');
      const hint = cellOf(tty, '? help');
      // beta's pane (the right one) is unfocused: its bottom-right corner has the dim border colour.
      const bottom = cellOf(tty, '└');
      const border = { x: tty.row(bottom.y).lastIndexOf('┘'), y: bottom.y };
      for (const at of [thinking, hint, border]) expect(paletteFg(tty, at)).toBe(8);
      // And no SGR 30 (black foreground) was written at all.
      expect(tty.output.written).not.toMatch(new RegExp(`${'\x1b'}\\[(?:[0-9;]*;)?30m`));
    });
  }

  it('believes TERM and COLORTERM over the terminfo blessed could read', () => {
    expect(colorDepth({ TERM: 'tmux-256color' }, 8)).toBe(256);
    expect(colorDepth({ TERM: 'screen-256color' }, undefined)).toBe(256);
    expect(colorDepth({ TERM: 'xterm', COLORTERM: 'truecolor' }, 8)).toBe(256);
    expect(colorDepth({ TERM: 'xterm-kitty' }, 256)).toBe(256);
    expect(colorDepth({ TERM: 'screen' }, 8)).toBe(16);
    expect(colorDepth({}, undefined)).toBe(16);
  });
});
