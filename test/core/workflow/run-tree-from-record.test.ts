import { describe, expect, it } from 'vitest';
import { agentRowState } from '../../../src/core/workflow/run-agent-node.js';
import type { RunRecordLine } from '../../../src/core/workflow/run-record.js';
import { runTreeFromRecord } from '../../../src/core/workflow/run-tree-from-record.js';
import { RunViewState, type TreeRow } from '../../../src/core/workflow/run-tree-rows.js';

const STALL = 60_000;
const at = (second: number): string => new Date(Date.UTC(2026, 11, 7, 15, 0, second)).toISOString();

/** A finished headless run: phases Scan and Review, a log line, a result, a null, a `null` agent result and a done line. */
const RECORD: readonly RunRecordLine[] = [
  { type: 'meta', at: at(0), run: 'r9', name: 'audit', description: 'd', phases: [{ title: 'Scan' }, { title: 'Review' }], script: 'audit.js' },
  { type: 'phase', at: at(1), title: 'Scan' },
  { type: 'started', at: at(1), agent: 'scan-1', session: 's1', key: 'k1', label: 'scanner one' },
  { type: 'started', at: at(2), agent: 'scan-2', session: 's2', key: 'k2' },
  { type: 'result', at: at(5), agent: 'scan-1', key: 'k1', value: { files: 3 } },
  { type: 'failed', at: at(7), agent: 'scan-2', key: 'k2', reason: 'skipped by the user' },
  { type: 'phase', at: at(8), title: 'Review' },
  { type: 'log', at: at(8), text: 'reviewing 3 files' },
  { type: 'started', at: at(9), agent: 'rev-a', session: 's3', key: 'k3', phase: 'Review' },
  { type: 'result', at: at(12), agent: 'rev-a', key: 'k3', value: null },
  { type: 'result', at: at(12), agent: null, key: 'k4', value: 'no agent' },
  { type: 'done', at: at(13), status: 'completed', result: { verdict: 'clean' } },
];

const describeRow = (row: TreeRow, now: number): string => {
  switch (row.kind) {
    case 'run':
      return `run ${row.tree.name}${row.folded ? '+' : ''}`;
    case 'phase':
      return `[${row.phase.title}${row.folded ? '+' : ''} ${row.phase.done}/${row.phase.nulls}/${row.phase.calls}]`;
    case 'agent':
      return `${row.agent.label} ${agentRowState(row.agent, now, STALL)} ${((row.agent.endedAt ?? now) - row.agent.startedAt) / 1000}s`;
    case 'log':
      return `log ${row.text}`;
    case 'queued':
      return `queued ${row.call.name}`;
    case 'end':
      return `end ${row.end.status} ${JSON.stringify(row.end.result)}`;
  }
};

describe('a run tree built from a run record', () => {
  it('becomes the tree of phases, agents, logs and end, with times from the lines', () => {
    const tree = runTreeFromRecord('r9', RECORD);
    expect(tree.live).toBe(false);
    const later = Date.parse(at(600));
    expect(tree.elapsed(later)).toBe(13_000);
    // Per call key: k4's value came without an agent, and is a call done all the same.
    expect(tree.counts(later, STALL)).toEqual({ done: 3, working: 0, queued: 0, nulls: 1, waiting: 0, stalled: 0 });
    const state = new RunViewState(STALL);
    state.reveal(tree);
    const rows = state.rows([tree], later);
    expect(rows.map((row) => describeRow(row, later))).toEqual([
      'run audit',
      '[Scan 1/1/2]',
      'scanner one done 4s',
      'scan-2 null 5s',
      '[Review 2/0/2]',
      'log reviewing 3 files',
      'rev-a done 3s',
      'end completed {"verdict":"clean"}',
    ]);
    expect(state.selected(rows)?.kind).toBe('run');
  });

  it('marks an agent whose result line says the person edited its value (issue 16)', () => {
    const record: readonly RunRecordLine[] = [
      ...RECORD.slice(0, 4),
      { type: 'result', at: at(5), agent: 'scan-1', key: 'k1', value: { files: 4 }, edited: true },
      { type: 'result', at: at(6), agent: 'scan-2', key: 'k2', value: { files: 1 } },
    ];
    const tree = runTreeFromRecord('r9', record);
    const ends = tree.phases().flatMap((phase) => phase.items.flatMap((item) => (item.kind === 'agent' ? [[item.agent.name, item.agent.end]] : [])));
    expect(ends).toEqual([
      ['scan-1', { kind: 'done', edited: true }],
      ['scan-2', { kind: 'done' }],
    ]);
  });

  it('folds the finished phases of a run not revealed, as the live view does', () => {
    const tree = runTreeFromRecord('r9', RECORD);
    const rows = new RunViewState(STALL).rows([tree], Date.parse(at(600)));
    expect(rows.map((row) => describeRow(row, 0))).toEqual(['run audit', '[Scan+ 1/1/2]', '[Review+ 2/0/2]', 'end completed {"verdict":"clean"}']);
  });

  it('keeps a record without a done line live, its started agents working', () => {
    const tree = runTreeFromRecord('r9', RECORD.slice(0, 4));
    expect(tree.live).toBe(true);
    expect(tree.counts(Date.parse(at(3)), STALL).working).toBe(2);
  });
});
