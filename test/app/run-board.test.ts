// The cockpit's run board (app/workflow/run-board.ts): fed by a run's record events and the real
// controller's agent events; its once-a-second tick exists only while a run is live, so an idle
// cockpit draws no frame for it (DESIGN.md §6, §9).
import { afterEach, describe, expect, it } from 'vitest';
import { RunBoard } from '../../src/app/workflow/run-board.js';
import type { RunRecordLine } from '../../src/core/workflow/run-record.js';
import { startHarness, type Harness } from '../integration/harness.js';

const at = '2026-12-07T15:00:00.000Z';
const harnesses: Harness[] = [];
const boards: RunBoard[] = [];
afterEach(async () => {
  for (const board of boards.splice(0)) board.dispose();
  for (const h of harnesses.splice(0)) await h.close();
});

async function boardOver(clock: { now: number }): Promise<{ h: Harness; board: RunBoard; changes: () => number }> {
  const h = await startHarness([], { agents: ['alpha', 'beta'] });
  harnesses.push(h);
  let changes = 0;
  const board = new RunBoard({ controller: h.controller, stallAfterMs: 60_000, now: () => clock.now, queued: () => 0, changed: () => (changes += 1), ticked: () => undefined });
  boards.push(board);
  return { h, board, changes: () => changes };
}

const record = (board: RunBoard, line: RunRecordLine): void => board.runEvent({ kind: 'record', line }, 'r1');

describe('the run board', () => {
  it('ticks only while a run is live', async () => {
    const { board } = await boardOver({ now: 0 });
    expect(board.ticking).toBe(false);
    record(board, { type: 'meta', at, run: 'r1', name: 'audit', description: 'd', phases: [], script: 'a.js' });
    expect(board.ticking).toBe(true);
    record(board, { type: 'done', at, status: 'completed', result: null });
    expect(board.ticking).toBe(false);
  });

  it('follows a run agent\'s state and stream from the controller, and names the run in the status line', async () => {
    const clock = { now: 0 };
    const { h, board } = await boardOver(clock);
    record(board, { type: 'meta', at, run: 'r1', name: 'audit', description: 'd', phases: [{ title: 'Review' }], script: 'a.js' });
    record(board, { type: 'phase', at, title: 'Review' });
    record(board, { type: 'started', at, agent: 'alpha', session: 's', key: 'k', phase: 'Review' });
    h.agent('alpha').setState('streaming');
    clock.now = 61_000;
    expect(board.statusLine('alpha')).toBe('audit · Review 0/1 · 0 done · 1 stalled · $0.000');
    h.controller.events.emit({ type: 'delta', agent: 'alpha', event: { type: 'text', index: 0, text: 'x' } });
    expect(board.statusLine('alpha')).toBe('audit · Review 0/1 · 0 done · $0.000');
    // beta is no run's agent: the focused run is then the newest live one.
    expect(board.statusLine('beta')).toBe('audit · Review 0/1 · 0 done · $0.000');
    record(board, { type: 'done', at, status: 'stopped', error: 'stopped by the user' });
    expect(board.statusLine('beta')).toBeUndefined();
    expect(board.statusLine('alpha')).toBe('audit · stopped · 0 done · $0.000');
  });

  it('lists a call queued for a slot from its call-state event (name, phase, since) until it starts; a revised answer marks the calls that saw it stale', async () => {
    const clock = { now: 1_000 };
    const { h, board } = await boardOver(clock);
    record(board, { type: 'meta', at, run: 'r1', name: 'audit', description: 'd', phases: [{ title: 'Review' }], script: 'a.js' });
    h.controller.events.emit({ type: 'call-state', run: 'r1', agent: 'beta', phase: 'Review', state: { kind: 'queued' } });
    const tree = board.tree('r1');
    expect(tree?.queuedIn('review')).toEqual([{ name: 'beta', phase: 'review', since: 1_000 }]);
    h.controller.events.emit({ type: 'call-state', run: 'r1', agent: 'beta', phase: 'Review', state: { kind: 'working' } });
    expect(tree?.queuedIn('review')).toEqual([]);
    record(board, { type: 'started', at, agent: 'alpha', session: 's1', key: 'a#0', phase: 'Review' });
    record(board, { type: 'result', at, agent: 'alpha', key: 'a#0', value: 'x' });
    record(board, { type: 'started', at, agent: 'beta', session: 's2', key: 'b#0', phase: 'Review', saw: [{ key: 'a#0', version: 1 }] });
    record(board, { type: 'result', at, agent: 'beta', key: 'b#0', value: 'y' });
    expect(board.isStale('beta')).toBe(false);
    record(board, { type: 'revised', at, agent: 'alpha', key: 'a#0', version: 2, value: 'x2' });
    expect(board.isStale('beta')).toBe(true);
    expect(board.isStale('alpha')).toBe(false);
  });

  it('a run continued here that the board never saw starts from its record: its name, phases and reused answers, not `ID (ID)` and `Review 0/0`', async () => {
    const h = await startHarness([], { agents: ['alpha'] });
    harnesses.push(h);
    const earlier: RunRecordLine[] = [
      { type: 'meta', at, run: 'r1', name: 'review', description: 'd', phases: [{ title: 'Review' }], script: 'review.js' },
      { type: 'phase', at, title: 'Review' },
      { type: 'started', at, agent: 'reviewer-1', session: 's1', key: 'k1', label: 'reviewer-1', phase: 'Review' },
      { type: 'result', at, agent: 'reviewer-1', key: 'k1', value: 'ok' },
      { type: 'done', at, status: 'stopped', error: 'stopped by the user' },
    ];
    const asked: string[] = [];
    const board = new RunBoard({
      controller: h.controller,
      stallAfterMs: 60_000,
      now: () => 0,
      queued: () => 0,
      changed: () => undefined,
      ticked: () => undefined,
      earlier: (runId) => {
        asked.push(runId);
        return earlier;
      },
    });
    boards.push(board);
    record(board, { type: 'continued', at, script: 'review.js', version: 1, recorded: false });
    record(board, { type: 'reused', at, agent: 'reviewer-1', key: 'k1', version: 1 });
    const tree = board.tree('r1');
    expect(asked).toEqual(['r1']);
    expect(tree?.name).toBe('review');
    expect(tree?.live).toBe(true);
    expect(tree?.phases().map((phase) => [phase.title, phase.done, phase.calls])).toEqual([['Review', 1, 1]]);
    expect(tree?.counts(0, 60_000)).toMatchObject({ done: 1, nulls: 0 });
    expect(board.statusLine(undefined)).toMatch(/^review · Review 1\/1 · 1 done/u);
  });
});
