import { describe, expect, it } from 'vitest';
import { agentRowState } from '../../../src/core/workflow/run-agent-node.js';
import { runStatusLine } from '../../../src/core/workflow/run-status-line.js';
import { RunTree } from '../../../src/core/workflow/run-tree.js';
import { RunViewState, type TreeRow } from '../../../src/core/workflow/run-tree-rows.js';
import type { RunRecordLine } from '../../../src/core/workflow/run-record.js';
import { ZERO_TOTALS } from '../../../src/core/usage-totals.js';

const at = '2026-12-07T15:00:00.000Z';
const STALL = 60_000;

function meta(phases: string[]): RunRecordLine {
  return { type: 'meta', at, run: 'r1', name: 'audit', description: 'd', phases: phases.map((title) => ({ title })), script: 'audit.js' };
}
function started(agent: string, phase?: string): RunRecordLine {
  return { type: 'started', at, agent, session: `s-${agent}`, key: `k-${agent}`, ...(phase === undefined ? {} : { phase }) };
}
const result = (agent: string): RunRecordLine => ({ type: 'result', at, agent, key: `k-${agent}`, value: 'ok' });
const failed = (agent: string): RunRecordLine => ({ type: 'failed', at, agent, key: `k-${agent}`, reason: 'skipped by the user' });

/** A run with meta phases Scan and Review, two scanners and three reviewers. */
function sampleTree(): RunTree {
  const tree = new RunTree('r1', 'audit', 0);
  tree.applyRecord(meta(['Scan', 'Review']), 0);
  tree.applyRecord({ type: 'phase', at, title: 'Scan' }, 0);
  tree.applyRecord(started('scan-1'), 0, 'sonnet');
  tree.applyRecord(started('scan-2'), 0, 'sonnet');
  tree.applyRecord(result('scan-1'), 1_000);
  tree.applyRecord(result('scan-2'), 1_000);
  tree.applyRecord({ type: 'phase', at, title: 'Review' }, 1_000);
  tree.applyRecord({ type: 'log', at, text: 'reviewing 3 files' }, 1_000);
  for (const name of ['rev-a', 'rev-b', 'rev-c']) {
    tree.applyRecord(started(name), 1_000, 'haiku');
    tree.agentState(name, 'streaming', 1_000);
  }
  tree.applyRecord(failed('rev-c'), 2_000);
  return tree;
}

const labels = (rows: readonly TreeRow[]): string[] =>
  rows.map((row) => (row.kind === 'agent' ? row.agent.name : row.kind === 'phase' ? `[${row.phase.title}${row.folded ? '+' : ''}]` : row.kind));

describe('the run tree', () => {
  it('counts done, working, queued and null agents, and phase progress, as record lines arrive', () => {
    const tree = sampleTree();
    tree.setQueued(4);
    expect(tree.counts(2_000, STALL)).toEqual({ done: 2, working: 2, queued: 4, nulls: 1, waiting: 0, stalled: 0 });
    const review = tree.current();
    expect(review?.title).toBe('Review');
    expect([review?.done, review?.nulls, review?.calls]).toEqual([0, 1, 3]);
    expect(tree.phases().map((phase) => phase.title)).toEqual(['Scan', 'Review']);
  });

  it('an agent renamed after it started is marked done by its result line, which names it as it started', () => {
    const tree = new RunTree('r1', 'audit', 0);
    tree.applyRecord(meta(['Review']), 0);
    tree.applyRecord(started('rev-1', 'Review'), 0, 'sonnet');
    tree.renamed('rev-1', 'lead');
    tree.renamed('lead', 'chief');
    tree.applyRecord(result('rev-1'), 1_000);
    expect(tree.agent('chief')?.end).toEqual({ kind: 'done' });
    expect(tree.counts(1_000, STALL)).toMatchObject({ done: 1, working: 0 });
  });

  it('sums tokens and cost from each agent\'s latest totals, not by adding every report', () => {
    const tree = sampleTree();
    tree.usage('rev-a', { ...ZERO_TOTALS, inputTokens: 100, outputTokens: 10, costUsd: 0.1 });
    tree.usage('rev-a', { ...ZERO_TOTALS, inputTokens: 200, outputTokens: 20, costUsd: 0.2 });
    tree.usage('rev-b', { ...ZERO_TOTALS, inputTokens: 50, outputTokens: 5, costUsd: 0.22 });
    expect(tree.spent().tokens).toBe(275);
    expect(tree.spent().costUsd).toBeCloseTo(0.42);
  });

  it('marks a silent working agent stalled past --stall-after, and not one whose bash keeps printing', () => {
    const tree = sampleTree();
    tree.agentState('rev-a', 'tool', 1_000);
    tree.agentState('rev-b', 'tool', 1_000);
    // rev-b's long bash prints every 10 s; rev-a says nothing.
    for (let t = 11_000; t <= 71_000; t += 10_000) tree.activity('rev-b', t);
    const now = 75_000;
    const a = tree.agent('rev-a');
    const b = tree.agent('rev-b');
    if (a === undefined || b === undefined) throw new Error('agents missing');
    expect(agentRowState(a, now, STALL)).toBe('stalled');
    expect(agentRowState(b, now, STALL)).toBe('working');
    expect(agentRowState(a, 60_999, STALL)).toBe('working');
    expect(tree.counts(now, STALL).stalled).toBe(1);
  });

  it('shows an agent waiting on you for a pending approval, after an interrupt, and no longer once work resumes', () => {
    const tree = sampleTree();
    tree.agentState('rev-a', 'awaiting-approval', 1_500);
    tree.turnEnded('rev-b', 'interrupted');
    tree.agentState('rev-b', 'idle', 1_500);
    expect(tree.counts(1_600, STALL).waiting).toBe(2);
    tree.agentState('rev-b', 'requesting', 1_700);
    expect(tree.counts(1_800, STALL).waiting).toBe(1);
    // An interrupt after the call resolved changes nothing.
    tree.turnEnded('scan-1', 'interrupted');
    expect(tree.counts(1_800, STALL).waiting).toBe(1);
  });

  it('says the run in one status line', () => {
    const tree = sampleTree();
    tree.usage('rev-a', { ...ZERO_TOTALS, costUsd: 0.42 });
    expect(runStatusLine(tree, 2_000, STALL)).toBe('audit · Review 1/3 · 2 done · 1 null · $0.420');
    tree.applyRecord(result('rev-a'), 3_000);
    tree.applyRecord(result('rev-b'), 3_000);
    tree.applyRecord({ type: 'done', at, status: 'completed', result: 'fine' }, 4_000);
    expect(runStatusLine(tree, 9_000, STALL)).toBe('audit · completed · 4 done · 1 null · $0.420');
    expect(tree.elapsed(9_000)).toBe(4_000);
  });
});

