import { afterEach, describe, expect, it } from 'vitest';
import type { PagerOptions } from '../../src/view/overlays/pager.js';
import type { KeyPress } from '../../src/view/overlays/overlay.js';
import { cockpit, openView, paneModel, statusModel, type ViewUnderTest } from './view-kit.js';

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

const KEY = {
  escape: '\x1b',
  enter: '\r',
  tab: '\t',
  up: '\x1b[A',
  down: '\x1b[B',
  left: '\x1b[D',
  backspace: '\x7f',
  ctrlA: '\x01',
  ctrlE: '\x05',
  ctrlU: '\x15',
  ctrlW: '\x17',
  ctrlS: '\x13',
  ctrlK: '\x0b',
  pageDown: '\x1b[6~',
} as const;

let current: ViewUnderTest | undefined;
afterEach(() => {
  current?.dispose();
  current = undefined;
});

/** A view with one pane and a normal-mode key handler that records keys. */
async function viewWithKeys(columns = 80, rows = 20): Promise<{ t: ViewUnderTest; normalKeys: string[] }> {
  const t = openView(columns, rows);
  current = t;
  const normalKeys: string[] = [];
  t.view.onKey((key) => normalKeys.push(key.full));
  t.view.update(cockpit([paneModel('alpha', 1, { focused: true })]), new Map([['alpha', t.view.paneArea()]]));
  await t.tty.waitFor((text) => text.includes('1 alpha'));
  return { t, normalKeys };
}

