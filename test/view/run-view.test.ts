// The run view overlay (DESIGN.md §9): a run of 250 agents drawn in a 30-row terminal shows a
// window of rows around the selection, formatting only those rows; the status bar carries the
// focused run's one line.
import { afterEach, describe, expect, it } from 'vitest';
import { RunTree } from '../../src/core/workflow/run-tree.js';
import { RunViewState } from '../../src/core/workflow/run-tree-rows.js';
import { runStatusLine } from '../../src/core/workflow/run-status-line.js';
import { RunViewOverlay, visibleWindow } from '../../src/view/overlays/run-view.js';
import { cockpit, openView, statusModel, type ViewUnderTest } from './view-kit.js';

const at = '2026-12-07T15:00:00.000Z';
let current: ViewUnderTest | undefined;
afterEach(() => {
  current?.dispose();
  current = undefined;
});

function bigRun(agents: number): RunTree {
  const tree = new RunTree('big', 'fanout', 0);
  tree.applyRecord({ type: 'meta', at, run: 'big', name: 'fanout', description: 'd', phases: [{ title: 'Work' }], script: 'f.js' }, 0);
  tree.applyRecord({ type: 'phase', at, title: 'Work' }, 0);
  for (let n = 0; n < agents; n++) {
    tree.applyRecord({ type: 'started', at, agent: `w-${n}`, session: `s${n}`, key: `k${n}`, label: `worker ${n}` }, 0, 'haiku');
    tree.agentState(`w-${n}`, 'streaming', 0);
  }
  return tree;
}

describe('the run view overlay', () => {
  it('keeps the selection in a window of rows', () => {
    expect(visibleWindow(300, 0, 20, 0)).toEqual({ first: 0, end: 20 });
    expect(visibleWindow(300, 250, 20, 0)).toEqual({ first: 231, end: 251 });
    expect(visibleWindow(300, 240, 20, 231)).toEqual({ first: 231, end: 251 });
    expect(visibleWindow(5, 4, 20, 3)).toEqual({ first: 0, end: 5 });
  });

  it('draws a 250-agent run a window at a time, moving to the last agent', async () => {
    current = openView(140, 30);
    const { view, tty } = current;
    const tree = bigRun(250);
    const state = new RunViewState(60_000);
    const model = () => {
      const rows = state.rows([tree], 10_000);
      return { rows, selected: state.selection(rows), now: 10_000, stallAfterMs: 60_000, hint: 'hint line', hintIsError: false };
    };
    const overlay = view.open((host) => new RunViewOverlay(host, { model, onKey: () => undefined }));
    view.renderNow();
    await tty.waitFor((text) => text.includes('worker 0'));
    expect(tty.text()).toMatch(/▾ fanout \(big\) running · 0 done · 250 working/);
    expect(tty.text()).not.toContain('worker 100');
    state.move(state.rows([tree], 10_000), 1_000);
    overlay.draw();
    view.renderNow();
    await tty.waitFor((text) => text.includes('worker 249'));
    expect(tty.text()).not.toContain('worker 0 ');
    expect(tty.text()).toMatch(/▶ +worker 249 +working/);
  });

  it('puts the focused run\'s line in the status bar', async () => {
    current = openView(140, 10);
    const { view, tty } = current;
    view.update(cockpit([], statusModel({ run: 'audit · Review 3/8 · 12 done · 1 null · $0.420' })), new Map());
    view.renderNow();
    await tty.waitFor((text) => text.includes('audit · Review 3/8'));
    expect(tty.row(8)).toContain('│ audit · Review 3/8 · 12 done · 1 null · $0.420 │');
  });

  it("draws the run's name, a phase's title and an agent's label with their controls visible, never dropped or run", async () => {
    current = openView(140, 12);
    const { view, tty } = current;
    const tree = new RunTree('ctl', 'ev\x1b]0;owned\x07il\nrun', 0);
    tree.applyRecord({ type: 'meta', at, run: 'ctl', name: 'ev\x1b]0;owned\x07il\nrun', description: 'd', phases: [{ title: 'Ph\x1b[2Jase' }], script: 'f.js' }, 0);
    tree.applyRecord({ type: 'phase', at, title: 'Ph\x1b[2Jase' }, 0);
    tree.applyRecord({ type: 'started', at, agent: 'w-1', session: 's1', key: 'k1', label: 'lab\x1b[31mel\u202e' }, 0, 'haiku');
    const state = new RunViewState(60_000);
    const model = () => {
      const rows = state.rows([tree], 1_000);
      return { rows, selected: state.selection(rows), now: 1_000, stallAfterMs: 60_000, hint: 'hint line', hintIsError: false };
    };
    view.open((host) => new RunViewOverlay(host, { model, onKey: () => undefined }));
    view.renderNow();
    await tty.waitFor((text) => text.includes('lab␛[31mel'));
    expect(tty.text()).toContain('▾ ev␛]0;owned␇il␊run (ctl) running');
    expect(tty.text()).toContain('▾ Ph␛[2Jase');
    expect(tty.text()).toContain('lab␛[31mel<U+202E>');
    expect(runStatusLine(tree, 1_000, 60_000).startsWith('ev␛]0;owned␇il␊run · Ph␛[2Jase 0/1 · ')).toBe(true);
  });
});

