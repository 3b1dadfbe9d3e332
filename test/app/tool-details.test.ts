import { describe, expect, it } from 'vitest';
import { toolCallAt } from '../../src/app/tool-details.js';
import { viewBranch } from '../../src/core/branch.js';
import { Transcript } from '../../src/core/transcript.js';
import { ChainBuilder, text, toolUse } from '../core/factories.js';

const WIDTH = 60;

function sample(): Transcript {
  const b = new ChainBuilder();
  b.user('look around');
  b.assistant(text('Two calls.'), toolUse('t1', 'read_file', { path: 'a.ts' }), toolUse('t2', 'grep', { pattern: 'zed', path: 'src' }));
  const cut = b.result('t1', 'first lines only', { toolName: 'read_file' });
  b.result('t2', 'src/x.ts:1: zed', { toolName: 'grep' });
  b.assistant(text('done'));
  const path = b.path().map((entry) => (entry.id === cut.id ? { ...cut, fullOutput: 'the whole file\nall of it' } : entry));
  const t = new Transcript({ agentName: 'alpha' });
  t.reset(viewBranch(path));
  return t;
}

const rowOf = (t: Transcript, needle: string): number => {
  const rows = t.lines(WIDTH, 0, t.lineCount(WIDTH)).map((line) => line.spans.map((s) => s.text).join(''));
  const index = rows.findIndex((row) => row.includes(needle));
  if (index < 0) throw new Error(`no row with ${needle}:\n${rows.join('\n')}`);
  return index;
};

describe('tool call details', () => {
  it('on a call line: that call’s input as pretty JSON and its result’s whole output (fullOutput)', () => {
    const t = sample();
    expect(toolCallAt(t, WIDTH, rowOf(t, '→ read_file a.ts'))).toEqual({
      name: 'read_file',
      id: 't1',
      input: '{\n  "path": "a.ts"\n}',
      output: 'the whole file\nall of it',
      isError: false,
    });
  });

  it('picks the second call of an answer on its own line', () => {
    const t = sample();
    const details = toolCallAt(t, WIDTH, rowOf(t, '→ grep zed in src'));
    expect(details?.id).toBe('t2');
    expect(details?.output).toBe('src/x.ts:1: zed');
  });

  it('on a result row: the call that asked for it', () => {
    const t = sample();
    const details = toolCallAt(t, WIDTH, rowOf(t, 'src/x.ts:1: zed'));
    expect(details?.name).toBe('grep');
    expect(details?.input).toContain('"pattern": "zed"');
  });

  it('nothing on rows that show no tool call (text of an answer, a user message)', () => {
    const t = sample();
    expect(toolCallAt(t, WIDTH, rowOf(t, 'Two calls.'))).toBeUndefined();
    expect(toolCallAt(t, WIDTH, rowOf(t, 'look around'))).toBeUndefined();
  });
});

describe('tool call details show every character of the input (issue 9)', () => {
  it('draws controls, C1 and bidi characters of a string visibly instead of dropping them', () => {
    const b = new ChainBuilder();
    b.user('go');
    b.assistant(toolUse('t1', 'bash', { command: 'echo safe \u001b]0;x; touch HACKED\u0007 \u009b2J \u202e' }));
    const t = new Transcript({ agentName: 'alpha' });
    t.reset(viewBranch(b.path()));
    const details = toolCallAt(t, 200, rowOf(t, '→ bash'));
    expect(details?.input).toBe('{\n  "command": "echo safe ␛]0;x; touch HACKED␇ <U+009B>2J <U+202E>"\n}');
  });
});
