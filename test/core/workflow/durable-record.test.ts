// Issue 15's pure pieces: what a record remembers for a continue, which runs are unfinished,
// which values a prompt saw, and which calls a revision made stale.
import { describe, expect, it } from 'vitest';
import { isUnfinished, QUIT_REASON, RunMemory } from '../../../src/core/workflow/run-memory.js';
import type { RunRecordLine } from '../../../src/core/workflow/run-record.js';
import { staleCalls } from '../../../src/core/workflow/stale-calls.js';
import { DeliveredValues, tellTexts, textMark } from '../../../src/core/workflow/value-sight.js';
import { unfinishedText } from '../../../src/app/workflow/unfinished-offer.js';

const at = '2026-12-07T00:00:00.000Z';
const meta: RunRecordLine = { type: 'meta', at, run: 'r1', name: 'w', description: 'd', phases: [], script: '/w.js' };
const started = (key: string, agent: string, saw: { key: string; version: number }[] = []): RunRecordLine => ({ type: 'started', at, agent, session: `s-${agent}`, key, saw });
const result = (key: string, agent: string, value: string): RunRecordLine => ({ type: 'result', at, agent, key, value });

describe('run memory', () => {
  it('serves a key its latest value (a revision wins, with its session and time) and names the session of a key that never answered', () => {
    const later = '2026-12-07T00:05:00.000Z';
    const memory = RunMemory.of([meta, started('a#0', 'A'), result('a#0', 'A', 'one'), { type: 'revised', at: later, agent: 'A', key: 'a#0', version: 2, value: 'two' }, started('b#0', 'B')]);
    expect(memory.value('a#0')).toEqual({ value: 'two', version: 2, agent: 'A', session: 's-A', at: later });
    expect(memory.interrupted('a#0')).toBeUndefined();
    expect(memory.value('b#0')).toBeUndefined();
    expect(memory.interrupted('b#0')).toEqual({ agent: 'B', session: 's-B' });
  });

  it('a failed call is not reused (it runs again)', () => {
    const memory = RunMemory.of([meta, started('a#0', 'A'), { type: 'failed', at, agent: 'A', key: 'a#0', reason: 'the run was stopped' }]);
    expect(memory.value('a#0')).toBeUndefined();
  });

  it('counts the script versions its continues ran', () => {
    expect(RunMemory.of([meta]).scriptVersions).toBe(1);
    expect(RunMemory.of([meta, { type: 'continued', at, script: '/w.js', version: 3, recorded: false }]).scriptVersions).toBe(3);
  });
});

describe('unfinished runs', () => {
  it('a record without done after its last start or continue, or stopped by quitting, is unfinished', () => {
    const done: RunRecordLine = { type: 'done', at, status: 'completed', result: null };
    expect(isUnfinished([meta, started('a#0', 'A')])).toBe(true);
    expect(isUnfinished([meta, done])).toBe(false);
    expect(isUnfinished([meta, done, { type: 'revised', at, agent: 'A', key: 'a#0', version: 2, value: 'x' }])).toBe(false);
    expect(isUnfinished([meta, done, { type: 'continued', at, script: '/w.js', version: 1, recorded: false }])).toBe(true);
    expect(isUnfinished([meta, { type: 'done', at, status: 'stopped', error: QUIT_REASON }])).toBe(true);
    expect(isUnfinished([meta, { type: 'done', at, status: 'stopped', error: 'stopped by the user' }])).toBe(false);
  });

  it('the start-up line names the runs, the key and the command', () => {
    expect(unfinishedText([])).toBeUndefined();
    expect(unfinishedText([{ id: 'abc', name: 'review' }, { id: 'def', name: 'fan' }])).toBe('unfinished runs: abc (review), def (fan) — C continues abc, or :run-continue RUN');
  });
});

describe('which values a call saw', () => {
  it('a delivered value counts when its text, or one of its string fields, is in the prompt', () => {
    const delivered = new DeliveredValues();
    delivered.add('a#0', 1, 'the answer is 42');
    delivered.add('b#0', 2, { verdict: 'approve with nits', score: 3 });
    delivered.add('c#0', 1, 'unrelated');
    expect(delivered.seenIn('review this: the answer is 42 — and: approve with nits')).toEqual([
      { key: 'a#0', version: 1, via: [textMark('the answer is 42')] },
      { key: 'b#0', version: 2, via: [textMark('approve with nits')] },
    ]);
    expect(tellTexts(null)).toEqual([]);
    expect(tellTexts({ a: 'ab' })).toEqual(['{"a":"ab"}']);
  });
});

describe('stale calls', () => {
  it('a call that saw a revised value is stale, and so is a call that saw a stale call', () => {
    const lines: RunRecordLine[] = [
      meta,
      started('a#0', 'A'),
      result('a#0', 'A', 'x'),
      started('b#0', 'B', [{ key: 'a#0', version: 1 }]),
      result('b#0', 'B', 'y'),
      started('c#0', 'C', [{ key: 'b#0', version: 1 }]),
      started('d#0', 'D'),
    ];
    expect(staleCalls(lines)).toEqual([]);
    const revised: RunRecordLine = { type: 'revised', at, agent: 'A', key: 'a#0', version: 2, value: 'x2' };
    expect(staleCalls([...lines, revised])).toEqual([
      { key: 'b#0', agent: 'B', because: [{ key: 'a#0', version: 1 }] },
      { key: 'c#0', agent: 'C', because: [{ key: 'b#0', version: 1 }] },
    ]);
  });
});
