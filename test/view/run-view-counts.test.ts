// What the run view's header, phase rows, agent rows and the status bar count and name (DESIGN.md
// §9 "The run view", issue 14's leftovers): a queued call skipped before it started is a null; a
// held agent waits on you, it is not working; a renamed agent shows its name, with its label; a
// continued run counts each call key once, its reused answers as done, named as its meta says.
import { afterEach, describe, expect, it } from 'vitest';
import { summarizeRun } from '../../src/core/workflow/run-summary.js';
import { RunTree } from '../../src/core/workflow/run-tree.js';
import { runTreeFromRecord } from '../../src/core/workflow/run-tree-from-record.js';
import { RunViewState } from '../../src/core/workflow/run-tree-rows.js';
import type { RunRecordLine } from '../../src/core/workflow/run-record.js';
import { runStatusLine } from '../../src/core/workflow/run-status-line.js';
import { RunViewOverlay } from '../../src/view/overlays/run-view.js';
import { openView, type ViewUnderTest } from './view-kit.js';

const at = '2026-12-07T15:00:00.000Z';
const STALL = 60_000;
let current: ViewUnderTest | undefined;
afterEach(() => {
  current?.dispose();
  current = undefined;
});

const meta: RunRecordLine = { type: 'meta', at, run: 'r1', name: 'review', description: 'd', phases: [{ title: 'Review' }, { title: 'Verify' }], script: 'review.js' };
const started = (agent: string, key: string, extra: Partial<Extract<RunRecordLine, { type: 'started' }>> = {}): RunRecordLine => ({
  type: 'started',
  at,
  agent,
  session: `s-${agent}`,
  key,
  label: agent,
  phase: 'Review',
  ...extra,
});

/** Draws `tree` in the run view overlay (everything unfolded) and returns the screen once `shown` is on it. */
async function draw(tree: RunTree, shown: string, now = 1_000): Promise<string> {
  current = openView(160, 20);
  const { view, tty } = current;
  const state = new RunViewState(STALL);
  state.reveal(tree);
  const model = () => {
    const rows = state.rows([tree], now);
    return { rows, selected: state.selection(rows), now, stallAfterMs: STALL, hint: 'hint line', hintIsError: false };
  };
  view.open((host) => new RunViewOverlay(host, { model, onKey: () => undefined }));
  view.renderNow();
  await tty.waitFor((text) => text.includes(shown));
  return tty.text();
}

describe('run view counts', () => {
  it('a queued call skipped before it started counts as null in the header, its phase row and the status bar', async () => {
    const tree = new RunTree('r1', 'review', 0);
    tree.applyRecord(meta, 0);
    tree.applyRecord({ type: 'phase', at, title: 'Review' }, 0);
    tree.applyRecord(started('reviewer-1', 'k1'), 0, 'haiku');
    tree.callQueued('reviewer-3', 'Review', 0);
    // `s` on the queued row: its call leaves the queue and resolves to null without an agent.
    tree.callLeftQueue('reviewer-3');
    tree.applyRecord({ type: 'failed', at, agent: null, key: 'k3', reason: 'skipped by the user', phase: 'Review' }, 500);
    const screen = await draw(tree, 'review (r1)');
    expect(screen).toMatch(/review \(r1\) running · 0 done · 1 working · 0 queued · 1 null/u);
    expect(screen).toMatch(/▾ Review 1\/2 · 1 null/u);
    expect(runStatusLine(tree, 1_000, STALL)).toBe('review · Review 1/2 · 0 done · 1 null · $0.000');
  });

  it('a held agent counts as waiting on you in the header, not as working', async () => {
    const tree = new RunTree('r1', 'review', 0);
    tree.applyRecord(meta, 0);
    tree.applyRecord(started('skeptic-1', 'k1', { phase: 'Verify' }), 0, 'haiku');
    tree.applyRecord(started('skeptic-2', 'k2', { phase: 'Verify' }), 0, 'haiku');
    tree.agentState('skeptic-2', 'streaming', 0);
    tree.setWaiting('skeptic-1', 'held');
    const screen = await draw(tree, 'waiting on you (held)');
    expect(screen).toMatch(/review \(r1\) running · 0 done · 1 working · 0 queued · 0 null · 1 waiting on you/u);
  });

  it('a renamed agent shows its new name, with the label the script gave it, whether renamed queued or working', async () => {
    const tree = new RunTree('r1', 'review', 0);
    tree.applyRecord(meta, 0);
    // Renamed while queued: it started as `triage`, its label still the script's.
    tree.applyRecord(started('triage', 'k3', { label: 'reviewer-3' }), 0, 'haiku');
    // Renamed after it started.
    tree.applyRecord(started('reviewer-1', 'k1'), 0, 'haiku');
    tree.renamed('reviewer-1', 'lead');
    // Not renamed: a label with spaces reads as its name.
    tree.applyRecord(started('reviewer-two', 'k2', { label: 'reviewer two' }), 0, 'haiku');
    const screen = await draw(tree, 'triage');
    expect(screen).toMatch(/ triage \(reviewer-3\) +idle/u);
    expect(screen).toMatch(/ lead \(reviewer-1\) +idle/u);
    expect(screen).toMatch(/ reviewer-two +idle/u);
    expect(screen).not.toContain('(reviewer two)');
  });

  it('a queued row says which keys act on it: t messages it, e edits its prompt, s skips it (no :send to type)', async () => {
    const tree = new RunTree('r1', 'review', 0);
    tree.applyRecord(meta, 0);
    tree.callQueued('reviewer-3', 'Review', 0);
    const screen = await draw(tree, 'waiting for a slot');
    expect(screen).toMatch(/reviewer-3 +queued +waiting for a slot since 1s · t message it · e edit its prompt · s skip/u);
    expect(screen).not.toContain(':send');
  });
});

