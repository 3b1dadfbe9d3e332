// An overlay key's command (`timeline-do rewind`, `session-browser-do trash`, `graft-picker-do
// enter`…) answers with what its action did — the inner command's result or the overlay's own
// refusal — not an empty ok, so `agentmux ctl` exits as the direct command would; and the
// result is shown once (one editor, one pager), whether the key or the line ran it.
import { afterEach, describe, expect, it } from 'vitest';
import { closeCockpits, cockpitFor, settle } from './cockpit-kit.js';
import { OVERLAY_SETUPS } from './overlay-setups.js';

afterEach(closeCockpits);

async function setup(mode: 'timeline' | 'sessions' | 'graft'): Promise<Awaited<ReturnType<typeof cockpitFor>>> {
  const open = OVERLAY_SETUPS[mode];
  if (open === undefined) throw new Error(`no setup for ${mode}`);
  return open();
}

describe('overlay actions answer with the inner result', () => {
  it('timeline-do rewind on a working agent is refused with rewind\'s own error, as the direct rewind is', async () => {
    const cockpit = await cockpitFor('approval');
    cockpit.app.run('timeline');
    await settle(cockpit);
    expect(cockpit.app.modes.top()).toBe('timeline');
    const direct = cockpit.app.dispatch('rewind -t alpha 0');
    expect(direct).toMatchObject({ kind: 'error', code: 'failed', command: 'rewind' });
    const viaOverlay = cockpit.app.dispatch('timeline-do rewind');
    expect(viaOverlay).toMatchObject({ kind: 'error', code: 'failed', command: 'timeline-do', message: direct.kind === 'error' ? direct.message : '' });
    cockpit.app.apply(viaOverlay);
    await settle(cockpit);
    expect(cockpit.app.message).toEqual({ text: direct.kind === 'error' ? direct.message : '', isError: true });
  });

  it('timeline-do fork answers with fork\'s message and typed value (the agent it opened)', async () => {
    const cockpit = await setup('timeline');
    const forked = cockpit.app.dispatch('timeline-do fork');
    expect(forked).toMatchObject({ kind: 'ok', command: 'timeline-do' });
    expect(forked.kind === 'ok' ? JSON.stringify(forked.value) : '').toMatch(/^\{"agent":\{"name":"alpha/);
    expect(forked.kind === 'ok' ? forked.message : '').toMatch(/^forked alpha/);
  });

  it('session-browser-do trash on a session open in a pane is refused, naming why', async () => {
    const cockpit = await setup('sessions');
    cockpit.app.run('session-browser-move top');
    const refused = cockpit.app.dispatch('session-browser-do trash');
    expect(refused).toMatchObject({ kind: 'error', command: 'session-browser-do' });
    expect(refused.kind === 'error' ? refused.message : '').toMatch(/is open in a pane: close it first/);
  });

  it('graft-picker-do enter answers with the graft\'s own result once it grafts', async () => {
    const cockpit = await setup('graft');
    expect(cockpit.app.dispatch('graft-picker-do enter')).toMatchObject({ kind: 'ok', message: '' });
    const grafted = cockpit.app.dispatch('graft-picker-do enter');
    expect(grafted).toMatchObject({ kind: 'ok', command: 'graft-picker-do', value: { agent: 'alpha' } });
    expect(grafted.kind === 'ok' ? grafted.message : '').toMatch(/graft/);
  });

  it('a bare move answers an empty ok (nothing to report)', async () => {
    const cockpit = await setup('timeline');
    expect(cockpit.app.dispatch('timeline-move 1')).toEqual({ kind: 'ok', message: '', value: null, command: 'timeline-move' });
  });

  it('the inner result is shown once: timeline-do edit opens one editor, by key or by line', async () => {
    const cockpit = await setup('timeline');
    cockpit.app.run('timeline-do edit');
    await settle(cockpit);
    expect(cockpit.app.modes.names()).toEqual(['normal', 'edit']);
  });
});
