// The output of a running bash call shows live under the call: sanitized, bounded, with `\r`
// rewriting a line, and replaced by the committed result once it arrives.
import { describe, expect, it } from 'vitest';
import { LIVE_OUTPUT_LINES, LiveToolOutput } from '../../src/core/transcript-tool-output.js';
import { Transcript } from '../../src/core/transcript.js';
import type { DisplayLine } from '../../src/core/transcript-view.js';
import { ChainBuilder, text, toolUse } from './factories.js';

const WIDTH = 60;
const textOf = (line: DisplayLine) => line.spans.map((span) => span.text).join('');
const rows = (t: Transcript) => t.lines(WIDTH, 0, t.lineCount(WIDTH)).map(textOf);

/** A turn whose answer calls bash, its result not yet in. */
function runningCall(): { b: ChainBuilder; t: Transcript } {
  const b = new ChainBuilder();
  b.user('count to three');
  b.assistant(text('Counting.'), toolUse('t1', 'bash', { command: 'for i in 1 2 3; do echo line$i; done' }));
  const t = new Transcript({ agentName: 'alpha' });
  t.reset(b.view());
  return { b, t };
}

describe('Transcript: live tool output', () => {
  it('shows output lines under the call as chunks arrive, the last one with the live marker', () => {
    const { t } = runningCall();
    const before = rows(t);
    const version = t.version;
    t.toolOutput('t1', 'line1\r\nli');
    expect(t.version).toBeGreaterThan(version);
    expect(rows(t)).toEqual([...before, '  │ line1', '  │ li▍']);
    t.toolOutput('t1', 'ne2\r\n');
    expect(rows(t)).toEqual([...before, '  │ line1', '  │ line2', '  │ ▍']);
    expect(before.at(-1)).toContain('→ bash for i in 1 2 3');
  });

  it('is replaced by the committed result of that call', () => {
    const { b, t } = runningCall();
    t.toolOutput('t1', 'line1\r\nline2\r\n');
    b.result('t1', 'line1\nline2\n[exit code 0]', { toolName: 'bash' });
    const item = b.view().items.at(-1);
    if (item === undefined) throw new Error('no item');
    t.append(item);
    const shown = rows(t);
    expect(shown.some((row) => row.includes('▍'))).toBe(false);
    expect(shown.filter((row) => row.includes('line1'))).toEqual(['  │ line1']);
    expect(shown.at(-4)).toBe('[1.3] tool ← 3 lines');
  });

  it('goes when the stream ends without a result (idle, error)', () => {
    const { t } = runningCall();
    const before = rows(t);
    t.toolOutput('t1', 'partial');
    t.endStream();
    expect(rows(t)).toEqual(before);
  });

  it('keeps committed entries and notices above it when they arrive meanwhile', () => {
    const { t } = runningCall();
    t.toolOutput('t1', 'one\r\n');
    expect(rows(t).at(-2)).toBe('  │ one');
    t.notice('retrying', false);
    t.toolOutput('t1', 'two\r\n');
    expect(rows(t).slice(-4)).toEqual(['· retrying', '  │ one', '  │ two', '  │ ▍']);
  });

  it('strips escapes but keeps colours', () => {
    const { t } = runningCall();
    t.toolOutput('t1', '\u001b]0;title\u0007\u001b[2J\u001b[31mred\u001b[0m plain\r\n');
    const lines = t.lines(WIDTH, 0, t.lineCount(WIDTH));
    const line = lines.find((candidate) => textOf(candidate).includes('red'));
    expect(line && textOf(line)).toBe('  │ red plain');
    expect(line?.spans.find((span) => span.text === 'red')?.colours).toEqual({ fg: 1 });
  });
});

describe('LiveToolOutput', () => {
  it('lets a progress bar rewrite its line with \\r instead of adding lines', () => {
    const output = new LiveToolOutput('t1');
    for (let percent = 0; percent <= 100; percent++) output.feed(`\rprogress ${percent}%`);
    output.feed('\r\ndone\r');
    output.feed('\n');
    expect(output.lineTexts()).toEqual(['progress 100%', 'done', '']);
  });

  it('reads \\r\\n split across chunks as one newline', () => {
    const output = new LiveToolOutput('t1');
    output.feed('a\r');
    output.feed('\nb\r');
    output.feed('\r\nc');
    expect(output.lineTexts()).toEqual(['a', 'b', 'c']);
  });

  it(`keeps only the last ${LIVE_OUTPUT_LINES} lines and says how many went`, () => {
    const output = new LiveToolOutput('t1');
    let chunk = '';
    for (let n = 1; n <= 1000; n++) chunk += `${n}\r\n`;
    output.feed(chunk);
    const texts = output.lineTexts();
    expect(texts).toHaveLength(LIVE_OUTPUT_LINES);
    expect(texts.at(-2)).toBe('1000');
    expect(output.droppedLines).toBe(1000 + 1 - LIVE_OUTPUT_LINES);
    const block = output.block();
    expect(block.text.startsWith(`  ┆ … ${1001 - LIVE_OUTPUT_LINES} earlier lines (the whole output is kept)\n`)).toBe(true);
  });

  it('cuts a line without newlines at its limit', () => {
    const output = new LiveToolOutput('t1', 10, 8);
    output.feed('x'.repeat(5));
    output.feed('y'.repeat(50));
    expect(output.lineTexts()).toEqual(['xxxxxyyy']);
    expect(output.block().text).toBe('  │ xxxxxyyy…▍');
  });
});