/** Types keys one by one, each after the view has handled the one before. */
async function typeKeys(t: ViewUnderTest, ...keys: string[]): Promise<void> {
  let seen = 0;
  const count = (): void => {
    seen++;
  };
  t.view.screen.on('keypress', count);
  try {
    for (const key of keys) {
      const before = seen;
      t.tty.press(key);
      await t.tty.waitFor(() => seen > before);
      // blessed handles one chunk of input synchronously; let that chunk finish.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    t.view.screen.removeListener('keypress', count);
  }
}

describe('prompt overlay', () => {
  it('opens on the bottom line with the prefill after ":" and submits the edited line on Enter', async () => {
    const { t, normalKeys } = await viewWithKeys();
    const submitted: string[] = [];
    t.view.openPrompt({ prefill: 'graft -t alpha ', onSubmit: (line) => submitted.push(line) });
    t.view.renderNow();
    await t.tty.waitFor(() => t.tty.row(19).startsWith(':graft -t alpha'));
    await typeKeys(t, 'b', 'e', 't', 'a', ' ', '1', '.', '.', '2', KEY.enter);
    expect(submitted).toEqual(['graft -t alpha beta 1..2']);
    expect(t.view.overlayOpen).toBe(false);
    expect(normalKeys).toEqual([]);
  });

  it('edits with C-w, C-u, C-a, C-e, left and backspace', async () => {
    const { t } = await viewWithKeys();
    const submitted: string[] = [];
    t.view.openPrompt({ onSubmit: (line) => submitted.push(line) });
    await typeKeys(t, ...'send hello world', KEY.ctrlW);
    await t.tty.waitFor(() => t.tty.row(19).startsWith(':send hello  ') || t.tty.row(19).trimEnd() === ':send hello');
    await typeKeys(t, KEY.ctrlA, 'x', KEY.ctrlE, KEY.left, KEY.backspace);
    await t.tty.waitFor(() => t.tty.row(19).startsWith(':xsend hell '));
    await typeKeys(t, KEY.ctrlU, KEY.ctrlK, 'quit', KEY.enter);
    expect(submitted).toEqual(['quit']);
  });

  it('walks history with up/down and completes with Tab', async () => {
    const { t } = await viewWithKeys();
    const submitted: string[] = [];
    t.view.openPrompt({
      history: ['send one', 'send two'],
      complete: (text) => (text === 're' ? 'rewind ' : text),
      onSubmit: (line) => submitted.push(line),
    });
    await typeKeys(t, 'r', 'e', KEY.up);
    await t.tty.waitFor(() => t.tty.row(19).startsWith(':send two'));
    await typeKeys(t, KEY.up);
    await t.tty.waitFor(() => t.tty.row(19).startsWith(':send one'));
    await typeKeys(t, KEY.down, KEY.down);
    await t.tty.waitFor(() => t.tty.row(19).startsWith(':re '));
    await typeKeys(t, KEY.tab, '2', KEY.enter);
    expect(submitted).toEqual(['rewind 2']);
  });

  it('closes on Esc, calls onClose, and the Esc does not reach normal mode', async () => {
    const { t, normalKeys } = await viewWithKeys();
    let closed = 0;
    t.view.openPrompt({ prefill: 'abc', onSubmit: () => undefined, onClose: () => closed++ });
    t.view.renderNow();
    await t.tty.waitFor(() => t.tty.row(19).startsWith(':abc'));
    await typeKeys(t, KEY.escape);
    await t.tty.waitFor(() => !t.tty.row(19).startsWith(':abc'));
    expect(closed).toBe(1);
    expect(t.view.overlayOpen).toBe(false);
    expect(normalKeys).toEqual([]);
    await typeKeys(t, KEY.escape);
    expect(normalKeys).toEqual(['escape']);
  });
});

describe('text input and text area overlays', () => {
  it('text input shows its title, takes a line and submits it; Esc cancels', async () => {
    const { t, normalKeys } = await viewWithKeys();
    const sent: string[] = [];
    t.view.openTextInput({ title: 'message alpha', onSubmit: (text) => sent.push(text) });
    t.view.renderNow();
    await t.tty.waitFor((text) => text.includes('message alpha'));
    await typeKeys(t, ...'fix {red-fg}it', KEY.enter);
    expect(sent).toEqual(['fix {red-fg}it']);
    let closed = 0;
    t.view.openTextInput({ title: 'broadcast a nudge', onSubmit: (text) => sent.push(text), onClose: () => closed++ });
    await typeKeys(t, 'x', KEY.escape);
    expect(closed).toBe(1);
    expect(sent).toHaveLength(1);
    expect(normalKeys).toEqual([]);
  });

  it('text area edits several lines and saves them with C-s; Esc cancels without saving', async () => {
    const { t } = await viewWithKeys();
    const saved: string[] = [];
    t.view.openTextArea({ title: 'edit 2.1', text: 'old line', onSave: (text) => saved.push(text) });
    t.view.renderNow();
    await t.tty.waitFor((text) => text.includes('old line') && text.includes('C-s save'));
    await typeKeys(t, KEY.ctrlU, 'first', KEY.enter, 'second', KEY.up, KEY.ctrlE, '!');
    await t.tty.waitFor((text) => text.includes('first!'));
    await typeKeys(t, KEY.ctrlS);
    expect(saved).toEqual(['first!\nsecond']);
    let closed = 0;
    t.view.openTextArea({ title: 'edit 3', text: 'keep', onSave: (text) => saved.push(text), onClose: () => closed++ });
    await typeKeys(t, 'zzz', KEY.escape);
    expect(closed).toBe(1);
    expect(saved).toHaveLength(1);
  });
});

describe('help, picker, receipts and confirm overlays', () => {
  it('help lists the key table and usage lines, scrolls, and closes on Esc', async () => {
    const { t, normalKeys } = await viewWithKeys(80, 16);
    const keys = Array.from({ length: 30 }, (_, index) => ({ key: `k${index}`, command: `cmd${index}`, note: `note ${index}` }));
    let closed = 0;
    t.view.openPager(pagerOf(keys, ['send [-t AGENT] TEXT'], () => closed++));
    t.view.renderNow();
    await t.tty.waitFor((text) => text.includes('k0') && text.includes('note 0'));
    expect(t.tty.text()).not.toContain('send [-t AGENT] TEXT');
    await typeKeys(t, KEY.pageDown, KEY.pageDown, KEY.pageDown);
    await t.tty.waitFor((text) => text.includes('send [-t AGENT] TEXT') && !text.includes('note 0 '));
    await typeKeys(t, KEY.escape);
    expect(closed).toBe(1);
    expect(normalKeys).toEqual([]);
  });

  it.each([
    [80, 24],
    [100, 30],
  ])('a big overlay on a %i×%i screen ends above the status bar, which stays readable', async (columns, rows) => {
    const t = openView(columns, rows);
    current = t;
    t.view.update(
      cockpit([paneModel('alpha', 1, { focused: true })], statusModel({ mode: 'help', focused: 'alpha' })),
      new Map([['alpha', t.view.paneArea()]]),
    );
    t.view.openPager(pagerOf([{ key: 'k', command: 'cmd', note: 'note' }], []));
    t.view.renderNow();
    await t.tty.waitFor((text) => text.includes('note'));
    expect(t.tty.row(rows - 2)).toMatch(/^ HELP +▶ alpha/);
    expect(t.tty.row(rows - 2)).not.toContain('┘');
    expect(t.tty.row(rows - 1)).not.toContain('─');
  });

  it('the wheel over the help scrolls the help, not the panes; over the bottom-line prompt it is left to the panes', async () => {
    const { t } = await viewWithKeys();
    expect(t.view.wheelOverOverlays(3)).toBe(false);
    const keys = Array.from({ length: 30 }, (_, index) => ({ key: `k${index}`, command: `cmd${index}`, note: `note ${index}` }));
    const help = t.view.openPager(pagerOf(keys, []));
    t.view.renderNow();
    await t.tty.waitFor((text) => text.includes('note 0 '));
    expect(t.view.wheelOverOverlays(3)).toBe(true);
    expect(t.view.wheelOverOverlays(3)).toBe(true);
    t.view.renderNow();
    await t.tty.waitFor((text) => !text.includes('note 4 ') && text.includes('note 18 '));
    t.view.close(help);
    t.view.openPrompt({ prefix: ':', onSubmit: () => undefined });
    expect(t.view.wheelOverOverlays(3)).toBe(false);
  });

  it('picker moves the selection and runs the action typed, or the default on Enter', async () => {
    const { t } = await viewWithKeys();
    const actions: [string, number][] = [];
    const rows = [{ text: '[1] hello', style: 'user' as const }, { text: '[2] world' }, { text: '[3] again' }];
    const open = (): void => {
      t.view.openPicker({
        title: 'timeline alpha',
        rows,
        actions: [
          { key: 'r', label: 'rewind here' },
          { key: 'e', label: 'edit' },
        ],
        defaultAction: 'r',
        onAction: (action, row) => actions.push([action, row]),
      });
      t.view.renderNow();
    };
    open();
    await t.tty.waitFor((text) => text.includes('▶ [1] hello') && text.includes('r rewind here'));
    await typeKeys(t, KEY.down);
    await t.tty.waitFor((text) => text.includes('▶ [2] world'));
    await typeKeys(t, 'e');
    expect(actions).toEqual([['e', 1]]);
    open();
    await typeKeys(t, KEY.down, KEY.down, KEY.down, KEY.enter);
    expect(actions).toEqual([
      ['e', 1],
      ['r', 2],
    ]);
    let closed = 0;
    t.view.openPicker({ title: 't', rows, actions: [], defaultAction: 'r', onAction: () => undefined, onClose: () => closed++ });
    await typeKeys(t, KEY.escape);
    expect(closed).toBe(1);
    expect(actions).toHaveLength(2);
  });

  it('receipts close on the next key and hand that key back; Esc only closes', async () => {
    const { t, normalKeys } = await viewWithKeys();
    const handed: (KeyPress | undefined)[] = [];
    const receipts = [
      { agent: 'alpha', outcome: 'delivered' as const, detail: '' },
      { agent: 'beta', outcome: 'queued' as const, detail: 'busy: next turn' },
      { agent: 'shell', outcome: 'refused' as const, detail: 'paused' },
    ];
    t.view.openReceipts({ receipts, onClose: (key) => handed.push(key) });
    t.view.renderNow();
    await t.tty.waitFor((text) => text.includes('beta   queued') && text.includes('refused') && text.includes('busy: next turn'));
    await typeKeys(t, 'z');
    expect(handed.map((key) => key?.full)).toEqual(['z']);
    expect(t.view.overlayOpen).toBe(false);
    expect(normalKeys).toEqual([]); // the app re-dispatches it; the view did not deliver it twice
    t.view.openReceipts({ receipts, onClose: (key) => handed.push(key) });
    await typeKeys(t, KEY.escape);
    expect(handed).toHaveLength(2);
    expect(handed[1]).toBeUndefined();
    expect(normalKeys).toEqual([]);
  });

  it('confirm runs onConfirm on y and closes without confirming on any other key', async () => {
    const { t, normalKeys } = await viewWithKeys();
    let confirmed = 0;
    let closed = 0;
    const ask = (): void => {
      t.view.openConfirm({ question: 'agents are working: quit?', onConfirm: () => confirmed++, onClose: () => closed++ });
      t.view.renderNow();
    };
    ask();
    await t.tty.waitFor((text) => text.includes('agents are working: quit?'));
    await typeKeys(t, 'n');
    expect([confirmed, closed]).toEqual([0, 1]);
    ask();
    await typeKeys(t, KEY.escape);
    expect([confirmed, closed]).toEqual([0, 2]);
    ask();
    await typeKeys(t, 'y');
    expect([confirmed, closed]).toEqual([1, 2]);
    expect(normalKeys).toEqual([]);
  });
});

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

describe('overlays: text a review found cut or hidden', () => {
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

describe('overlays: Esc glued to the next key', () => {
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
