// An empty cockpit says what to press; a terminal too small for panes says so instead of drawing
// scraps of borders (B16).
import { afterEach, describe, expect, it } from 'vitest';
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
});
