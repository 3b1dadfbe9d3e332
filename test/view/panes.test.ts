import { afterEach, describe, expect, it } from 'vitest';
import { FakeTranscript } from './terminal-harness.js';
import { titleRuns } from '../../src/view/pane-view.js';
import { stringWidth } from '../../src/core/text-width.js';
import { cockpit, gridRects, openView, paneModel, type ViewUnderTest } from './view-kit.js';

let current: ViewUnderTest | undefined;
afterEach(() => {
  current?.dispose();
  current = undefined;
});

describe('panes', () => {
  it('draws four panes, each titled with number, name, state, model, tokens and cost', async () => {
    current = openView(140, 30);
    const { view, tty } = current;
    const names = ['alpha', 'beta', 'gamma', 'delta'];
    const panes = names.map((name, index) => paneModel(name, index + 1, { state: index === 1 ? 'streaming' : 'idle' }));
    view.update(cockpit(panes), gridRects(names, view.paneArea()));
    await tty.waitFor((text) => text.includes('4 delta'));
    expect(tty.row(0)).toContain('1 alpha · idle · 12.3k↑ 4.1k↓ · $0.042 · claude-test');
    expect(tty.row(0)).toContain('2 beta · streaming');
    const area = view.paneArea();
    expect(tty.row(Math.floor(area.height / 2))).toContain('3 gamma');
    expect(tty.row(Math.floor(area.height / 2))).toContain('4 delta');
    expect(tty.row(1)).toContain('line 0');
  });

  it('drops whole title parts in a narrow pane instead of cutting a number in the middle', async () => {
    current = openView(60, 12);
    const { view, tty } = current;
    const rects = new Map([
      ['alpha', { x: 0, y: 0, width: 36, height: 10 }],
      ['beta', { x: 36, y: 0, width: 24, height: 10 }],
    ]);
    view.update(cockpit([paneModel('alpha', 1), paneModel('beta', 2, { state: 'streaming' })]), rects);
    await tty.waitFor((text) => text.includes('2 beta'));
    const top = tty.row(0);
    expect(top).toContain('1 alpha · idle · 12.3k↑ 4.1k↓ ');
    expect(top).not.toContain('$0.0');
    expect(top).toContain('2 beta · streaming ');
    expect(top).not.toMatch(/streaming · \d/);
  });

  it('drops the state too when even the bare state does not fit, never cutting it mid-word', () => {
    const runs = titleRuns(paneModel('planner', 1, { state: 'streaming', focused: true }), 16);
    expect(runs.map((run) => run.text).join('')).toBe('▶ 1 planner');
  });

  it('marks the focused pane with ▶ and a bright border colour', async () => {
    current = openView(80, 20);
    const { view, tty } = current;
    const rects = new Map([
      ['alpha', { x: 0, y: 0, width: 40, height: 18 }],
      ['beta', { x: 40, y: 0, width: 40, height: 18 }],
    ]);
    view.update(cockpit([paneModel('alpha', 1), paneModel('beta', 2, { focused: true })]), rects);
    await tty.waitFor((text) => text.includes('▶ 2 beta'));
    expect(tty.row(0)).not.toContain('▶ 1 alpha');
    const focusedBorder = tty.cell(40, 5);
    const plainBorder = tty.cell(0, 5);
    expect(focusedBorder.chars).toBe('│');
    expect(plainBorder.chars).toBe('│');
    expect(focusedBorder.fg).toBe(14); // bright cyan
    expect(plainBorder.fg).not.toBe(14);
  });

  it('asks a 100,000-line transcript only for the rows it shows', async () => {
    current = openView(80, 24);
    const { view, tty } = current;
    const transcript = new FakeTranscript(100_000);
    view.update(cockpit([paneModel('alpha', 1, { transcript })]), new Map([['alpha', { x: 0, y: 0, width: 80, height: 22 }]]));
    await tty.waitFor((text) => text.includes('line 99999'));
    expect(transcript.requests.length).toBeGreaterThan(0);
    for (const request of transcript.requests) expect(request.count).toBe(20);
    expect(transcript.rowsServed).toBeLessThanOrEqual(20 * transcript.requests.length);
    expect(transcript.requests[0]).toEqual({ width: 78, start: 100_000 - 20, count: 20 });
    const before = transcript.requests.length;
    view.renderNow();
    expect(transcript.requests.length).toBe(before); // nothing changed: nothing asked
  });

  it('follows the stream, stays put when scrolled up with a ↓ N more indicator, and follows again at the bottom', async () => {
    current = openView(60, 16);
    const { view, tty } = current;
    const transcript = new FakeTranscript(50);
    const model = cockpit([paneModel('alpha', 1, { transcript, focused: true })]);
    view.update(model, new Map([['alpha', { x: 0, y: 0, width: 60, height: 12 }]]));
    await tty.waitFor((text) => text.includes('line 49'));
    transcript.grow(5);
    view.requestRender();
    await tty.waitFor((text) => text.includes('line 54'));
    expect(tty.text()).not.toContain('more');

    const pane = view.pane('alpha');
    pane?.scrollBy(-10);
    view.renderNow();
    await tty.waitFor((text) => text.includes('↓ 10 more'));
    expect(pane?.following).toBe(false);
    expect(tty.row(10)).toContain('line 44');
    transcript.grow(3);
    view.requestRender();
    await tty.waitFor((text) => text.includes('↓ 13 more'));
    expect(tty.row(10)).toContain('line 44');

    pane?.pageDown();
    pane?.pageDown();
    view.renderNow();
    await tty.waitFor((text) => text.includes('line 57') && !text.includes('more'));
    expect(pane?.following).toBe(true);
    transcript.grow(1);
    view.requestRender();
    await tty.waitFor((text) => text.includes('line 58'));
    expect(tty.row(10)).toContain('line 58');
  });

  it('shows {red-fg} in agent text literally, in the transcript and in the title', async () => {
    current = openView(80, 12);
    const { view, tty } = current;
    const transcript = new FakeTranscript(1, () => ({
      spans: [{ text: 'say {red-fg}hi{/red-fg} {bold}', style: 'assistant' }],
      cells: 30,
    }));
    view.update(
      cockpit([paneModel('alpha', 1, { transcript, state: 'error', detail: '{red-fg}boom' })]),
      new Map([['alpha', { x: 0, y: 0, width: 80, height: 10 }]]),
    );
    await tty.waitFor((text) => text.includes('say {red-fg}hi{/red-fg} {bold}'));
    expect(tty.row(0)).toContain('error ({red-fg}boom)');
  });

  it('keeps the right border in its column on rows with wide characters and emoji', async () => {
    current = openView(40, 10);
    const { view, tty } = current;
    const rows = ['日本語テキスト', '😀 emoji 🚀', 'plain', '😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀'];
    const transcript = new FakeTranscript(rows.length, (index) => ({
      spans: [{ text: rows[index] ?? '', style: 'assistant' }],
      cells: 0,
    }));
    view.update(cockpit([paneModel('alpha', 1, { transcript })]), new Map([['alpha', { x: 0, y: 0, width: 20, height: 7 }]]));
    await tty.waitFor((text) => text.includes('plain'));
    for (let y = 1; y <= 5; y++) expect(tty.cell(19, y).chars).toBe('│');
    expect(tty.row(1)).toContain('日本語テキスト');
    expect(tty.row(2)).toContain('😀 emoji 🚀');
    expect(tty.cell(1, 2)).toMatchObject({ chars: '😀', width: 2 });
  });

  it('hides a pane whose rect is under 3 cells and removes panes gone from the model', async () => {
    current = openView(60, 12);
    const { view, tty } = current;
    view.update(
      cockpit([paneModel('alpha', 1), paneModel('beta', 2)]),
      new Map([
        ['alpha', { x: 0, y: 0, width: 30, height: 10 }],
        ['beta', { x: 30, y: 0, width: 30, height: 10 }],
      ]),
    );
    await tty.waitFor((text) => text.includes('2 beta'));
    view.update(
      cockpit([paneModel('alpha', 1), paneModel('beta', 2)]),
      new Map([
        ['alpha', { x: 0, y: 0, width: 60, height: 10 }],
        ['beta', { x: 60, y: 0, width: 0, height: 10 }],
      ]),
    );
    await tty.waitFor((text) => !text.includes('2 beta'));
    view.update(cockpit([paneModel('beta', 1)]), new Map([['beta', { x: 0, y: 0, width: 60, height: 10 }]]));
    await tty.waitFor((text) => text.includes('1 beta') && !text.includes('alpha'));
  });
});

describe('panes: rows as the transcript wrapped them', () => {
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
});
