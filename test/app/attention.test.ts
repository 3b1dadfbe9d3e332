// What needs the person, through the real app and view: `W` / `next-approval` goes to the agent
// waiting for an approval, `y` elsewhere points there (B16), `show-messages` keeps every status
// line in full, and a picker's "pick a source" line goes when the picker closes.
import { afterEach, describe, expect, it } from 'vitest';
import { helpSections } from '../../src/app/help.js';
import { pagerLines } from '../../src/view/overlays/pager.js';
import { closeCockpits, cockpitFor, press } from './cockpit-kit.js';

afterEach(closeCockpits);

describe('approvals that wait elsewhere', () => {
  it('y on a pane with nothing to approve names the agent that waits; w focuses it; then y approves', async () => {
    const cockpit = await cockpitFor('approval');
    const { app, h } = cockpit;
    app.run('select-pane -t beta');
    await press(cockpit, 'y');
    expect(app.message?.text).toBe('nothing to approve here: alpha waits for an approval (W goes there)');
    expect(h.agent('alpha').state).toBe('awaiting-approval');
    await press(cockpit, 'W');
    expect(h.controller.panes.focused()).toBe('alpha');
    expect(app.message?.text).toBe('alpha waits for an approval: y once · a always · n refuse');
    await press(cockpit, 'y');
    expect(h.agent('alpha').state).not.toBe('awaiting-approval');
  });

  it('next-approval with nobody waiting says so and keeps the focus', async () => {
    const { app, h } = await cockpitFor('normal');
    expect(app.dispatch('next-approval')).toMatchObject({ kind: 'error', message: 'next-approval: no agent is waiting for an approval' });
    expect(h.controller.panes.focused()).toBe('alpha');
  });
});

describe('status lines', () => {
  it('show-messages lists every status line shown, in full, oldest first', async () => {
    const cockpit = await cockpitFor('normal');
    const { app } = cockpit;
    app.run('rename -t beta ' + 'b'.repeat(3));
    app.run('send -t nobody hello');
    const result = app.dispatch('show-messages');
    expect(result.kind).toBe('ok');
    const lines = result.kind === 'ok' ? result.message.split('\n') : [];
    expect(lines.map((line) => line.slice(9))).toEqual(['renamed beta to bbb', expect.stringMatching(/^error: send: no agent "nobody"/)]);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d /);
  });

  it('the line a picker opened with goes when Esc closes it; a result after it stays', async () => {
    const cockpit = await cockpitFor('normal');
    const { app } = cockpit;
    await press(cockpit, 'g');
    expect(app.message?.text).toBe('graft into alpha: pick a source');
    await press(cockpit, '\x1b');
    expect(app.modes.top()).toBe('normal');
    expect(app.message).toBeUndefined();
    await press(cockpit, 'r');
    expect(app.modes.top()).toBe('timeline');
    await press(cockpit, 'q');
    expect(app.modes.top()).toBe('normal');
    expect(app.message).toBeUndefined();
    await press(cockpit, '?');
    expect(app.modes.top()).toBe('pager');
    await press(cockpit, '?');
    expect(app.modes.top()).toBe('normal');
  });
});

describe('help at 80 columns (B8)', () => {
  it('every help row fits the box, key rows hang under their notes, and a long usage keeps its summary in sight', () => {
    const sections = helpSections([
      { usage: 'rewind [-t AGENT] [--conversation-only|--files-only] [--overwrite|--keep] TURN', summary: 'rewind to a turn and take later ones away' },
      { usage: 'send [-t AGENT] TEXT', summary: 'send TEXT to an agent (queued while it works)' },
    ]);
    const lines = pagerLines(sections, 70).map((line) => line.text);
    expect(lines.every((line) => line.length <= 70)).toBe(true);
    const text = lines.join(' ').replace(/ +/g, ' ');
    expect(text).toContain('rewind to a turn and take later ones away');
    expect(text).toContain('send TEXT to an agent (queued while it works)');
    // A wrapped key row continues under its note column, not at the left edge.
    const enter = lines.findIndex((line) => line.includes('message the focused agent'));
    const next = lines[enter + 1] ?? '';
    expect(next.trimStart().length).toBeGreaterThan(0);
    expect(next.length - next.trimStart().length).toBe(lines[enter]?.indexOf('message the focused agent'));
  });
});
