// A PTY pane drawn through the real view into a headless terminal: the child's emulated cells
// appear with their colours, the title says "attached — C-q detaches" while attached (with the
// cursor drawn), and the scroll keys read the scrollback.
import { afterEach, describe, expect, it } from 'vitest';
import { XtermScreen } from '../../src/adapters/pty/xterm-screen.js';
import type { PtyPaneModel } from '../../src/core/cockpit-view-model.js';
import { PtyPaneView, ptyTitleRuns } from '../../src/view/pty-pane.js';
import { cockpit, openView, paneModel, type ViewUnderTest } from './view-kit.js';

let current: ViewUnderTest | undefined;
const screens: XtermScreen[] = [];
afterEach(() => {
  current?.dispose();
  current = undefined;
  for (const screen of screens.splice(0)) screen.dispose();
});

/** An emulator of the pane's inner size holding `output`, parsed. */
async function emulated(cols: number, rows: number, output: string): Promise<XtermScreen> {
  const screen = new XtermScreen(cols, rows);
  screens.push(screen);
  await new Promise<void>((resolve) => screen.terminal.write(output, resolve));
  screen.changed();
  return screen;
}

function terminal(screen: XtermScreen, attached = false): PtyPaneModel {
  return { screen, attached, command: 'bash --norc' };
}

describe('PTY pane', () => {
  it('draws the emulated cells with their colours inside the border', async () => {
    current = openView(60, 14);
    const { view, tty } = current;
    const screen = await emulated(58, 10, 'plain \x1b[31mred\x1b[0m \x1b[1;38;5;202mhot\x1b[0m \x1b[44mon-blue\x1b[0m\r\nready$ ');
    const rects = new Map([['shell', { x: 0, y: 0, width: 60, height: 12 }]]);
    view.update(cockpit([paneModel('shell', 1, { detail: 'running', terminal: terminal(screen) })]), rects);
    await tty.waitFor((text) => text.includes('ready$'));
    expect(tty.row(0)).toContain('1 shell · idle (running) · bash --norc');
    expect(tty.row(1)).toBe(`│plain red hot on-blue${' '.repeat(37)}│`);
    expect(tty.row(2).startsWith('│ready$ ')).toBe(true);
    const red = tty.cell(7, 1);
    expect([red.chars, red.fg, red.fgIsPalette]).toEqual(['r', 1, true]);
    const hot = tty.cell(11, 1);
    expect(hot.chars).toBe('h');
    expect(hot.fg).toBe(202);
    const blue = tty.term.buffer.active.getLine(1)?.getCell(15);
    expect(blue?.getChars()).toBe('o');
    expect(blue?.getBgColor()).toBe(4);
    expect(tty.cell(1, 1).fgIsPalette).toBe(false);
  });

  it('says "attached — C-q detaches" in the title and draws the cursor while attached', async () => {
    current = openView(60, 14);
    const { view, tty } = current;
    const screen = await emulated(58, 10, 'ready$ ');
    const rects = new Map([['shell', { x: 0, y: 0, width: 60, height: 12 }]]);
    view.update(cockpit([paneModel('shell', 1, { focused: true, terminal: terminal(screen, true) })]), rects);
    await tty.waitFor((text) => text.includes('attached — C-q detaches'));
    const cursor = tty.term.buffer.active.getLine(1)?.getCell(8);
    expect(cursor?.isInverse()).toBeTruthy();
    view.update(cockpit([paneModel('shell', 1, { focused: true, terminal: terminal(screen, false) })]), rects);
    await tty.waitFor((text) => !text.includes('attached — C-q detaches'));
    expect(tty.term.buffer.active.getLine(1)?.getCell(8)?.isInverse()).toBeFalsy();
  });

  it('drops the command, then the state\'s detail, from a narrow pane\'s title instead of cutting a phrase', async () => {
    const screen = await emulated(20, 5, '');
    const exited = paneModel('shell', 1, { state: 'error', detail: 'killed by signal 2 · :restart starts it again' });
    const title = (room: number, attached = false): string => ptyTitleRuns(exited, terminal(screen, attached), room).map((run) => run.text).join('');
    expect(title(200)).toBe('1 shell · error (killed by signal 2 · :restart starts it again) · bash --norc');
    expect(title(70)).toBe('1 shell · error (killed by signal 2 · :restart starts it again)');
    expect(title(50)).toBe('1 shell · error');
    expect(title(33, true)).toBe('1 shell · attached — C-q detaches');
    expect(title(32, true)).toBe('1 shell · attached');

    current = openView(60, 14);
    const { view, tty } = current;
    const rects = new Map([['shell', { x: 0, y: 0, width: 40, height: 12 }]]);
    view.update(cockpit([{ ...exited, terminal: terminal(screen) }]), rects);
    await tty.waitFor((text) => text.includes('1 shell · error'));
    expect(tty.row(0)).toMatch(/^┌ 1 shell · error ─+┐/);
  });

  it('scrolls into the scrollback with page up and back to the live screen', async () => {
    current = openView(60, 14);
    const { view, tty } = current;
    const lines = Array.from({ length: 40 }, (_, index) => `line ${index}`).join('\r\n');
    const screen = await emulated(58, 10, lines);
    const rects = new Map([['shell', { x: 0, y: 0, width: 60, height: 12 }]]);
    view.update(cockpit([paneModel('shell', 1, { terminal: terminal(screen) })]), rects);
    await tty.waitFor((text) => text.includes('line 39'));
    expect(tty.text()).not.toContain('line 29│');
    const pane = view.pane('shell');
    expect(pane).toBeInstanceOf(PtyPaneView);
    pane?.pageUp();
    view.renderNow();
    await tty.waitFor((text) => text.includes('line 21') && !text.includes('line 39'));
    expect(tty.text()).toContain('scrollback: 9 lines below');
    pane?.scrollToBottom();
    view.renderNow();
    await tty.waitFor((text) => text.includes('line 39'));
  });

  it('redraws when the screen changes, reading only the visible rows', async () => {
    current = openView(60, 14);
    const { view, tty } = current;
    const screen = await emulated(58, 10, 'before');
    const rects = new Map([['shell', { x: 0, y: 0, width: 60, height: 12 }]]);
    view.update(cockpit([paneModel('shell', 1, { terminal: terminal(screen) })]), rects);
    await tty.waitFor((text) => text.includes('before'));
    await new Promise<void>((resolve) => screen.terminal.write('\r\nafter', resolve));
    screen.changed();
    view.requestRender();
    await tty.waitFor((text) => text.includes('after'));
  });
});

