import { describe, expect, it } from 'vitest';
import { countMatches, describeMatchCount, findMatch, matchesIn, searchPattern } from '../../src/core/transcript-search.js';
import { Transcript } from '../../src/core/transcript.js';
import type { DisplayLine } from '../../src/core/transcript-view.js';
import { ChainBuilder, text, toolUse } from './factories.js';

const WIDTH = 40;
const rowText = (line: DisplayLine | undefined): string => (line?.spans ?? []).map((span) => span.text).join('');
const pattern = (query: string): RegExp => {
  const compiled = searchPattern(query);
  if (compiled === undefined) throw new Error('empty query');
  return compiled;
};

function transcriptOf(build: (b: ChainBuilder) => void): Transcript {
  const b = new ChainBuilder();
  build(b);
  const t = new Transcript({ agentName: 'alpha' });
  t.reset(b.view());
  return t;
}

const sample = (): Transcript =>
  transcriptOf((b) => {
    b.user('find the needle please');
    b.assistant(text('A first needle here, and a long sentence that wraps past forty cells before NEEDLE two.'));
    b.assistant(toolUse('t1', 'grep', { pattern: 'haystack' }));
    b.result('t1', 'haystack.ts:1: needle');
    b.assistant(text('done'));
  });

const end = (t: Transcript) => ({ block: t.blockCount, offset: 0 });

describe('transcript search', () => {
  it('finds the newest match first when searching older from the end, and the row shows it', () => {
    const t = sample();
    const match = findMatch(t, pattern('needle'), WIDTH, end(t), 'older');
    expect(match).toBeDefined();
    expect(rowText(t.lines(WIDTH, match?.row ?? -1, 1)[0])).toContain('needle');
    expect(rowText(t.lines(WIDTH, match?.row ?? -1, 1)[0])).toContain('haystack.ts:1');
  });

  it('n walks older matches in order (smart case: lower-case queries ignore case), then wraps to the newest', () => {
    const t = sample();
    const p = pattern('needle');
    const seen: string[] = [];
    let at = end(t);
    for (let i = 0; i < 5; i++) {
      const match = findMatch(t, p, WIDTH, at, 'older');
      if (match === undefined) throw new Error('no match');
      seen.push(`${t.blockAt(match.block)?.text.slice(match.offset, match.offset + match.length)}${match.wrapped ? '(wrapped)' : ''}`);
      at = match;
    }
    expect(seen).toEqual(['needle', 'NEEDLE', 'needle', 'needle', 'needle(wrapped)']);
  });

  it('a match on a wrapped continuation row maps to that row, not the entry’s first row', () => {
    const t = sample();
    const match = findMatch(t, pattern('NEEDLE'), WIDTH, end(t), 'older');
    expect(match?.offset).toBeGreaterThan(WIDTH);
    expect(rowText(t.lines(WIDTH, match?.row ?? -1, 1)[0])).toContain('NEEDLE');
  });

  it('N goes to newer matches; a capital in the query makes it case-sensitive', () => {
    const t = sample();
    const upper = findMatch(t, pattern('NEEDLE'), WIDTH, { block: -1, offset: 0 }, 'newer');
    expect(t.blockAt(upper?.block ?? -1)?.text.slice(upper?.offset, (upper?.offset ?? 0) + 6)).toBe('NEEDLE');
    const first = findMatch(t, pattern('needle'), WIDTH, { block: -1, offset: 0 }, 'newer');
    const second = first === undefined ? undefined : findMatch(t, pattern('needle'), WIDTH, first, 'newer');
    expect(first?.block).toBe(0);
    expect(second?.block).toBe(1);
  });

  it('says nothing matched (undefined) and treats regex characters literally', () => {
    const t = sample();
    expect(findMatch(t, pattern('absent'), WIDTH, end(t), 'older')).toBeUndefined();
    expect(findMatch(t, pattern('ne.dle'), WIDTH, end(t), 'older')).toBeUndefined();
    expect(searchPattern('')).toBeUndefined();
    expect(matchesIn('a.b a.b', pattern('a.b'))).toEqual([
      [0, 3],
      [4, 3],
    ]);
  });

  // How fast is `npm run bench`'s (bench/scaling-bench.ts); this proves the far ends are found.
  it('finds nothing for an absent word and the oldest match over 100k transcript lines', () => {
    const t = transcriptOf((b) => {
      for (let turn = 0; turn < 10_000; turn++) {
        b.user(`question ${turn}`);
        b.assistant(text(Array.from({ length: 9 }, (_, i) => `turn ${turn} line ${i} of ordinary prose about parsers`).join('\n')));
      }
      b.user('the unique marker word');
    });
    expect(t.lineCount(80)).toBeGreaterThan(100_000);
    const p = pattern('zebra-never');
    expect(findMatch(t, p, 80, end(t), 'older')).toBeUndefined();
    const first = findMatch(t, pattern('you question 0'), 80, end(t), 'older');
    expect(first?.block).toBe(0);
  });
  it('numbers the current match from the top among all matches, and caps the count', () => {
    const t = sample();
    const newest = findMatch(t, pattern('needle'), WIDTH, end(t), 'older');
    if (newest === undefined) throw new Error('no match');
    // needle: the user message, "first needle", "NEEDLE two", the tool result — the newest is the 4th.
    expect(describeMatchCount(countMatches(t, pattern('needle'), newest, 500))).toBe('match 4 of 4');
    const older = findMatch(t, pattern('needle'), WIDTH, newest, 'older');
    if (older === undefined) throw new Error('no older match');
    expect(countMatches(t, pattern('needle'), older, 500)).toEqual({ index: 3, total: 4, capped: false });
    expect(describeMatchCount(countMatches(t, pattern('needle'), older, 2))).toBe('match 2+ of 2+');
    const first = findMatch(t, pattern('needle'), WIDTH, { block: -1, offset: 0 }, 'newer');
    if (first === undefined) throw new Error('no first match');
    expect(describeMatchCount(countMatches(t, pattern('needle'), first, 2))).toBe('match 1 of 2+');
  });
});
