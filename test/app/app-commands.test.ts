// The app's command table (src/app/commands/): what each says and does through the cockpit's
// dispatch, and that core's and the app's tables never share a name.
import { afterEach, describe, expect, it } from 'vitest';
import { APP_COMMANDS } from '../../src/app/commands/index.js';
import { COMMANDS } from '../../src/core/commands/index.js';
import { closeCockpits, cockpitFor, settle } from './cockpit-kit.js';

afterEach(closeCockpits);

describe('the app command table', () => {
  it('shares no name with core\'s table, and lists each command once', () => {
    const names = [...COMMANDS, ...APP_COMMANDS].map((command) => command.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('select-pane needs exactly one of -L -R -U -D -t, and -t names an agent or a pane number', async () => {
    const { app, h } = await cockpitFor('normal');
    expect(app.dispatch('select-pane')).toMatchObject({ kind: 'error', message: 'select-pane: give one of -L, -R, -U, -D or -t AGENT' });
    expect(app.dispatch('select-pane -L -R').kind).toBe('error');
    expect(app.dispatch('select-pane -t 2')).toMatchObject({ kind: 'ok', message: 'focused beta' });
    expect(h.controller.panes.focused()).toBe('beta');
    expect(app.dispatch('select-pane -L')).toMatchObject({ kind: 'ok', message: 'focused alpha' });
    expect(app.dispatch('select-pane -L')).toMatchObject({ kind: 'ok', message: 'no pane to the left of alpha' });
    expect(app.dispatch('select-pane -t zed').kind).toBe('error');
  });

  it('tiling takes a preset and names them on a typo; next-tiling cycles; zoom toggles', async () => {
    const { app } = await cockpitFor('normal');
    expect(app.dispatch('tiling rows')).toMatchObject({ kind: 'ok', message: 'tiling rows' });
    expect(app.tiling).toBe('rows');
    expect(app.dispatch('tiling diagonal')).toMatchObject({
      kind: 'error',
      message: 'tiling: unknown tiling "diagonal" (tilings: tiled, columns, rows, main-left, main-top)',
    });
    expect(app.dispatch('next-tiling')).toMatchObject({ kind: 'ok', message: 'tiling main-left' });
    expect(app.dispatch('zoom')).toMatchObject({ kind: 'ok', message: 'zoomed alpha' });
    expect(app.dispatch('zoom')).toMatchObject({ kind: 'ok', message: 'tiling main-left again' });
  });

  it('list-keys prints one mode or all, and names the modes on a typo', async () => {
    const { app } = await cockpitFor('normal');
    const copy = app.dispatch('list-keys copy');
    expect(copy.kind === 'ok' ? copy.message.split('\n').every((line) => line.startsWith('copy ')) : false).toBe(true);
    const bad = app.dispatch('list-keys nope');
    expect(bad.kind).toBe('error');
    expect(bad.kind === 'error' ? bad.message : '').toMatch(/^list-keys: unknown mode "nope" \(modes: normal, approval, /);
  });

  it('sessions prints the stored sessions\' rows with their ids; the session commands act on one by id', async () => {
    const { app, h } = await cockpitFor('normal');
    const listed = app.dispatch('sessions');
    expect(listed).toMatchObject({ kind: 'ok', command: 'sessions' });
    const text = 'message' in listed ? listed.message : '';
    const alpha = h.agent('alpha').session?.id ?? '';
    expect(text.split('\n')[0]).toBe('sessions: 2 stored sessions');
    expect(text).toMatch(new RegExp(`● alpha .* ${alpha}`));
    expect(app.dispatch('session-trash nope')).toMatchObject({ kind: 'error', message: 'session-trash: no stored session nope' });
    expect(app.dispatch('session-rename nope').kind).toBe('error');
    expect(app.dispatch(`session-open ${alpha}`)).toMatchObject({ kind: 'ok', message: 'alpha is already open: focused its pane' });
  });

  it('quit asks to confirm while an agent works, and quits at once when none does', async () => {
    const idle = await cockpitFor('normal');
    expect(idle.app.dispatch('quit')).toMatchObject({ kind: 'ok', message: 'quitting' });
    expect(idle.quits()).toBe(1);
    const asking = await cockpitFor('approval');
    const result = asking.app.dispatch('quit');
    await settle(asking);
    expect(result.kind === 'ok' ? result.message : '').toMatch(/^1 agent is working \(alpha\)\. Quit\? y quits \/ any other key cancels$/);
    expect(asking.app.modes.top()).toBe('confirm');
    expect(asking.quits()).toBe(0);
  });

  it('a result longer than a line opens the pager; Esc closes it and leaves the pager mode', async () => {
    const cockpit = await cockpitFor('normal');
    cockpit.app.run('list-keys normal');
    await settle(cockpit);
    expect(cockpit.app.modes.names()).toEqual(['normal', 'pager']);
    await cockpit.t.tty.waitFor((text) => text.includes('normal 1     select-pane -t 1'));
    cockpit.t.tty.press('\x1b');
    await cockpit.t.tty.waitFor(() => cockpit.app.modes.top() === 'normal');
    expect(cockpit.t.view.overlayOpen).toBe(false);
  });
});

describe('a command asked over agentmux ctl', () => {
  it('returns a multi-line result to the caller and opens no pager on the person\'s screen, however often it is asked', async () => {
    const cockpit = await cockpitFor('normal');
    for (const line of ['list-keys', 'sessions', 'list-keys normal']) {
      const result = cockpit.app.runUnattended(line);
      expect(result.kind === 'ok' ? result.message.split('\n').length : 0).toBeGreaterThan(1);
      await settle(cockpit);
      expect(cockpit.app.modes.names()).toEqual(['normal']);
      expect(cockpit.t.view.overlayOpen).toBe(false);
      expect(cockpit.app.message?.text).toMatch(new RegExp(`^${line}: \\d+ lines \\(sent to agentmux ctl\\)$`));
    }
  });

  it('still opens what it opens on purpose (help, the session browser)', async () => {
    const cockpit = await cockpitFor('normal');
    cockpit.app.runUnattended('help');
    await settle(cockpit);
    expect(cockpit.app.modes.top()).toBe('pager');
  });
});