describe('a continued run (issue 15) counted per call key', () => {
  /** Reviewers a and b; b cut by a stop; continued: a's answer reused, b asked again and answered. */
  const RECORD: readonly RunRecordLine[] = [
    meta,
    { type: 'phase', at, title: 'Review' },
    started('reviewer-1', 'k1'),
    started('reviewer-2', 'k2'),
    { type: 'result', at, agent: 'reviewer-1', key: 'k1', value: { findings: [] } },
    { type: 'failed', at, agent: 'reviewer-2', key: 'k2', reason: 'run stopped' },
    { type: 'done', at, status: 'stopped', error: 'stopped by the user' },
    { type: 'continued', at, script: 'review.js', version: 1, recorded: false },
    { type: 'phase', at, title: 'Review' },
    { type: 'reused', at, agent: 'reviewer-1', key: 'k1', version: 1 },
    started('reviewer-2', 'k2', { resumed: true }),
    { type: 'result', at, agent: 'reviewer-2', key: 'k2', value: { findings: [] } },
    { type: 'done', at, status: 'completed', result: { confirmed: [] } },
  ];

  it('its run view names it by its meta, counts the reused answer as done and the re-asked call once', async () => {
    const tree = runTreeFromRecord('r1', RECORD);
    expect(tree.counts(0, STALL)).toEqual({ done: 2, working: 0, queued: 0, nulls: 0, waiting: 0, stalled: 0 });
    const screen = await draw(tree, 'review (r1)');
    expect(screen).toMatch(/▾ review \(r1\) completed · 2 done · 0 working · 0 queued · 0 null/u);
    expect(screen).toMatch(/▾ Review 2\/2/u);
    // One row per call: reviewer-2's second start took its first one's row.
    expect(screen.match(/reviewer-2 /gu)?.length).toBe(1);
  });

  it('the session browser counts its agents per call key, not per started line', () => {
    expect(summarizeRun('r1', RECORD, 0).agents).toBe(2);
  });

  it('a continue that has reused every answer shows its phase full, not 0/0', () => {
    const lines = RECORD.slice(0, 10);
    const tree = runTreeFromRecord('r1', lines);
    expect(tree.phases().find((phase) => phase.title === 'Review')).toMatchObject({ calls: 2, done: 1, nulls: 1 });
    // The reused answer counts, still once.
    expect(tree.counts(0, STALL)).toMatchObject({ done: 1, nulls: 1 });
  });
});
