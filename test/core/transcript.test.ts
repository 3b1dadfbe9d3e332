import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../src/core/address.js';
import { planRewind, viewBranch } from '../../src/core/branch.js';
import { stringWidth } from '../../src/core/text-width.js';
import { Transcript } from '../../src/core/transcript.js';
import { LINES_PER_BLOCK } from '../../src/core/transcript-live.js';
import type { DisplayLine, LineStyle } from '../../src/core/transcript-view.js';
import {
  ChainBuilder,
  expectOk,
  text,
  thinking,
  toolUse,
} from './factories.js';

const WIDTH = 60;
const textOf = (line: DisplayLine) => line.spans.map((span) => span.text).join('');
const all = (t: Transcript, width = WIDTH) => t.lines(width, 0, t.lineCount(width));
const rows = (t: Transcript, width = WIDTH) => all(t, width).map(textOf);
/** The style of the span holding `needle` in the first row that contains it. */
function styleOf(t: Transcript, needle: string): LineStyle | undefined {
  for (const line of all(t)) {
    const span = line.spans.find((candidate) => candidate.text.includes(needle));
    if (span) return span.style;
  }
  return undefined;
}

function sampleSession() {
  const b = new ChainBuilder();
  b.user('fix the parser'); // 1
  b.assistant(
    thinking('hmm\nlet me look'),
    text('Reading it.'),
    toolUse('t1', 'read_file', { path: 'src/parser.ts' }),
  ); // 1.2
  b.result('t1', Array.from({ length: 42 }, (_, i) => `line ${i + 1}`).join('\n')); // 1.3
  b.assistant(toolUse('t2', 'read_file', { path: '../x' })); // 1.4
  b.result('t2', 'path "../x" is outside the workspace', { isError: true }); // 1.5
  b.nudge('also the lexer'); // 1.6
  b.assistant(text('Done: {red-fg}fixed{/red-fg}')); // 1.7
  b.user('now the tests'); // 2
  b.interrupted([text('Running the te')]); // 2.2
  return b;
}

function transcriptOf(b: ChainBuilder, name = 'alpha'): Transcript {
  const t = new Transcript({ agentName: name });
  t.reset(b.view());
  return t;
}

