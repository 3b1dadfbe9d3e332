// At 80×24 the session browser keeps every column: name and model are narrowed with `…`, cost and
// last activity stay (issue 11 review: they fell off the edge). Through the real app and view.
import { afterEach, expect, it } from 'vitest';
import { closeCockpits, cockpitFor, settle } from './cockpit-kit.js';

afterEach(closeCockpits);

it('at 80 columns each session row shows its cost and last activity, the model cut in the middle', async () => {
  const cockpit = await cockpitFor('normal');
  const { app, t } = cockpit;
  t.tty.resize(80, 24);
  await t.tty.waitFor(() => t.view.screen.cols === 80);
  app.run('session-browser');
  await settle(cockpit);
  await t.tty.waitFor((text) => text.includes('sessions in the store'));
  const rows = t.tty.text().split('\n');
  const header = rows.find((line) => line.includes('name') && line.includes('model')) ?? '';
  expect(header).toContain('cost');
  expect(header).toContain('last activity');
  const alpha = rows.find((line) => line.includes('● alpha')) ?? '';
  expect(alpha).toMatch(/\$0\.000 +(just now|\d+ (min|h) ago|\d+ days? ago) *│/);
  for (const line of [header, alpha]) expect(line.length).toBeLessThanOrEqual(80);
});
