import { describe, expect, it } from 'vitest';
import type { DisplayLine } from '../../src/core/transcript-view.js';
import { lineRows } from '../../src/view/line-render.js';
import { RowMemo } from '../../src/view/row-memo.js';

const plain = (text: string): DisplayLine => ({ spans: [{ text, style: 'assistant' }], cells: text.length });

describe('rendered-row memo', () => {
  it('renders each row as lineRows does, whatever it remembered from the refresh before', () => {
    const memo = new RowMemo();
    const red: DisplayLine = { spans: [{ text: 'same text', style: 'assistant', colours: { fg: 1 } }], cells: 9 };
    const bold: DisplayLine = { spans: [{ text: 'same text', style: 'assistant', colours: { fg: 1, bold: true } }], cells: 9 };
    const user: DisplayLine = { spans: [{ text: 'same text', style: 'user' }], cells: 9 };
    const split: DisplayLine = { spans: [{ text: 'same ', style: 'assistant' }, { text: 'text', style: 'tool-call' }], cells: 9 };
    const frames: DisplayLine[][] = [
      [plain('same text'), red, plain('a longer row that the width cuts')],
      [red, bold, user, split, plain('same text'), plain('a longer row that the width cuts')],
      [plain('界 wide'), bold, bold],
    ];
    for (const lines of frames) {
      for (const width of [20, 6]) expect(memo.render(lines, width)).toEqual(lineRows(lines, width));
    }
  });
});
