// An empty cockpit says what to press; a terminal too small for panes says so instead of drawing
// scraps of borders (B16).
import { afterEach, describe, expect, it } from 'vitest';
import { solveTiling } from '../../src/core/layout-solver.js';
import { cockpit, gridRects, openView, paneModel, statusModel, type ViewUnderTest } from './view-kit.js';

let current: ViewUnderTest | undefined;
afterEach(() => {
  current?.dispose();
  current = undefined;
});

describe('screen notices', () => {
  it('an empty cockpit says what to press, and the hint goes when a pane opens', async () => {
    current = openView(120, 20);
    const { view, tty } = current;
    view.update(cockpit([], statusModel()), new Map());
    await tty.waitFor((text) => text.includes('no agents open — n opens a new agent · S browses stored sessions'));
    view.update(cockpit([paneModel('alpha', 1, { focused: true })], statusModel()), gridRects(['alpha'], view.paneArea()));
    await tty.waitFor((text) => text.includes('1 alpha') && !text.includes('no agents open'));
  });

  it('a terminal too small says so instead of drawing panes, and panes come back when it grows', async () => {
    current = openView(100, 20);
    const { view, tty } = current;
    const show = (): void =>
      view.update(cockpit([paneModel('alpha', 1, { focused: true })], statusModel()), new Map([['alpha', view.paneArea()]]));
    show();
    await tty.waitFor((text) => text.includes('1 alpha'));
    tty.resize(20, 6);
    show();
    await tty.waitFor((text) => text.includes('terminal too small'));
    expect(tty.text()).not.toContain('┌');
    tty.resize(100, 20);
    show();
    await tty.waitFor((text) => text.includes('1 alpha') && !text.includes('too small'));
  });

  it('a 5,000-agent layout says there is no space for its panes instead of a blank screen; zoom shows one', async () => {
    current = openView(200, 50);
    const { view, tty } = current;
    const names = Array.from({ length: 5000 }, (_, i) => `a${i}`);
    const panes = names.map((name, i) => paneModel(name, 1, { focused: i === 0 }));
    view.update(cockpit(panes, statusModel({ focused: 'a0' })), solveTiling('tiled', names, view.paneArea()));
    await tty.waitFor((text) => text.includes('no space for 5000 panes in 200×50 (each needs 3×3 cells): z zooms the focused pane'));
    view.update(cockpit(panes, statusModel({ focused: 'a0', zoomed: true })), new Map([['a0', view.paneArea()]]));
    await tty.waitFor((text) => text.includes('1 a0') && !text.includes('no space'));
  });

  it('panes left without space beside drawn ones are counted in the status bar', async () => {
    current = openView(100, 20);
    const { view, tty } = current;
    const names = Array.from({ length: 40 }, (_, i) => `p${i}`);
    const panes = names.map((name, i) => paneModel(name, 1, { focused: i === 0 }));
    view.update(cockpit(panes, statusModel({ focused: 'p0' })), solveTiling('main-left', names, view.paneArea()));
    await tty.waitFor((text) => text.includes('1 p0') && /\d+ of 40 panes have no space to draw/.test(text));
    view.update(cockpit(panes.slice(0, 2), statusModel({ focused: 'p0' })), solveTiling('main-left', names.slice(0, 2), view.paneArea()));
    await tty.waitFor((text) => text.includes('1 p1') && !text.includes('no space'));
  });
});
