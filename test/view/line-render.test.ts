import { describe, expect, it } from 'vitest';
import { formatCount, formatTokens } from '../../src/view/format.js';
import { renderSpans, sgrFor, stripControls } from '../../src/view/line-render.js';
import { LineEditor } from '../../src/view/overlays/line-editor.js';
import type { KeyPress } from '../../src/view/overlays/overlay.js';

const key = (full: string, ch?: string): KeyPress => ({ full, name: full, ch, ctrl: full.startsWith('C-'), meta: false, shift: false });

describe('pane rows', () => {
  it('draws styles and model colours as SGR and resets at the end of the row', () => {
    expect(sgrFor('error')).toBe('\x1b[91;1m');
    expect(sgrFor('assistant', { fg: 202, bold: true })).toBe('\x1b[38;5;202;1m');
    expect(renderSpans([{ text: 'x', style: 'turn' }, { text: 'y', style: 'plain' }], 10)).toBe('\x1b[33;1mx\x1b[0my');
  });

  it('cuts a row at the pane width counting wide characters as two cells', () => {
    expect(renderSpans([{ text: '日本語テキスト', style: 'plain' }], 5)).toBe('日本');
    expect(renderSpans([{ text: 'ab😀cd', style: 'plain' }], 4)).toBe('ab😀');
  });

  it('drops control characters, escapes and bidi overrides that spans must not carry', () => {
    expect(stripControls('a\x1b[2Jb\x07c\u202ed\x9be')).toBe('a[2Jbcde');
    expect(stripControls('plain text')).toBe('plain text');
  });
});

describe('token counts', () => {
  it('shortens counts to k and M', () => {
    expect(formatCount(999)).toBe('999');
    expect(formatCount(12_345)).toBe('12.3k');
    expect(formatCount(4_000)).toBe('4k');
    expect(formatCount(2_500_000)).toBe('2.5M');
    expect(formatTokens(12_345, 4_100)).toBe('12.3k↑ 4.1k↓');
  });
});

describe('line editor', () => {
  it('edits by characters, not UTF-16 halves', () => {
    const editor = new LineEditor('a😀b');
    editor.handleKey(key('left'));
    editor.handleKey(key('backspace'));
    expect(editor.text).toBe('ab');
    editor.handleKey(key('C-a'));
    editor.handleKey(key('delete'));
    expect(editor.text).toBe('b');
  });

  it('C-w deletes the word before the cursor and the spaces after it', () => {
    const editor = new LineEditor('send -t alpha  ');
    editor.handleKey(key('C-w'));
    expect(editor.text).toBe('send -t ');
  });

  it('keeps the cursor visible when the text is wider than the line', () => {
    const editor = new LineEditor('x'.repeat(50) + 'END');
    const row = editor.render(':', 20);
    expect(row).toContain('END');
  });
});
