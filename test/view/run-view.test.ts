// The run view overlay (DESIGN.md §9): a run of 250 agents drawn in a 30-row terminal shows a
// window of rows around the selection, formatting only those rows; the status bar carries the
// focused run's one line.
import { afterEach, describe, expect, it } from 'vitest';
import { RunTree } from '../../src/core/workflow/run-tree.js';
import { RunViewState } from '../../src/core/workflow/run-tree-rows.js';
import { runStatusLine } from '../../src/core/workflow/run-status-line.js';
import { RunViewOverlay, visibleWindow } from '../../src/view/overlays/run-view.js';
import { titleRuns } from '../../src/view/pane-view.js';
import { treeRowRuns } from '../../src/view/run-view-text.js';
import { cockpit, openView, paneModel, statusModel, type ViewUnderTest } from './view-kit.js';

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
    tree.applyRecord({ type: 'started', at, agent: `worker-${n}`, session: `s${n}`, key: `k${n}`, label: `worker ${n}` }, 0, 'haiku');
    tree.agentState(`worker-${n}`, 'streaming', 0);
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
    await tty.waitFor((text) => text.includes('worker-0'));
    expect(tty.text()).toMatch(/▾ fanout \(big\) running · 0 done · 250 working/);
    expect(tty.text()).not.toContain('worker-100');
    state.move(state.rows([tree], 10_000), 1_000);
    overlay.draw();
    view.renderNow();
    await tty.waitFor((text) => text.includes('worker-249'));
    expect(tty.text()).not.toContain('worker-0 ');
    expect(tty.text()).toMatch(/▶ +worker-249 +working/);
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

describe('stale marks (issue 14 over issue 15)', () => {
  /** A run where `check` saw `find`'s answer; `revise` revises that answer. */
  function checked(): { tree: RunTree; revise: () => void } {
    const tree = new RunTree('r', 'audit', 0);
    tree.applyRecord({ type: 'meta', at, run: 'r', name: 'audit', description: 'd', phases: [], script: 'a.js' }, 0);
    tree.applyRecord({ type: 'started', at, agent: 'find', session: 's1', key: 'f#0', label: 'find' }, 0, 'haiku');
    tree.applyRecord({ type: 'result', at, agent: 'find', key: 'f#0', value: 'x' }, 0);
    tree.applyRecord({ type: 'started', at, agent: 'check', session: 's2', key: 'c#0', label: 'check', saw: [{ key: 'f#0', version: 1 }] }, 0, 'haiku');
    tree.applyRecord({ type: 'result', at, agent: 'check', key: 'c#0', value: 'y' }, 0);
    return { tree, revise: () => tree.applyRecord({ type: 'revised', at, agent: 'find', key: 'f#0', version: 2, value: 'x2' }, 0) };
  }
  const rowText = (tree: RunTree, agent: string): string => {
    // Filtered by `done`: the finished phase is folded otherwise.
    const state = new RunViewState(60_000);
    state.filter = 'done';
    const row = state.rows([tree], 0).find((r) => r.kind === 'agent' && r.agent.name === agent);
    return row === undefined ? '' : treeRowRuns(row, 0, 60_000).map((run) => run.text).join('');
  };

  it('a call that saw an answer revised since shows `stale` in its run-view row; before the revision nothing is stale', () => {
    const { tree, revise } = checked();
    expect(rowText(tree, 'check')).not.toContain('stale');
    const before = tree.stateVersion;
    revise();
    expect(tree.staleBecause('check')).toEqual([{ key: 'f#0', version: 1 }]);
    expect(tree.stateVersion).toBeGreaterThan(before);
    expect(rowText(tree, 'check')).toMatch(/done · stale.*stale: saw 1 answer revised since/u);
    expect(rowText(tree, 'find')).not.toContain('stale');
  });

  it('a pane whose model carries the mark shows it after the name in its title, kept when the title is cut', () => {
    const title = (room?: number): string => titleRuns(paneModel('check', 4, { mark: 'stale' }), room).map((run) => run.text).join('');
    expect(title()).toMatch(/^4 check · stale · idle/u);
    expect(title(18)).toBe('4 check · stale');
  });
});

describe('queued calls in the run view (issue 14)', () => {
  it('a call waiting for a slot is listed under its phase with its name and how long it has waited, until it starts', () => {
    const tree = new RunTree('r', 'audit', 0);
    tree.applyRecord({ type: 'meta', at, run: 'r', name: 'audit', description: 'd', phases: [{ title: 'Review' }, { title: 'Verify' }], script: 'a.js' }, 0);
    tree.applyRecord({ type: 'phase', at, title: 'Review' }, 0);
    tree.applyRecord({ type: 'started', at, agent: 'rev-1', session: 's1', key: 'k1', label: 'rev-1' }, 0, 'haiku');
    tree.callQueued('rev-2', null, 1_000);
    tree.callQueued('check-1', 'Verify', 2_000);
    const state = new RunViewState(60_000);
    const lines = (now: number): string[] => state.rows([tree], now).map((row) => `${row.kind}:${treeRowRuns(row, now, 60_000).map((run) => run.text).join('').trim()}`);
    const shown = lines(31_000);
    expect(shown.findIndex((line) => line.startsWith('queued:rev-2'))).toBeGreaterThan(shown.findIndex((line) => line.startsWith('agent:rev-1')));
    expect(shown.find((line) => line.startsWith('queued:rev-2'))).toMatch(/rev-2 +queued +waiting for a slot since 30s · t message it · e edit its prompt · s skip/u);
    // Under its own phase: after the Verify phase row.
    expect(shown.findIndex((line) => line.startsWith('queued:check-1'))).toBeGreaterThan(shown.findIndex((line) => line.startsWith('phase:▾ Verify')));
    tree.applyRecord({ type: 'started', at, agent: 'rev-2', session: 's2', key: 'k2', label: 'rev-2' }, 32_000, 'haiku');
    tree.callLeftQueue('check-1');
    expect(lines(33_000).filter((line) => line.startsWith('queued:'))).toEqual([]);
    expect(lines(33_000).some((line) => line.startsWith('agent:rev-2'))).toBe(true);
  });
});