describe('Transcript layout', () => {
  it('starts each message with its number: [1] for the opener, [1.2] for later entries', () => {
    const t = transcriptOf(sampleSession());
    const starts = rows(t).filter((row) => row.startsWith('['));
    expect(starts.map((row) => row.split(' ')[0])).toEqual([
      '[1]', '[1.2]', '[1.3]', '[1.4]', '[1.5]', '[1.6]', '[1.7]', '[2]', '[2.2]',
    ]);
    expect(styleOf(t, '[1.2]')).toBe('turn');
  });

  it('labels roles and gives each kind its own style', () => {
    const t = transcriptOf(sampleSession());
    expect(rows(t)).toContain('[1] you fix the parser');
    expect(styleOf(t, 'you')).toBe('user');
    expect(styleOf(t, 'alpha')).toBe('assistant');
    expect(styleOf(t, '✻ thinking: hmm let me look')).toBe('thinking');
    expect(styleOf(t, '→ read_file src/parser.ts')).toBe('tool-call');
    expect(styleOf(t, '← 42 lines')).toBe('tool-result');
    expect(styleOf(t, '← error: path "../x" is outside the workspace')).toBe('tool-error');
    expect(styleOf(t, 'nudge ›')).toBe('nudge');
    expect(styleOf(t, 'Running the te')).toBe('interrupted');
    expect(styleOf(t, '⏹ interrupted')).toBe('interrupted');
  });

  it('shows a tool call on one line and a tool result as a summary with at most 3 dimmed preview lines', () => {
    const t = transcriptOf(sampleSession());
    const lines = rows(t);
    expect(lines).toContain('  → read_file src/parser.ts');
    const at = lines.indexOf('[1.3] tool ← 42 lines');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 4)).toEqual(['  │ line 1', '  │ line 2', '  │ line 3']);
    expect(lines[at + 4]?.startsWith('[1.4]')).toBe(true);
    expect(styleOf(t, 'line 2')).toBe('dim');
  });

  it('wraps a long tool call over rows, whole and uncollapsed, never cut (what is approved is what runs, issue 9)', () => {
    const command = `echo ${'word  '.repeat(40)}&& touch PWNED\u00a0END`;
    const b = new ChainBuilder();
    b.user('go');
    b.assistant(text('Running.'), toolUse('t1', 'bash', { command }));
    const t = transcriptOf(b);
    const lines = rows(t, 40);
    const first = lines.findIndex((line) => line.startsWith('  → bash'));
    const last = lines.findIndex((line) => line.includes('END'));
    expect(first).toBeGreaterThan(0);
    expect(last).toBeGreaterThan(first + 2);
    expect(lines.every((line) => stringWidth(line) <= 40)).toBe(true);
    expect(lines.slice(first, last + 1).join('').replace(/ /gu, '')).toBe(`→bash${command}`.replace(/ /gu, ''));
    expect(lines.join('')).not.toContain('…');
  });

  it('ends a thinking row cut at the pane width with an ellipsis, never wider than the pane (B14)', () => {
    const b = new ChainBuilder();
    b.user('go');
    b.assistant(thinking('A small project. index.ts and units.ts have no test file of their own yet'), text('Done.'));
    const t = new Transcript({ agentName: 'alpha' });
    t.reset(b.view());
    const row = all(t, 40).find((line) => textOf(line).includes('thinking'));
    expect(row && textOf(row)).toBe('✻ thinking: A small project. index.ts…');
    expect(row && stringWidth(textOf(row))).toBeLessThanOrEqual(40);
    expect(row?.spans.at(-1)).toEqual({ text: '…', style: 'dim' });
    // A row that fits whole has no ellipsis.
    expect(rows(t, 200).find((line) => line.includes('thinking'))?.endsWith('own yet')).toBe(true);
  });

  it('leaves {red-fg} literal (the view never parses blessed tags)', () => {
    expect(rows(transcriptOf(sampleSession()))).toContain('[1.7] alpha Done: {red-fg}fixed{/red-fg}');
  });

  it('sanitizes model text but keeps its colours', () => {
    const b = new ChainBuilder();
    b.user('go');
    b.assistant(text('\x1b[2J\x1b]52;c;eA==\x07\u202Eok \x1b[31mred\x1b[0m'));
    const t = transcriptOf(b);
    expect(rows(t)).toContain('[1.2] alpha ok red');
    const red = all(t)
      .flatMap((line) => line.spans)
      .find((span) => span.text === 'red');
    expect(red?.colours).toEqual({ fg: 1 });
  });

  it('tags edited entries, marks grafts and notes interrupted partials', () => {
    const b = sampleSession();
    b.edit('e1', 'fix the parser properly');
    b.marker(1, 2, 6);
    b.graftedAssistant(text('copied answer'));
    const t = transcriptOf(b);
    const lines = rows(t);
    expect(lines).toContain('[1] you (edited) fix the parser properly');
    expect(lines).toContain('⎇ grafted turns 1..2 from other (6 entries)');
    expect(styleOf(t, '⎇ grafted')).toBe('graft');
    // A grafted answer is labelled by its source only: it is not this agent's own words (B15).
    expect(lines).toContain('[2.3] ⎇ other copied answer');
    expect(lines).toContain('⏹ interrupted (user)');
  });

  it('labels a partial the person interrupted "interrupted by you", one cut at quit "when agentmux quit" (B9: read back from the journal, so the same after a reload)', () => {
    const b = new ChainBuilder();
    b.user('first');
    b.interrupted([text('half of it')], 'interrupted by the user');
    b.user('second');
    b.interrupted([text('other half')], 'quit');
    const lines = rows(transcriptOf(b));
    expect(lines).toContain('⏹ interrupted by you');
    expect(lines).toContain('⏹ interrupted when agentmux quit');
  });

  it('keeps wide chars and emoji from making any row wider than the pane', () => {
    const b = new ChainBuilder();
    b.user('中文字符串测试 🎉🎉 👨\u200d👩\u200d👧 한국어 텍스트 ＡＢＣ e\u0301 '.repeat(4));
    b.assistant(text('🚀'.repeat(50) + ' 漢字'.repeat(30)));
    const t = transcriptOf(b);
    for (let width = 3; width <= 61; width += 2) {
      for (const line of all(t, width)) {
        expect(line.cells).toBeLessThanOrEqual(width);
        expect(line.cells).toBe(stringWidth(textOf(line)));
      }
    }
  });
});

