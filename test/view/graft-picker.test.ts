import { describe, expect, it } from 'vitest';
import { wrapSpans } from '../../src/view/overlays/graft-picker.js';
import { previewWindow } from '../../src/view/overlays/preview-window.js';

const texts = (rows: ReturnType<typeof wrapSpans>): string[] => rows.map((row) => row.map((span) => span.text).join(''));

describe('graft picker preview rows', () => {
  it('wraps a long preview line at words into rows of the preview width, as a pane does, keeping the styles', () => {
    const rows = wrapSpans(
      [
        { text: '[1] ', style: 'turn' },
        { text: 'you a long question', style: 'user' },
      ],
      8,
    );
    expect(texts(rows)).toEqual(['[1] you', 'a long', 'question']);
    expect(rows[0]?.map((span) => span.style)).toEqual(['turn', 'user']);
  });

  it('moves a wide character that does not fit the rest of a row to the next row', () => {
    expect(texts(wrapSpans([{ text: 'abc漢字', style: 'plain' }], 4))).toEqual(['abc', '漢字']);
  });

  it('keeps an empty line as one empty row', () => {
    expect(texts(wrapSpans([], 10))).toEqual(['']);
  });
});

describe('graft picker preview window', () => {
  const rows = Array.from({ length: 20 }, (_, index) => [{ text: `row ${index}`, style: 'plain' as const }]);
  const shown = (top: number, height: number): string[] => texts(previewWindow(rows, top, height).rows.map((row) => [...row]));

  it('starts at the top of what will be appended and says how many rows are below', () => {
    expect(shown(0, 5)).toEqual(['row 0', 'row 1', 'row 2', 'row 3', '↓ 16 more']);
  });

  it('scrolled, says what is above and below; at the end only what is above', () => {
    expect(shown(6, 5)).toEqual(['↑ 6 more', 'row 6', 'row 7', 'row 8', '↓ 11 more']);
    expect(shown(99, 5)).toEqual(['↑ 16 more', 'row 16', 'row 17', 'row 18', 'row 19']);
    expect(previewWindow(rows, 99, 5).top).toBe(16);
  });

  it('shows a preview that fits whole, whatever the scroll position', () => {
    expect(shown(3, 30)).toHaveLength(20);
    expect(previewWindow(rows, 3, 30).top).toBe(0);
  });
});
