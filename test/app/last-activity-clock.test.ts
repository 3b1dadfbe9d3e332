// "Last activity" is counted on the clock the controller stamps entries with. The browser once
// counted on the wall clock while entries were stamped by the controller's: the every-key walk
// (one frozen clock for its cockpits) saw "just now" in one cockpit and "1 min ago" in the next
// once its test file had run for 45 s — `sessions ← h` failed under load.
import { afterEach, expect, it } from 'vitest';
import { closeCockpits, cockpitFor, settle } from './cockpit-kit.js';
import { quiet } from './overlay-setups.js';

afterEach(closeCockpits);

// Long before the wall clock: a browser reading Date.now would not say "just now".
const STAMPED = Date.parse('2020-01-01T00:00:00Z');

it('the session browser and :sessions count last activity on the controller clock, not the wall clock', async () => {
  const cockpit = await cockpitFor('normal', { steps: [{ text: 'an answer' }], now: () => STAMPED });
  cockpit.h.controller.delivery.send('alpha', 'hello');
  await quiet(cockpit);

  const listed = cockpit.app.dispatch('sessions');
  expect(listed.kind === 'ok' ? listed.message : listed.kind).toMatch(/alpha .* just now/);
  expect(listed.kind === 'ok' ? listed.message : '').not.toContain('min ago');

  cockpit.app.run('session-browser');
  await settle(cockpit);
  const screen = cockpit.t.tty.text();
  expect(screen).toMatch(/● alpha .* just now/);
  expect(screen).not.toContain('min ago');
});
