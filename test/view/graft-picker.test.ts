import { describe, expect, it } from 'vitest';
import { wrapSpans } from '../../src/view/overlays/graft-picker.js';

const texts = (rows: ReturnType<typeof wrapSpans>): string[] => rows.map((row) => row.map((span) => span.text).join(''));

describe('graft picker preview rows', () => {
  it('wraps a long preview line into rows of the preview width, keeping every character and its style', () => {
    const rows = wrapSpans(
      [
        { text: '[1] ', style: 'turn' },
        { text: 'you a long question', style: 'user' },
      ],
      8,
    );
    expect(texts(rows)).toEqual(['[1] you ', 'a long q', 'uestion']);
    expect(rows[0]?.map((span) => span.style)).toEqual(['turn', 'user']);
  });

  it('moves a wide character that does not fit the rest of a row to the next row', () => {
    expect(texts(wrapSpans([{ text: 'abc漢字', style: 'plain' }], 4))).toEqual(['abc', '漢字']);
  });

  it('keeps an empty line as one empty row', () => {
    expect(texts(wrapSpans([], 10))).toEqual(['']);
  });
});