describe('the run view rows', () => {
  it('folds a finished phase, lists the live one, and a person can unfold it', () => {
    const tree = sampleTree();
    const view = new RunViewState(STALL);
    const rows = view.rows([tree], 2_000);
    expect(labels(rows)).toEqual(['run', '[Scan+]', '[Review]', 'log', 'rev-a', 'rev-b', 'rev-c']);
    view.move(rows, 1);
    expect(view.toggleFold(rows)).toBe('unfolded Scan');
    expect(labels(view.rows([tree], 2_000))).toEqual(['run', '[Scan]', 'scan-1', 'scan-2', '[Review]', 'log', 'rev-a', 'rev-b', 'rev-c']);
  });

  it('filters by state, and keeps the selection on the same agent as rows change', () => {
    const tree = sampleTree();
    const view = new RunViewState(STALL);
    view.move(view.rows([tree], 2_000), 5);
    expect(view.selected(view.rows([tree], 2_000))?.key).toBe('agent:r1/rev-b');
    tree.applyRecord(started('rev-d'), 2_000);
    view.setFilter('null');
    expect(labels(view.rows([tree], 2_000))).toEqual(['run', '[Review]', 'rev-c']);
    view.setFilter('all');
    expect(view.selected(view.rows([tree], 2_000))?.key).toBe('agent:r1/rev-b');
  });

  it('jumps to the next agent waiting on you or stalled, wrapping, unfolding and unfiltering as needed', () => {
    const tree = sampleTree();
    tree.agentState('rev-b', 'awaiting-approval', 1_000);
    tree.agentState('rev-a', 'streaming', 1_000);
    const view = new RunViewState(STALL);
    view.setFilter('done');
    const now = 70_000; // rev-a silent for 69 s: stalled
    expect(view.jumpToNext([tree], now)?.name).toBe('rev-a');
    expect(view.filter).toBe('all');
    expect(view.jumpToNext([tree], now)?.name).toBe('rev-b');
    expect(view.jumpToNext([tree], now)?.name).toBe('rev-a');
    tree.activity('rev-a', now);
    tree.agentState('rev-b', 'streaming', now);
    expect(view.jumpToNext([tree], now + 1)).toBeUndefined();
  });

  it('reuses the rows while nothing changed (a tick does not rebuild them)', () => {
    const tree = sampleTree();
    const view = new RunViewState(STALL);
    const first = view.rows([tree], 2_000);
    tree.activity('rev-a', 3_000);
    expect(view.rows([tree], 5_000)).toBe(first);
    tree.applyRecord(result('rev-a'), 6_000);
    expect(view.rows([tree], 6_000)).not.toBe(first);
  });
});

describe('the run view rows under a filter', () => {
  it('follow agent states when filtering, without a new record line', () => {
    const tree = sampleTree();
    const view = new RunViewState(STALL);
    view.setFilter('waiting');
    expect(labels(view.rows([tree], 2_000))).toEqual(['run']);
    tree.agentState('rev-a', 'awaiting-approval', 2_000);
    expect(labels(view.rows([tree], 2_000))).toEqual(['run', '[Review]', 'rev-a']);
  });
});
