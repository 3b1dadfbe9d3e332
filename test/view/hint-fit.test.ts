import { afterEach, describe, expect, it } from 'vitest';
import { hintsOf } from '../../src/core/key-table.js';
import { fitHints, hintRows } from '../../src/view/hint-fit.js';
import { cockpit, openView, statusModel, type ViewUnderTest } from './view-kit.js';

let current: ViewUnderTest | undefined;
afterEach(() => {
  current?.dispose();
  current = undefined;
});

const HINTS = 'Enter msg · Esc int · b bcast · p pause · r rewind · e edit · g graft · u undo · : cmd · ? help · q quit';

describe('key hints on a narrow screen (B8)', () => {
  it('keep "? help · q quit" at the end and drop whole hints from the middle', () => {
    const fitted = fitHints(HINTS, 60);
    expect(fitted.endsWith('? help · q quit')).toBe(true);
    expect(fitted.startsWith('Enter msg · Esc int')).toBe(true);
    expect(fitted).toContain(' · … · ');
    expect(fitted.length).toBeLessThanOrEqual(60);
    // No hint is cut in half.
    for (const part of fitted.split(' · ')) expect(part === '…' || HINTS.split(' · ').includes(part)).toBe(true);
  });

  it('are left whole when they fit; keep the last alone when the last two do not fit; cut with … when not even that fits', () => {
    expect(fitHints(HINTS, 200)).toBe(HINTS);
    const composer = 'Enter send · C-j or \\ Enter newline · ↑↓ history · C-g editor · Esc Esc close (draft kept)';
    // A quarter-screen composer at 80 columns: how to close it is never cut.
    expect(fitHints(composer, 38)).toBe('… · Esc Esc close (draft kept)');
    expect(fitHints(composer, 45)).toBe('Enter send · … · Esc Esc close (draft kept)');
    // The composer box keeps how to send and add a newline on a row of their own (hintRows).
    expect(hintRows(composer, 38, 2)).toEqual(['Enter send · C-j or \\ Enter newline', '… · Esc Esc close (draft kept)']);
    expect(hintRows(composer, 200, 2)).toEqual([composer]);
    expect(fitHints(HINTS, 12)).toBe('Enter msg ·…');
  });

  it('at 80 columns the status bar still shows the normal mode’s ? help and q quit', async () => {
    current = openView(80, 10);
    const { view, tty } = current;
    view.update(cockpit([], statusModel({ hints: hintsOf('normal'), banner: undefined })), new Map());
    await tty.waitFor((text) => text.includes('Enter msg'));
    expect(tty.row(9).trimEnd().endsWith('? help · q quit')).toBe(true);
  });

  it('with the demo banner at 80 columns too', async () => {
    current = openView(80, 10);
    const { view, tty } = current;
    view.update(cockpit([], statusModel({ hints: hintsOf('normal'), banner: 'demo: scripted model, no API calls' })), new Map());
    await tty.waitFor((text) => text.includes('demo: scripted model'));
    expect(tty.row(9)).toContain('? help · q quit');
  });
});