describe('PTY pane widths', () => {
  // The emulator followed xterm's old (Unicode 6) table while the cockpit follows Unicode 11: ✅
  // took one cell in the pane's emulator and two on screen, pushing the rest of the row right.
  it('draws emoji, text-presentation symbols and CJK at the columns the cockpit counts, border in place', async () => {
    current = openView(40, 8);
    const { view, tty } = current;
    const screen = await emulated(38, 4, 'a✅b🏳c中d🆗e⌚f\x1b[1;20H|\r\n$ ');
    const rects = new Map([['shell', { x: 0, y: 0, width: 40, height: 6 }]]);
    view.update(cockpit([paneModel('shell', 1, { terminal: terminal(screen) })]), rects);
    await tty.waitFor((text) => text.includes('$'));
    // ✅ 🆗 ⌚ two cells (one in xterm's old table), 🏳 one (text presentation), 中 two; then the
    // child moves its cursor to column 20: the bar lands there only when both tables agree.
    const columns = ['a', '✅', 'b', '🏳', 'c', '中', 'd', '🆗', 'e', '⌚', 'f', '|'].map((chars) => {
      const x = Array.from({ length: 40 }, (_, i) => i).find((i) => tty.cell(i, 1).chars === chars);
      return [chars, x];
    });
    expect(columns).toEqual([
      ['a', 1],
      ['✅', 2],
      ['b', 4],
      ['🏳', 5],
      ['c', 6],
      ['中', 7],
      ['d', 9],
      ['🆗', 10],
      ['e', 12],
      ['⌚', 13],
      ['f', 15],
      ['|', 20],
    ]);
    expect(tty.cell(39, 1).chars).toBe('│');
    expect(tty.cell(0, 1).chars).toBe('│');
  });
});
