// Regressions found by review: text an overlay cut or hid, and Esc lost when it arrived glued
// to the next key.
import type { PagerOptions } from '../../src/view/overlays/pager.js';
import { afterEach, describe, expect, it } from 'vitest';
import { stringWidth } from '../../src/core/text-width.js';
import { FakeTranscript } from './terminal-harness.js';
import { cockpit, openView, paneModel, type ViewUnderTest } from './view-kit.js';

/** Pager options showing key rows and usage lines, as the app's help does. */
function pagerOf(keys: readonly { key: string; command: string; note: string }[], usage: readonly string[], onClose?: () => void): PagerOptions {
  return {
    title: 'help',
    sections: [
      { heading: 'Keys', text: keys.map((row) => `  ${row.key}  ${row.command}  ${row.note}`).join('\n') },
      { heading: 'Commands', text: usage.map((line) => `  ${line}`).join('\n') },
    ],
    ...(onClose === undefined ? {} : { onClose }),
  };
}

let current: ViewUnderTest | undefined;
afterEach(() => {
  current?.dispose();
  current = undefined;
});

async function viewWithKeys(columns = 80, rows = 20): Promise<{ t: ViewUnderTest; normalKeys: string[] }> {
  const t = openView(columns, rows);
  current = t;
  const normalKeys: string[] = [];
  t.view.onKey((key) => normalKeys.push(key.full));
  t.view.update(cockpit([paneModel('alpha', 1, { focused: true })]), new Map([['alpha', t.view.paneArea()]]));
  await t.tty.waitFor((text) => text.includes('1 alpha'));
  return { t, normalKeys };
}

/** Writes one chunk of input and waits until blessed has handled it. */
async function pressChunk(t: ViewUnderTest, data: string): Promise<void> {
  let seen = 0;
  const count = (): void => {
    seen++;
  };
  t.view.screen.on('keypress', count);
  try {
    t.tty.press(data);
    await t.tty.waitFor(() => seen > 0);
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    t.view.screen.removeListener('keypress', count);
  }
}

describe('review regressions: overlays', () => {
  it('the quit question wraps instead of losing "Quit? y" when several agents are working', async () => {
    const { t } = await viewWithKeys(80, 20);
    const question = '4 agents are working (planner, coder, tester, reviewer). Quit? y / any other key cancels';
    t.view.openConfirm({ question, onConfirm: () => undefined });
    t.view.renderNow();
    await t.tty.waitFor((text) => text.includes('y yes'));
    // The dialog's rows: the text between its own borders, inside the pane's (`│ │text│ │`).
    const shown = t.tty
      .text()
      .split('\n')
      .map((row) => row.split('│')[2]?.trim() ?? '')
      .join(' ');
    expect(shown).toContain('Quit? y / any other key cancels');
    expect(shown).toContain('(planner, coder, tester, reviewer).');
  });

  it('a picker without actions (the session list) shows "Enter/Esc close", not an empty Enter label', async () => {
    const { t } = await viewWithKeys();
    t.view.openPicker({ title: 'sessions in the store', rows: [{ text: 'alpha' }], actions: [], defaultAction: '', onAction: () => undefined });
    t.view.renderNow();
    await t.tty.waitFor((text) => text.includes('sessions in the store'));
    expect(t.tty.text()).toContain('Enter/Esc close');
    expect(t.tty.text()).not.toMatch(/· Enter {2}·/);
    expect(t.tty.text()).not.toMatch(/│ · Enter/);
  });

  it('the in-app editor shows tabs as spaces to the next tab stop (a read_file result keeps its look)', async () => {
    const { t } = await viewWithKeys();
    t.view.openTextArea({ title: 'edit 1.3', text: '    1\t// first\n    2\t// second', onSave: () => undefined });
    t.view.renderNow();
    await t.tty.waitFor((text) => text.includes('// second'));
    expect(t.tty.text()).toContain('    1   // first');
    expect(t.tty.text()).toContain('    2   // second');
  });
});

