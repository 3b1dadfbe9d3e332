import { afterEach, describe, expect, it } from 'vitest';
import type { Rect } from '../../src/core/layout-solver.js';
import { FakeTranscript } from './terminal-harness.js';
import { cockpit, openView, paneModel, type ViewUnderTest } from './view-kit.js';

let current: ViewUnderTest | undefined;
afterEach(() => {
  current?.dispose();
  current = undefined;
});

function twoPanes(area: Rect): Map<string, Rect> {
  const half = Math.floor(area.width / 2);
  return new Map([
    ['alpha', { x: 0, y: 0, width: half, height: area.height }],
    ['beta', { x: half, y: 0, width: area.width - half, height: area.height }],
  ]);
}

/** Counts blessed's whole-screen renders (every widget redrawn) from now on. */
function countWholeRenders(t: ViewUnderTest): { readonly count: number } {
  const counter = { count: 0 };
  const original = t.view.screen.render.bind(t.view.screen);
  t.view.screen.render = () => {
    counter.count++;
    original();
  };
  return counter;
}

describe('frames', () => {
  it('draws a streaming frame by painting the changed rows, without a whole-screen render', async () => {
    current = openView(80, 20);
    const { view, tty } = current;
    const alpha = new FakeTranscript(30);
    const beta = new FakeTranscript(5);
    view.update(cockpit([paneModel('alpha', 1, { transcript: alpha }), paneModel('beta', 2, { transcript: beta })]), twoPanes(view.paneArea()));
    view.renderNow();
    await tty.waitFor((text) => text.includes('line 29') && text.includes('line 4'));
    const renders = countWholeRenders(current);
    const bytesBefore = tty.output.bytes;
    alpha.grow(1);
    view.renderNow();
    await tty.waitFor((text) => text.includes('line 30'));
    expect(renders.count).toBe(0);
    // The pane scrolled by one row: its rows are rewritten, the other pane and the borders are not.
    expect(tty.output.bytes - bytesBefore).toBeLessThan(40 * 18 + 400);
    const painted = tty.text();
    // What blessed draws from scratch must be what the painted frame shows.
    view.screen.render();
    await tty.flush();
    expect(tty.text()).toBe(painted);
    expect(tty.row(1)).toContain('line 15 ');
    expect(tty.row(1)).toContain('line 0');
  });

  it('runs the before-frame work first, so a model it applies is drawn in that same frame', async () => {
    current = openView(80, 20);
    const { view, tty } = current;
    const area = view.paneArea();
    let builds = 0;
    view.beforeFrame(() => {
      builds++;
      view.update(cockpit([paneModel('alpha', 1, { transcript: new FakeTranscript(builds + 2) })]), new Map([['alpha', area]]));
    });
    view.requestRender();
    view.requestRender();
    await tty.waitFor((text) => text.includes('line 2'));
    expect(builds).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 120));
    // The update inside the frame asked for no frame of its own.
    expect(builds).toBe(1);
  });

  it('repaints the panes under an overlay when it closes, leaving nothing of it behind', async () => {
    current = openView(80, 20);
    const { view, tty } = current;
    const alpha = new FakeTranscript(40);
    view.update(cockpit([paneModel('alpha', 1, { transcript: alpha }), paneModel('beta', 2)]), twoPanes(view.paneArea()));
    view.renderNow();
    await tty.waitFor((text) => text.includes('line 39'));
    const before = tty.text();
    const overlay = view.openConfirm({ question: 'agents are working: quit?', onConfirm: () => undefined });
    view.renderNow();
    await tty.waitFor((text) => text.includes('quit?'));
    view.close(overlay);
    view.renderNow();
    await tty.waitFor((text) => !text.includes('quit?'));
    expect(tty.text()).toBe(before);
    // A frame while an overlay is open keeps the overlay on top of a streaming pane.
    const second = view.openConfirm({ question: 'still there?', onConfirm: () => undefined });
    view.renderNow();
    alpha.grow(20);
    view.renderNow();
    await tty.waitFor((text) => text.includes('line 59'));
    expect(tty.text()).toContain('still there?');
    view.close(second);
  });

  it('repaints every pane at its new place after a resize, with no cell of the old layout left', async () => {
    const resized: Rect[] = [];
    current = openView(80, 20, (area) => resized.push(area));
    const { view, tty } = current;
    const model = cockpit([paneModel('alpha', 1, { transcript: new FakeTranscript(40) }), paneModel('beta', 2)]);
    view.update(model, twoPanes(view.paneArea()));
    view.renderNow();
    await tty.waitFor((text) => text.includes('line 39'));
    tty.resize(60, 16);
    for (let i = 0; i < 200 && resized.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    const area = resized[resized.length - 1] ?? view.paneArea();
    view.update(model, twoPanes(area));
    view.renderNow();
    await tty.waitFor((text) => text.split('\n')[0]?.startsWith('┌ 1 alpha') === true && text.includes('2 beta'));
    const rows = tty.text().split('\n');
    // Each pane row has exactly the borders of the new layout: two panes of 30 columns.
    for (let y = 1; y < area.height - 1; y++) {
      const row = rows[y] ?? '';
      expect(row[0]).toBe('│');
      expect(row[29]).toBe('│');
      expect(row[30]).toBe('│');
      expect(row[59]).toBe('│');
    }
    expect(rows[area.height - 1]?.startsWith('└')).toBe(true);
  });
});
