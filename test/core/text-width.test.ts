import { describe, expect, it } from 'vitest';
import { charWidth, stringWidth, wrapToWidth } from '../../src/core/text-width.js';
import type { DisplayLine, Span } from '../../src/core/transcript-view.js';

const plain = (text: string): Span[] => [{ text, style: 'plain' }];
const textOf = (line: DisplayLine) => line.spans.map((span) => span.text).join('');

describe('charWidth and stringWidth', () => {
  it('counts ASCII as one cell', () => {
    expect(stringWidth('hello, world')).toBe(12);
  });

  it('counts CJK, Hangul, fullwidth forms and emoji as two cells', () => {
    expect(charWidth(0x4e2d)).toBe(2); // 中
    expect(charWidth(0xac00)).toBe(2); // 가
    expect(charWidth(0xff21)).toBe(2); // Ａ
    expect(charWidth(0x1f389)).toBe(2); // 🎉
    expect(charWidth(0x1f680)).toBe(2); // 🚀
    expect(charWidth(0x1f9d1)).toBe(2); // 🧑
    expect(charWidth(0x2705)).toBe(2); // ✅ (emoji presentation)
    expect(stringWidth('中文abc')).toBe(7);
  });

  it('counts text-presentation symbols such as ✓ and ★ as one cell', () => {
    expect(charWidth(0x2713)).toBe(1);
    expect(charWidth(0x2605)).toBe(1);
  });

  it('counts combining marks, joiners and variation selectors as zero', () => {
    expect(charWidth(0x0301)).toBe(0);
    expect(charWidth(0x200d)).toBe(0);
    expect(charWidth(0xfe0f)).toBe(0);
    expect(stringWidth('e\u0301')).toBe(1);
  });

  it('counts a ZWJ emoji sequence, a skin-tone emoji and a flag as one two-cell cluster', () => {
    expect(stringWidth('👨\u200d👩\u200d👧\u200d👦')).toBe(2);
    expect(stringWidth('👍🏽')).toBe(2);
    expect(stringWidth('🇫🇷')).toBe(2);
  });
});

describe('wrapToWidth', () => {
  it('breaks at spaces and drops the spaces at the break', () => {
    const lines = wrapToWidth(plain('the quick brown fox jumps'), 10);
    expect(lines.map(textOf)).toEqual(['the quick', 'brown fox', 'jumps']);
    expect(lines.map((line) => line.cells)).toEqual([9, 9, 5]);
  });

  it('hard-breaks a word longer than the width', () => {
    expect(wrapToWidth(plain('abcdefghijkl'), 5).map(textOf)).toEqual(['abcde', 'fghij', 'kl']);
  });

  it('keeps hard newlines and empty lines', () => {
    expect(wrapToWidth(plain('a\n\nb'), 5).map(textOf)).toEqual(['a', '', 'b']);
  });

  it('keeps span styles and splits a span where a row breaks', () => {
    const lines = wrapToWidth(
      [
        { text: '[1]', style: 'turn' },
        { text: 'abcdefgh', style: 'user', colours: { fg: 1 } },
      ],
      6,
    );
    expect(lines[0]?.spans).toEqual([
      { text: '[1]', style: 'turn' },
      { text: 'abc', style: 'user', colours: { fg: 1 } },
    ]);
    expect(lines[1]?.spans).toEqual([{ text: 'defgh', style: 'user', colours: { fg: 1 } }]);
  });

  it('never splits a wide char and never makes a row wider than the width', () => {
    const text = 'ab中文字🎉x 👨\u200d👩\u200d👧 漢字かな交じり文 e\u0301e\u0301 🇫🇷🇫🇷 word';
    for (let width = 1; width <= 12; width++) {
      const lines = wrapToWidth(plain(text), width);
      for (const line of lines) {
        expect(line.cells).toBeLessThanOrEqual(width);
        expect(line.cells).toBe(stringWidth(textOf(line)));
      }
      if (width >= 2) {
        // nothing is lost: every non-space character comes back, in order
        expect(lines.map(textOf).join('').replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
      }
    }
  });

  it('puts a wide char on the next row when only one cell is left', () => {
    expect(wrapToWidth(plain('abc中'), 4).map(textOf)).toEqual(['abc', '中']);
  });
});