describe('Transcript streaming', () => {
  it('appends text deltas to the last line with the streaming marker at its end', () => {
    const t = transcriptOf(sampleSession());
    const count = t.lineCount(WIDTH);
    t.streamEvent({ type: 'text', index: 0, text: 'Hel' });
    expect(rows(t).at(-1)).toBe('[2.3] alpha Hel▍');
    expect(all(t).at(-1)?.spans.at(-1)).toEqual({ text: '▍', style: 'streaming' });
    t.streamEvent({ type: 'text', index: 0, text: 'lo\nsecond' });
    expect(rows(t).slice(-2)).toEqual(['[2.3] alpha Hello', 'second▍']);
    t.streamEvent({ type: 'tool-start', index: 1, id: 'x', name: 'bash' });
    t.streamEvent({ type: 'tool-input', index: 1, partialJson: '{"command": "npm te' });
    expect(rows(t).at(-1)).toBe('  → bash npm te▍');
    t.streamEvent({ type: 'tool-input', index: 1, partialJson: 'st"}' });
    expect(rows(t).slice(-3)).toEqual(['[2.3] alpha Hello', 'second', '  → bash npm test▍']);
    t.endStream();
    expect(t.lineCount(WIDTH)).toBe(count);
  });

  it('lays out a streamed answer the same as the whole text given at once', () => {
    const chunks = ['Some \x1b[3', '2mgreen\x1b[0m words ', 'that wrap across ', 'several rows\n\nand 中文 ', 'more'];
    const streamed = transcriptOf(sampleSession());
    for (const chunk of chunks) streamed.streamEvent({ type: 'text', index: 0, text: chunk });
    const whole = transcriptOf(sampleSession());
    whole.streamEvent({ type: 'text', index: 0, text: chunks.join('') });
    expect(all(streamed, 20)).toEqual(all(whole, 20));
  });

  it('holds a long streamed answer in a block per 16 lines, not one per line, drawn the same', () => {
    // A block per line cost ≈600 bytes: a 2.5M-line answer took 1.8 GB while it streamed (issue 9).
    const t = transcriptOf(sampleSession());
    const blocksBefore = t.blockCount;
    const body = Array.from({ length: 1000 }, (_, i) => (i % 7 === 3 ? `\x1b[31mred ${i}\x1b[0m` : `line ${i} of a long answer`)).join('\n');
    for (let at = 0; at < body.length; at += 37) t.streamEvent({ type: 'text', index: 0, text: body.slice(at, at + 37) });
    expect(t.blockCount - blocksBefore).toBeLessThanOrEqual(Math.ceil(1000 / LINES_PER_BLOCK) + 1);
    expect(rows(t, 12).slice(-4)).toEqual(['answer', 'line 999 of', 'a long', 'answer▍']);
    const whole = transcriptOf(sampleSession());
    whole.streamEvent({ type: 'text', index: 0, text: body });
    expect(all(t, 12)).toEqual(all(whole, 12));
    expect(all(t, 12).find((line) => textOf(line) === 'red 3')?.spans[0]).toEqual({ text: 'red 3', style: 'assistant', colours: { fg: 1 } });
  });

  it('replaces the live answer with the committed entry', () => {
    const b = sampleSession();
    const t = transcriptOf(b);
    t.streamEvent({ type: 'text', index: 0, text: 'partial' });
    b.assistant(text('partial answer'));
    const view = b.view();
    const item = view.items.at(-1);
    if (!item) throw new Error('no item');
    t.append(item);
    expect(rows(t).at(-1)).toBe('[2.3] alpha partial answer');
    expect(rows(t).join('\n')).not.toContain('▍');
  });

  it('ignores usage events', () => {
    const t = transcriptOf(sampleSession());
    const version = t.version;
    t.streamEvent({ type: 'usage', usage: { inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0 } });
    expect(t.version).toBe(version);
  });
});

describe('Transcript changes', () => {
  it('drops later turns on reset after a rewind', () => {
    const b = sampleSession();
    const t = transcriptOf(b);
    const path = b.path();
    const plan = expectOk(planRewind(path, viewBranch(path), expectOk(parseAddress('1'))));
    b.from(plan.head);
    t.reset(b.view());
    const lines = rows(t);
    expect(lines.some((row) => row.startsWith('[1.7]'))).toBe(true);
    expect(lines.some((row) => row.startsWith('[2'))).toBe(false);
  });

  it('appending entries gives the same rows as rebuilding, at every width in use', () => {
    const b = sampleSession();
    const t = transcriptOf(b);
    t.lineCount(30);
    t.lineCount(WIDTH);
    b.assistant(text('a fresh answer that is long enough to wrap at thirty columns'));
    b.user('next');
    const view = b.view();
    for (const item of view.items.slice(-2)) t.append(item);
    const fresh = transcriptOf(b);
    expect(all(t, 30)).toEqual(all(fresh, 30));
    expect(all(t, WIDTH)).toEqual(all(fresh, WIDTH));
    expect(rows(t)).toContain('[3] you next');
  });

  it('shows notices, and keeps one on reset while the entry before it is still on the branch', () => {
    const b = sampleSession();
    const t = transcriptOf(b);
    t.notice('sessions/alpha.jsonl:12: bad line (copy kept at sessions/x.bad)', true);
    expect(styleOf(t, 'bad line')).toBe('error');
    t.reset(b.view());
    expect(rows(t).join('\n')).toContain('sessions/alpha.jsonl:12: bad line');
    b.from('e1');
    t.reset(b.view());
    expect(rows(t).join('\n')).not.toContain('bad line');
  });

  it('increases version on every change', () => {
    const b = sampleSession();
    const t = new Transcript();
    const versions = [t.version];
    t.reset(b.view());
    versions.push(t.version);
    t.streamEvent({ type: 'text', index: 0, text: 'x' });
    versions.push(t.version);
    t.endStream();
    versions.push(t.version);
    t.notice('retrying in 2 s', false);
    versions.push(t.version);
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('labels answers "assistant" without an agent name', () => {
    const t = new Transcript();
    t.reset(sampleSession().view());
    expect(rows(t)).toContain('[1.7] assistant Done: {red-fg}fixed{/red-fg}');
  });
});
