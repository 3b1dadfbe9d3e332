// B10: the trash holds no open session, so the trash view's header has no "● open in a pane"
// legend (the newcomer saw it there); the store's view keeps it. Through the real app and view.
import { afterEach, expect, it } from 'vitest';
import { closeCockpits, cockpitFor, press, settle } from './cockpit-kit.js';

afterEach(closeCockpits);

it('the trash view is headed "trash (N)" with no ● legend; the store view keeps it', async () => {
  const cockpit = await cockpitFor('normal');
  const { app, t } = cockpit;
  app.run('close -t beta');
  await cockpit.h.controller.closed();
  app.run('session-browser');
  await settle(cockpit);
  expect(t.tty.text()).toContain('sessions in the store (2) — ● open in a pane');
  // beta is the closed one: select it, d asks, y moves it to the trash, t shows the trash.
  const rows = t.tty.text().split('\n');
  const alphaRow = rows.findIndex((line) => line.includes('● alpha'));
  const betaRow = rows.findIndex((line) => / {2}beta /.test(line));
  await press(cockpit, betaRow > alphaRow ? 'j' : 'k');
  await press(cockpit, 'd');
  await press(cockpit, 'y');
  expect(t.tty.text()).toContain('sessions in the store (1) — ● open in a pane');
  await press(cockpit, 't');
  const trash = t.tty.text();
  expect(trash).toMatch(/│trash \(1\) +│/);
  expect(trash).not.toContain('● open in a pane');
  expect(trash).toContain('r restore · t back to the store');
});
