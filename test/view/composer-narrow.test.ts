// At 80×24 (a pane a quarter of the screen) the composer and the status bar still say how to send
// and how to add a newline, not only how to close (issue 11 review).
import { afterEach, describe, expect, it } from 'vitest';
import { hintsOf, listKeys } from '../../src/core/key-table.js';
import { cockpit, openView, statusModel, type ViewUnderTest } from './view-kit.js';

let current: ViewUnderTest | undefined;
afterEach(() => {
  current?.dispose();
  current = undefined;
});

describe('the composer at 80 columns', () => {
  it('a quarter-screen box shows "Enter send" and the newline key, and how to close it', async () => {
    current = openView(80, 24);
    const { view, tty } = current;
    view.update(cockpit([], statusModel({ mode: 'message', hints: hintsOf('message'), banner: undefined })), new Map());
    view.openComposer({ title: 'message alpha', area: () => ({ x: 0, y: 0, width: 40, height: 11 }), onSubmit: () => undefined, onClose: () => undefined, onEditor: () => undefined });
    await tty.waitFor((text) => text.includes('message alpha'));
    const box = Array.from({ length: 11 }, (_, y) => tty.row(y).slice(0, 40)).join('\n');
    expect(box).toContain('Enter send · C-j or \\ Enter newline');
    expect(box).toContain('Esc Esc close (draft kept)');
  });

  it('the status bar hints say Enter send and C-j newline beside the demo banner', async () => {
    current = openView(80, 24);
    const { view, tty } = current;
    view.update(cockpit([], statusModel({ mode: 'message', hints: hintsOf('message'), banner: 'demo: scripted model, no API calls' })), new Map());
    await tty.waitFor((text) => text.includes('Esc Esc close'));
    const hints = tty.row(23);
    expect(hints).toContain('Enter send · C-j newline');
    expect(hints).toContain('Esc Esc close');
  });

  it('the help rows of both composer modes list the readline keys (C-a C-e C-b C-f C-u C-k C-w C-d)', () => {
    for (const mode of ['message', 'broadcast'] as const) {
      const rows = listKeys(mode).join('\n');
      for (const key of ['C-a', 'C-e', 'C-b', 'C-f', 'C-u', 'C-k', 'C-w', 'C-d']) expect(rows).toContain(key);
    }
  });
});
