import { describe, expect, it } from 'vitest';
import { thinkingAt } from '../../src/app/thinking-details.js';
import { viewBranch } from '../../src/core/branch.js';
import { Transcript } from '../../src/core/transcript.js';
import { ChainBuilder, text, thinking, toolUse } from '../core/factories.js';

const WIDTH = 50;
const LONG_FIRST = `${'First I weigh the parser. '.repeat(12)}THE END OF THE FIRST THOUGHT.`;
const SECOND = 'Then\nthe formatter, on two lines.';

function sample(): Transcript {
  const b = new ChainBuilder();
  b.user('look around');
  b.assistant(thinking(LONG_FIRST), text('Reading.'), toolUse('t1', 'read_file', { path: 'a.ts' }));
  b.result('t1', 'contents', { toolName: 'read_file' });
  b.assistant(thinking(SECOND), text('done'));
  const t = new Transcript({ agentName: 'alpha' });
  t.reset(viewBranch(b.path()));
  return t;
}

const rowsOf = (t: Transcript): string[] => t.lines(WIDTH, 0, t.lineCount(WIDTH)).map((line) => line.spans.map((s) => s.text).join(''));

function rowOf(t: Transcript, needle: string, nth = 0): number {
  const rows = rowsOf(t);
  const found = rows.flatMap((row, index) => (row.includes(needle) ? [index] : []))[nth];
  if (found === undefined) throw new Error(`no row ${nth} with ${needle}:\n${rows.join('\n')}`);
  return found;
}

describe('thinking in full (B14)', () => {
  it('on a ✻ thinking row: that block’s whole thinking, not the row cut at the pane’s width', () => {
    const t = sample();
    const row = rowOf(t, '✻ thinking:');
    expect(rowsOf(t)[row]).not.toContain('THE END OF THE FIRST THOUGHT.');
    expect(thinkingAt(t, WIDTH, row)).toBe(LONG_FIRST);
  });

  it('the second answer’s thinking row gives the second answer’s thinking, newlines kept', () => {
    const t = sample();
    expect(thinkingAt(t, WIDTH, rowOf(t, '✻ thinking:', 1))).toBe(SECOND);
  });

  it('nothing on rows that show no thinking (the answer’s text, a tool call, a user message)', () => {
    const t = sample();
    expect(thinkingAt(t, WIDTH, rowOf(t, 'Reading.'))).toBeUndefined();
    expect(thinkingAt(t, WIDTH, rowOf(t, '→ read_file'))).toBeUndefined();
    expect(thinkingAt(t, WIDTH, rowOf(t, 'look around'))).toBeUndefined();
  });
});
