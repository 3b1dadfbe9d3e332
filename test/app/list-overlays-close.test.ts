// The README's promise: `q` and `Esc` close every list overlay (timeline, graft picker, session
// browser, copy mode) and the pager. The tmux walk of session 6 found `q` doing nothing in the
// graft picker; this walks the promise for each of them, from a step inside the overlay.
import { afterEach, expect, it } from 'vitest';
import type { ModeName } from '../../src/core/key-table.js';
import { closeCockpits, press } from './cockpit-kit.js';
import { OVERLAY_SETUPS, quiet } from './overlay-setups.js';

afterEach(closeCockpits);

const LISTS: readonly ModeName[] = ['timeline', 'graft', 'sessions', 'copy', 'pager'];

it.each(LISTS.flatMap((mode) => [[mode, 'q'], [mode, 'Esc']] as const))('%s: %s closes it', { timeout: 60_000 }, async (mode, key) => {
  const setup = OVERLAY_SETUPS[mode];
  if (setup === undefined) throw new Error(`no setup for ${mode}`);
  const cockpit = await setup();
  expect(cockpit.app.modes.top()).toBe(mode);
  await press(cockpit, key === 'q' ? 'q' : '\x1b');
  // The graft picker's setup is at its range step: Esc backs out a step at a time, q closes at once.
  if (mode === 'graft' && key === 'Esc') {
    expect(cockpit.app.modes.top()).toBe('graft');
    await press(cockpit, '\x1b');
  }
  await quiet(cockpit);
  expect(cockpit.app.modes.top()).toBe('normal');
  expect(cockpit.t.view.overlayOpen).toBe(false);
  expect(cockpit.quits()).toBe(0);
});
