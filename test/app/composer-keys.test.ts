// The composer and the keys around it, through the real app and view (issue 11: B2, B3, item 7):
// chords are not letters, a paste opens the composer and runs nothing, Esc keeps the draft, and
// the history of sent messages is kept per agent across a new cockpit on the same store.
import { afterEach, describe, expect, it } from 'vitest';
import { CockpitApp } from '../../src/app/cockpit-app.js';
import { until } from '../integration/harness.js';
import { closeCockpits, cockpitFor, press, settle, type Cockpit } from './cockpit-kit.js';

afterEach(closeCockpits);

const paste = (text: string): string => `\x1b[200~${text}\x1b[201~`;

/** Writes bytes that hold a paste and waits for the frame after them. */
async function pasteInto(cockpit: Cockpit, text: string): Promise<void> {
  const reported = new Promise((resolve) => cockpit.t.view.screen.once('keypress', resolve));
  cockpit.t.tty.press(paste(text));
  await reported;
  await settle(cockpit);
}

describe('chords (B3)', () => {
  it('C-u, C-f, C-p, C-g and M-z do nothing, each says so on the status line; u, f still act', async () => {
    const cockpit = await cockpitFor('normal');
    const { app, h } = cockpit;
    const agentsBefore = h.controller.allAgents().length;
    for (const [bytes, name] of [
      ['\x15', 'C-u'],
      ['\x06', 'C-f'],
      ['\x10', 'C-p'],
      ['\x07', 'C-g'],
      ['\x1bz', 'M-z'],
    ] as const) {
      await press(cockpit, bytes);
      expect(app.message?.text).toBe(`${name} is not bound: it does nothing (? lists the keys)`);
    }
    expect(h.controller.allAgents().length).toBe(agentsBefore);
    expect(app.zoom).toBe(false);
    expect(h.agent('alpha').state).toBe('idle');
    await press(cockpit, 'f');
    expect(h.controller.allAgents().length).toBe(agentsBefore + 1);
  });

  it('in the composer, an unbound chord (M-z, C-p) types nothing and says so on the status line', async () => {
    const cockpit = await cockpitFor('normal');
    const { app } = cockpit;
    await press(cockpit, '\r');
    expect(app.modes.top()).toBe('message');
    await press(cockpit, 'hi');
    for (const [bytes, name] of [
      ['\x1bz', 'M-z'],
      ['\x10', 'C-p'],
    ] as const) {
      await press(cockpit, bytes);
      expect(app.message?.text).toBe(`${name} is not bound in the composer: it does nothing (? lists the keys)`);
    }
    expect(app.modes.top()).toBe('message');
    expect(app.zoom).toBe(false);
  });

  it('awaiting approval, C-y approves nothing', async () => {
    const cockpit = await cockpitFor('approval');
    await press(cockpit, '\x19');
    expect(cockpit.h.agent('alpha').state).toBe('awaiting-approval');
    expect(cockpit.app.message?.text).toContain('C-y is not bound');
  });
});

