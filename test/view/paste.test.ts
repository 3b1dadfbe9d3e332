// Bracketed paste through the real view (B2): the terminal is asked for it, and a paste goes to
// the open input as text or to the paste handler, never to the key handler.
import { afterEach, describe, expect, it } from 'vitest';
import { cockpit, openView, paneModel, type ViewUnderTest } from './view-kit.js';

let current: ViewUnderTest | undefined;
afterEach(() => {
  current?.dispose();
  current = undefined;
});

const paste = (text: string): string => `\x1b[200~${text}\x1b[201~`;

async function viewWithHandlers(): Promise<{ t: ViewUnderTest; keys: string[]; pastes: string[] }> {
  const t = openView(80, 20);
  current = t;
  const keys: string[] = [];
  const pastes: string[] = [];
  t.view.onKey((key) => keys.push(key.full));
  t.view.onPaste((text) => pastes.push(text));
  t.view.update(cockpit([paneModel('alpha', 1, { focused: true })]), new Map([['alpha', t.view.paneArea()]]));
  await t.tty.waitFor((text) => text.includes('1 alpha'));
  return { t, keys, pastes };
}

describe('bracketed paste in the view', () => {
  it('turns bracketed paste on at start and off at exit', async () => {
    const { t } = await viewWithHandlers();
    expect(t.tty.output.written).toContain('\x1b[?2004h');
    t.view.dispose();
    expect(t.tty.output.written).toContain('\x1b[?2004l');
    current = undefined;
    t.tty.dispose();
  });

  it('a paste in normal mode goes to the paste handler whole; not one of its characters acts as a key', async () => {
    const { t, keys, pastes } = await viewWithHandlers();
    t.tty.press(`a${paste('line one\r:new two\rXuq')}b`);
    await t.tty.waitFor(() => keys.length >= 2);
    expect(pastes).toEqual(['line one\n:new two\nXuq']);
    expect(keys).toEqual(['a', 'b']);
  });

  it('a paste split over three reads is still one paste, and no key', async () => {
    const { t, keys, pastes } = await viewWithHandlers();
    t.tty.press('\x1b[200~one\r');
    t.tty.press('q\ry');
    t.tty.press('\x1b[201~');
    await t.tty.waitFor(() => pastes.length === 1);
    expect(pastes).toEqual(['one\nq\ny']);
    t.tty.press('z');
    await t.tty.waitFor(() => keys.length === 1);
    expect(keys).toEqual(['z']);
  });

  it('a paste into the : prompt joins its lines and never runs it', async () => {
    const { t, keys } = await viewWithHandlers();
    const submitted: string[] = [];
    t.view.openPrompt({ prefill: 'send ', onSubmit: (line) => submitted.push(line) });
    t.view.renderNow();
    t.tty.press(paste('hello\rworld\r'));
    await t.tty.waitFor((text) => text.includes(':send hello world'));
    expect(submitted).toEqual([]);
    expect(keys).toEqual([]);
    expect(t.view.overlayOpen).toBe(true);
  });

  it('a paste over an overlay without an input is dropped, and none of it acts there', async () => {
    const { t, keys, pastes } = await viewWithHandlers();
    let closed = 0;
    t.view.openPager({ title: 'help', sections: [{ heading: '', text: 'some text' }], onClose: () => closed++ });
    t.view.renderNow();
    await t.tty.waitFor((text) => text.includes('some text'));
    const seen: string[] = [];
    t.view.screen.on('keypress', (_ch: unknown, key: { full: string }) => seen.push(key.full));
    t.tty.press(paste('q\x1b'));
    t.tty.press('G');
    // blessed reads the paste's bytes as keys too (the view swallows them); G comes after them.
    await t.tty.waitFor(() => seen.includes('S-g'));
    expect(closed).toBe(0);
    expect(pastes).toEqual([]);
    expect(keys).toEqual([]);
  });
});
