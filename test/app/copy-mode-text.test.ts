import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyToClipboard } from '../../src/app/copy-mode-clipboard.js';
import { copyText, OSC52_MAX_BYTES, osc52Allowed, osc52Sequence } from '../../src/app/copy-mode-text.js';
import { Transcript } from '../../src/core/transcript.js';
import { ChainBuilder, text } from '../core/factories.js';

const WIDTH = 30;

function transcript(): Transcript {
  const b = new ChainBuilder();
  b.user('hello there');
  b.assistant(text('The quick brown fox jumps over the lazy dog and keeps running far away.\nSecond line \x1b[31mred\x1b[0m.'));
  const t = new Transcript({ agentName: 'alpha' });
  t.reset(b.view());
  return t;
}

const rowsOf = (t: Transcript): string[] => t.lines(WIDTH, 0, t.lineCount(WIDTH)).map((line) => line.spans.map((s) => s.text).join(''));

describe('copy text', () => {
  it('joins rows wrapped from one line again and keeps real line breaks, without styling', () => {
    const t = transcript();
    const rows = rowsOf(t);
    expect(rows.length).toBeGreaterThan(4);
    const copied = copyText(t, WIDTH, 0, rows.length - 1);
    expect(copied).toBe(
      '[1] you hello there\n[1.2] alpha The quick brown fox jumps over the lazy dog and keeps running far away.\nSecond line red.',
    );
    expect(copied).not.toContain('\x1b');
  });

  it('copies only the selected rows, in either order', () => {
    const t = transcript();
    const rows = rowsOf(t);
    const last = rows.length - 1;
    expect(copyText(t, WIDTH, last, last)).toBe('Second line red.');
    expect(copyText(t, WIDTH, last, 0)).toBe(copyText(t, WIDTH, 0, last));
    expect(copyText(t, WIDTH, 0, 0)).toBe('[1] you hello there');
  });
});

describe('OSC 52', () => {
  it('encodes the text as base64 in ESC ] 52 ; c ; … BEL', () => {
    expect(osc52Sequence('héllo\n')).toBe(`\x1b]52;c;${Buffer.from('héllo\n').toString('base64')}\x07`);
    expect(osc52Sequence('hi')).toBe('\x1b]52;c;aGk=\x07');
  });

  it('is tried on ordinary terminals, not on dumb or linux ones, nor when AGENTMUX_OSC52=off', () => {
    expect(osc52Allowed({ TERM: 'xterm-256color' })).toBe(true);
    expect(osc52Allowed({ TERM: 'tmux-256color' })).toBe(true);
    expect(osc52Allowed({ TERM: 'dumb' })).toBe(false);
    expect(osc52Allowed({ TERM: 'linux' })).toBe(false);
    expect(osc52Allowed({})).toBe(false);
    expect(osc52Allowed({ TERM: 'xterm', AGENTMUX_OSC52: 'off' })).toBe(false);
  });

  it('copy writes the sequence once, saves clipboard.txt and says where', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agentmux-clip-'));
    try {
      const written: string[] = [];
      const result = copyToClipboard({ writeToTerminal: (s) => written.push(s) }, dir, 'one\ntwo', { TERM: 'xterm' });
      expect(written).toEqual([osc52Sequence('one\ntwo')]);
      expect(readFileSync(join(dir, 'clipboard.txt'), 'utf8')).toBe('one\ntwo');
      expect(result).toEqual({ ok: true, value: `copied 2 lines (OSC 52; also saved to ${join(dir, 'clipboard.txt')})` });
      const quiet: string[] = [];
      const dumb = copyToClipboard({ writeToTerminal: (s) => quiet.push(s) }, dir, 'x'.repeat(OSC52_MAX_BYTES), { TERM: 'xterm' });
      expect(quiet).toEqual([]);
      expect(dumb).toEqual({ ok: true, value: `copied 1 line to ${join(dir, 'clipboard.txt')}` });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