describe('paste (B2) and the composer (item 7)', () => {
  it('a three-line paste in normal mode opens the composer holding it; nothing runs until Enter sends all three lines', async () => {
    const cockpit = await cockpitFor('normal');
    const { app, h, t } = cockpit;
    await pasteInto(cockpit, 'line one\r:new two\rline three');
    expect(app.modes.top()).toBe('message');
    expect(t.tty.text()).toContain('message alpha');
    expect(t.tty.text()).toContain('> line one');
    expect(t.tty.text()).toContain('  :new two');
    expect(h.controller.allAgents().map((agent) => agent.name)).toEqual(['alpha', 'beta']);
    await press(cockpit, '\r');
    await until(() => h.model.requests.length > 0, 'the message sent');
    expect(JSON.stringify(h.model.requests[0]?.body.messages)).toContain('line one\\n:new two\\nline three');
  });

  it('Esc on a box with text keeps it open and says so; a second Esc closes it and Enter brings the draft back', async () => {
    const cockpit = await cockpitFor('normal');
    const { app, t } = cockpit;
    await press(cockpit, '\r');
    for (const ch of 'half a thought') await press(cockpit, ch);
    await press(cockpit, '\x1b');
    expect(app.modes.top()).toBe('message');
    expect(t.tty.text()).toContain('Esc again closes');
    await press(cockpit, '\x1b');
    expect(app.modes.top()).toBe('normal');
    expect(app.message?.text).toBe('draft kept for alpha: Enter opens it again');
    // Nothing was interrupted or sent by either Esc.
    expect(cockpit.h.model.requests.length).toBe(0);
    await press(cockpit, '\r');
    expect(t.tty.text()).toContain('> half a thought');
  });

  it('C-j and "\\ Enter" add newlines; ↑ recalls the last message sent, also in a new cockpit on the same store', async () => {
    const cockpit = await cockpitFor('normal');
    const { h } = cockpit;
    const app = new CockpitApp({ view: cockpit.t.view, controller: h.controller, tiling: 'columns', banner: undefined, editor: undefined, onQuit: () => undefined, clipboardDir: h.dir });
    app.run('compose');
    await settle(cockpit);
    for (const ch of 'a') await press(cockpit, ch);
    await press(cockpit, '\n');
    await press(cockpit, 'b');
    await press(cockpit, '\\');
    await press(cockpit, '\r');
    await press(cockpit, 'c');
    expect(app.modes.top()).toBe('message');
    await press(cockpit, '\r');
    await until(() => h.model.requests.length > 0, 'the message sent');
    expect(JSON.stringify(h.model.requests[0]?.body.messages)).toContain('a\\nb\\nc');
    app.dispose();
    const again = new CockpitApp({ view: cockpit.t.view, controller: h.controller, tiling: 'columns', banner: undefined, editor: undefined, onQuit: () => undefined, clipboardDir: h.dir });
    expect(again.composer.historyOf('alpha')).toEqual(['a\nb\nc']);
    again.run('compose');
    await settle(cockpit);
    await press(cockpit, '\x1b[A');
    expect(cockpit.t.tty.text()).toContain('> a');
    expect(cockpit.t.tty.text()).toContain('  b');
    again.dispose();
  });

  it('C-g hands the draft to $EDITOR; the box opens again holding what the editor wrote, and nothing was sent', async () => {
    const cockpit = await cockpitFor('normal');
    const { h, t } = cockpit;
    // A real editor process: it rewrites the draft's file in place, as vi would on :wq.
    const app = new CockpitApp({ view: t.view, controller: h.controller, tiling: 'columns', banner: undefined, editor: `sed -i 's/rough/polished/'`, onQuit: () => undefined });
    app.run('compose');
    await settle(cockpit);
    for (const ch of 'a rough draft') await press(cockpit, ch);
    await press(cockpit, '\x07');
    await until(() => app.modes.top() === 'message' && t.tty.text().includes('> a polished draft'), 'the box again, with the edited draft');
    expect(app.composer.draftOf('alpha')).toBe('a polished draft');
    expect(h.model.requests.length).toBe(0);
    await press(cockpit, '\r');
    await until(() => h.model.requests.length > 0, 'the edited message sent');
    expect(JSON.stringify(h.model.requests[0]?.body.messages)).toContain('a polished draft');
    app.dispose();
  });

  it('C-g with no $VISUAL or $EDITOR opens the in-app editor on the draft; C-s puts the edit back in the box', async () => {
    const cockpit = await cockpitFor('normal');
    const { app, h, t } = cockpit;
    await press(cockpit, '\r');
    for (const ch of 'first') await press(cockpit, ch);
    // The box's hint names what C-g opens here, an editor, not "$EDITOR" (there is none); in a
    // half-screen box how to send and add a newline take a row, C-g and how to close the next.
    expect(t.tty.text()).toMatch(/│Enter send · C-j or \\ Enter newline/);
    expect(t.tty.text()).toMatch(/│↑↓ history · C-g editor · Esc Esc close \(draft kept\)/);
    expect(t.tty.text()).not.toContain('$EDITOR');
    await press(cockpit, '\x07');
    expect(app.modes.top()).toBe('edit');
    expect(t.tty.text()).toContain('the draft — C-s puts it back in the box');
    for (const ch of ' and more') await press(cockpit, ch);
    await press(cockpit, '\x13');
    await until(() => app.modes.top() === 'message', 'the box open again');
    expect(t.tty.text()).toContain('> first and more');
    expect(h.model.requests.length).toBe(0);
  });

  it('a line longer than the box wraps onto rows of the box, every word in sight; ↑ moves up a row, then into the history', async () => {
    const cockpit = await cockpitFor('normal');
    const { app, h, t } = cockpit;
    const words = Array.from({ length: 30 }, (_, index) => `word${index}`);
    const long = words.join(' ');
    await pasteInto(cockpit, long);
    expect(app.modes.top()).toBe('message');
    const screen = t.tty.text();
    // Every word is on the screen, none cut by the box's edge (scrolling sideways showed the tail only).
    for (const word of words) expect(screen).toMatch(new RegExp(`[ >]${word}( |\\s*│)`));
    const rowsWithWords = screen.split('\n').filter((line) => /word\d/.test(line));
    expect(rowsWithWords.length).toBeGreaterThan(2);
    // The box stays within alpha's pane (the left column of two).
    for (const line of rowsWithWords) expect(line.indexOf('word')).toBeLessThan(t.tty.term.cols / 2);
    // ↑ moves to the row above, on the same line of text: a typed character lands there.
    await press(cockpit, '\x1b[A');
    await press(cockpit, '#');
    expect(app.modes.top()).toBe('message');
    await press(cockpit, '\r');
    await until(() => h.model.requests.length > 0, 'the message sent');
    const sent = JSON.stringify(h.model.requests[0]?.body.messages);
    expect(sent).toContain('#');
    expect(sent).not.toContain(long);
    expect(sent.replace('#', '')).toContain(long);
    // Opened again: ↑ on the first row of an empty box recalls the message sent.
    await press(cockpit, '\r');
    await press(cockpit, '\x1b[A');
    expect(t.tty.text()).toContain('> word0 word1');
  });
});

