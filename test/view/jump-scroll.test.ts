import { afterEach, describe, expect, it } from 'vitest';
import type { Rect } from '../../src/core/layout-solver.js';
import { followStart, jumpRows } from '../../src/view/jump-scroll.js';
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

/** Streams `lines` more rows into alpha one frame at a time; returns the bytes written and how often alpha's first body row changed. */
async function stream(t: ViewUnderTest, alpha: FakeTranscript, lines: number): Promise<{ bytes: number; moves: number }> {
  const before = t.tty.output.bytes;
  let top = t.tty.row(1).slice(0, 39);
  let moves = 0;
  for (let line = 0; line < lines; line++) {
    alpha.grow(1);
    t.view.renderNow();
    const newest = `line ${alpha.count - 1} `;
    await t.tty.waitFor((text) => text.split('\n').some((row) => row.slice(0, 39).includes(newest)));
    const nextTop = t.tty.row(1).slice(0, 39);
    if (nextTop !== top) moves += 1;
    top = nextTop;
  }
  return { bytes: t.tty.output.bytes - before, moves };
}

describe('jump scroll', () => {
  it('keeps the newest row in sight and moves only when it would fall below the pane', () => {
    for (let height = 1; height <= 40; height++) {
      let previous = followStart(0, height, true);
      for (let maxStart = 0; maxStart <= 120; maxStart++) {
        const start = followStart(maxStart, height, true);
        expect(start).toBeGreaterThanOrEqual(maxStart);
        // The newest row (maxStart + height - 1) is on screen.
        expect(start).toBeLessThanOrEqual(maxStart + height - 1);
        // Either the view held still or the newest row had fallen below it.
        expect(start === previous || maxStart > previous).toBe(true);
        expect(start % jumpRows(height)).toBe(0);
        expect(followStart(maxStart, height, false)).toBe(maxStart);
        previous = start;
      }
    }
  });

  it('a streaming half-width pane rewrites itself once per jump, draws what a full redraw draws, and is bottom-aligned at rest', async () => {
    current = openView(80, 20);
    const { view, tty } = current;
    const area = view.paneArea();
    const inner = area.height - 2;
    const alpha = new FakeTranscript(30);
    const beta = new FakeTranscript(5);
    const models = (state: 'idle' | 'streaming' | 'tool') =>
      cockpit([paneModel('alpha', 1, { transcript: alpha, state }), paneModel('beta', 2, { transcript: beta })]);
    view.update(models('idle'), twoPanes(area));
    view.renderNow();
    await tty.waitFor((text) => text.includes('line 29') && text.includes('line 4'));

    // At rest every new row scrolls the pane by one: its whole body is rewritten each time.
    const atRest = await stream(current, alpha, 16);
    expect(atRest.moves).toBe(16);

    view.update(models('streaming'), twoPanes(area));
    view.renderNow();
    await tty.flush();
    const streaming = await stream(current, alpha, 16);
    expect(streaming.moves).toBeLessThanOrEqual(Math.ceil(16 / jumpRows(inner)) + 1);
    expect(streaming.bytes).toBeLessThan(atRest.bytes / 2);

    // What the painted frames left on screen is what blessed draws from scratch.
    const painted = tty.text();
    view.screen.render();
    await tty.flush();
    expect(tty.text()).toBe(painted);

    // A tool call between two answers keeps the jumped position: the body does not snap down.
    const body = (text: string) => text.split('\n').slice(1, inner + 1).map((row) => row.slice(0, 39));
    const beforeTool = body(tty.text());
    view.update(models('tool'), twoPanes(area));
    view.renderNow();
    await tty.flush();
    expect(body(tty.text())).toEqual(beforeTool);

    // The answer ends: the newest row goes back to the pane's last row.
    view.update(models('idle'), twoPanes(area));
    view.renderNow();
    await tty.waitFor((text) => text.split('\n')[inner]?.includes(`line ${alpha.count - 1} `) === true);
  });
});
