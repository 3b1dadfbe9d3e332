// Session 7's stale rule (issue 15): a call counts as having seen a value only when its prompt was
// built from it — not when it only shares a text (a file name) with it while another value explains
// more of the prompt — and a revision makes it stale only when a text it took is gone. Readers
// take a continue's `reused` and `revised` lines in either order.
import { describe, expect, it } from 'vitest';
import { RunMemory } from '../../../src/core/workflow/run-memory.js';
import type { RunRecordLine, ValueRef } from '../../../src/core/workflow/run-record.js';
import { runRecordText } from '../../../src/core/workflow/run-record-text.js';
import { runTreeFromRecord } from '../../../src/core/workflow/run-tree-from-record.js';
import { staleCalls } from '../../../src/core/workflow/stale-calls.js';
import { DeliveredValues } from '../../../src/core/workflow/value-sight.js';
import type { JsonValue } from '../../../src/core/json-value.js';

const at = '2026-12-08T00:00:00.000Z';
const meta: RunRecordLine = { type: 'meta', at, run: 'r1', name: 'review', description: 'd', phases: [], script: '/w.js' };
const started = (key: string, agent: string, saw: ValueRef[] = []): RunRecordLine => ({ type: 'started', at, agent, session: `s-${agent}`, key, saw });
const result = (key: string, agent: string, value: JsonValue): RunRecordLine => ({ type: 'result', at, agent, key, value });

type Finding = { readonly file: string; readonly line: number; readonly severity: string; readonly issue: string };
const finding = (file: string, issue: string): Finding => ({ file, line: 12, severity: 'high', issue });
const reviewer1 = { findings: [finding('parser.ts', 'null deref when the input is empty'), finding('format.ts', 'pads with tabs')] };
const reviewer2 = { findings: [finding('parser.ts', 'off by one in the token loop')] };
/** The review workflow's skeptic prompt for one finding. */
const skepticPrompt = (value: { readonly findings: readonly Finding[] }, index: number): string => {
  const one = value.findings[index];
  if (one === undefined) throw new Error('no finding');
  return `A reviewer claims this about ${one.file} line ${one.line} (${one.severity}): ${one.issue}\nTry to refute it.`;
};

/** The review workflow's shape: two reviewers, a skeptic per finding, each skeptic's `saw` as the runtime records it. */
function reviewRecord(): RunRecordLine[] {
  const delivered = new DeliveredValues();
  delivered.add('r1#0', 1, reviewer1);
  delivered.add('r2#0', 1, reviewer2);
  return [
    meta,
    started('r1#0', 'reviewer-1'),
    result('r1#0', 'reviewer-1', reviewer1),
    started('r2#0', 'reviewer-2'),
    result('r2#0', 'reviewer-2', reviewer2),
    started('s1#0', 'skeptic-1', delivered.seenIn(skepticPrompt(reviewer1, 0))),
    started('s2#0', 'skeptic-2', delivered.seenIn(skepticPrompt(reviewer1, 1))),
    started('s3#0', 'skeptic-3', delivered.seenIn(skepticPrompt(reviewer2, 0))),
  ];
}

const revised = (key: string, agent: string, version: number, value: JsonValue): RunRecordLine => ({ type: 'revised', at, agent, key, version, value });

describe('which value a prompt was built from', () => {
  it('a prompt that only shares a file name (and a severity) with a value is not counted as seeing it when another value explains more of it', () => {
    const lines = reviewRecord();
    const saw = (agent: string): string[] => lines.flatMap((line) => (line.type === 'started' && line.agent === agent ? (line.saw ?? []).map((ref) => ref.key) : []));
    expect(saw('skeptic-1')).toEqual(['r1#0']);
    expect(saw('skeptic-3')).toEqual(['r2#0']);
  });

  it('two values that explain the same text are both counted (it cannot tell which)', () => {
    const delivered = new DeliveredValues();
    delivered.add('a#0', 1, { file: 'parser.ts' });
    delivered.add('b#0', 1, { file: 'parser.ts' });
    expect(delivered.seenIn('fix parser.ts').map((ref) => ref.key)).toEqual(['a#0', 'b#0']);
  });
});

describe('stale marks', () => {
  it('revising reviewer-1 marks only the skeptics of its findings, not the one of reviewer-2 that names the same file', () => {
    const dropped = { findings: [finding('format.ts', 'pads with tabs'), finding('parser.ts', 'null deref on an empty file')] };
    const stale = staleCalls([...reviewRecord(), revised('r1#0', 'reviewer-1', 2, dropped)]);
    expect(stale.map((call) => call.agent)).toEqual(['skeptic-1']);
    expect(stale[0]?.because).toEqual([{ key: 'r1#0', version: 1 }]);
  });

  it('a revision that keeps every text a call took from the value leaves it fresh (a continue would reuse it)', () => {
    const reordered = { findings: [finding('format.ts', 'pads with tabs'), finding('parser.ts', 'null deref when the input is empty')] };
    expect(staleCalls([...reviewRecord(), revised('r1#0', 'reviewer-1', 2, reordered)])).toEqual([]);
  });

  it('a call whose `saw` names no texts (a record from before session 7) is stale at any later version', () => {
    const lines = [meta, started('a#0', 'A'), result('a#0', 'A', 'x'), started('b#0', 'B', [{ key: 'a#0', version: 1 }]), revised('a#0', 'A', 2, 'x')];
    expect(staleCalls(lines).map((call) => call.agent)).toEqual(['B']);
  });
});

describe("a continue's reused and revised lines", () => {
  it('read the same in either order: memory, stale marks, the record as text and the run tree', () => {
    const before: RunRecordLine[] = [meta, started('a#0', 'A'), result('a#0', 'A', 'old'), started('b#0', 'B', [{ key: 'a#0', version: 1 }]), result('b#0', 'B', 'b'), { type: 'done', at, status: 'completed', result: null }];
    const continued: RunRecordLine = { type: 'continued', at, script: '/w.js', version: 1, recorded: false };
    const reused: RunRecordLine = { type: 'reused', at, agent: 'A', key: 'a#0', version: 2, saw: [] };
    const revision = revised('a#0', 'A', 2, 'new');
    const after: RunRecordLine[] = [started('b2#0', 'B-2', [{ key: 'a#0', version: 2 }]), result('b2#0', 'B-2', 'b2')];
    const written = [...before, continued, reused, revision, ...after];
    const older = [...before, continued, revision, reused, ...after];
    for (const lines of [written, older]) {
      expect(RunMemory.of(lines).value('a#0')).toMatchObject({ value: 'new', version: 2 });
      expect(staleCalls(lines)).toEqual([]);
    }
    expect(runRecordText('r1', older)).toEqual(runRecordText('r1', written));
    const counts = (lines: RunRecordLine[]): unknown => runTreeFromRecord('r1', lines).counts(0, 60_000);
    expect(counts(older)).toEqual(counts(written));
  });
});