describe('review regressions: rows as the transcript wrapped them', () => {
  it('a row with an emoji ZWJ sequence or a skin tone keeps its last characters (the wrap counted the cluster as 2 cells)', async () => {
    const t = openView(40, 8);
    current = t;
    const rows = ['👩\u200d👩\u200d👧 12345678', '👍🏽 x 123456'];
    // Pane rows exactly as wide as the core counts each row: nothing may be cut.
    const inner = Math.max(...rows.map((row) => stringWidth(row)));
    expect(inner).toBe(11);
    const transcript = new FakeTranscript(rows.length, (index) => ({ spans: [{ text: rows[index] ?? '', style: 'assistant' }], cells: 0 }));
    t.view.update(cockpit([paneModel('alpha', 1, { transcript })]), new Map([['alpha', { x: 0, y: 0, width: inner + 2, height: 5 }]]));
    await t.tty.waitFor((text) => text.includes('👍'));
    expect(t.tty.row(1)).toContain('👩 12345678│');
    expect(t.tty.row(2)).toContain('👍 x 123456│');
  });

  it('a pane row with astral emoji that fills the width keeps its last characters (blessed cut by UTF-16 units)', async () => {
    const t = openView(40, 8);
    current = t;
    const rows = ['😀 123456789', '😀😀 1234567'];
    const transcript = new FakeTranscript(rows.length, (index) => ({ spans: [{ text: rows[index] ?? '', style: 'assistant' }], cells: 0 }));
    t.view.update(cockpit([paneModel('alpha', 1, { transcript })]), new Map([['alpha', { x: 0, y: 0, width: 14, height: 5 }]]));
    await t.tty.waitFor((text) => text.includes('😀😀'));
    expect(t.tty.row(1)).toContain('😀 123456789│');
    expect(t.tty.row(2)).toContain('😀😀 1234567│');
  });

  it('a timeline row with emoji is cut at the dialog border, not cells before it', async () => {
    const t = openView(40, 12);
    current = t;
    t.view.update(cockpit([paneModel('alpha', 1)]), new Map([['alpha', t.view.paneArea()]]));
    t.view.openPicker({ title: 't', rows: [{ text: '😀😀😀 abcdefghijklmnopqrstuvwxyz0123456789' }], actions: [], defaultAction: '', onAction: () => undefined });
    t.view.renderNow();
    await t.tty.waitFor((text) => text.includes('😀😀😀'));
    // The dialog is 36 columns (34 inside): "▶ ", 3 emoji (6 cells), a space, then 25 letters.
    expect(t.tty.text()).toContain('▶ 😀😀😀 abcdefghijklmnopqrstuvwxy│');
  });
});

describe('review regressions: Esc glued to the next key', () => {
  it('an Alt key (Esc and a letter in one read) stays one chord: it never interrupts (B3)', async () => {
    const { t, normalKeys } = await viewWithKeys();
    await pressChunk(t, '\x1br');
    expect(normalKeys).toEqual(['M-r']);
  });

  it('an Alt key over a list overlay neither closes it nor reaches normal mode; Esc Esc in one read is two Esc', async () => {
    const { t, normalKeys } = await viewWithKeys();
    let closed = 0;
    t.view.openPager(pagerOf([{ key: 'X', command: 'interrupt -t all', note: 'interrupt every agent' }], [], () => closed++));
    t.view.renderNow();
    await t.tty.waitFor((text) => text.includes('interrupt every agent'));
    await pressChunk(t, '\x1bX');
    expect(closed).toBe(0);
    expect(normalKeys).toEqual([]);
    await pressChunk(t, '\x1b\x1b');
    expect(closed).toBe(1);
    expect(normalKeys).toEqual(['escape']);
  });

  it('an Alt key while typing in the prompt neither closes it nor reaches normal mode', async () => {
    const { t, normalKeys } = await viewWithKeys();
    let closed = 0;
    const submitted: string[] = [];
    t.view.openPrompt({ prefill: 'send hi', onSubmit: (line) => submitted.push(line), onClose: () => closed++ });
    t.view.renderNow();
    await t.tty.waitFor((text) => text.includes(':send hi'));
    await pressChunk(t, '\x1bX');
    expect(closed).toBe(0);
    expect(t.view.overlayOpen).toBe(true);
    expect(normalKeys).toEqual([]);
  });
});
