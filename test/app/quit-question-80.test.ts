// At 80×24 `q` while an agent works asks on the status bar with its answer keys in sight, never
// cut after the list of working agents (issue 11 review). Through the real app and view.
import { afterEach, expect, it } from 'vitest';
import { closeCockpits, cockpitFor, press } from './cockpit-kit.js';

afterEach(closeCockpits);

it('at 80 columns q while an agent works keeps "Quit? y quits / any other key cancels" on the bottom row', async () => {
  const cockpit = await cockpitFor('approval');
  const { app, t } = cockpit;
  t.tty.resize(80, 24);
  await t.tty.waitFor(() => t.view.screen.cols === 80);
  // A running PTY program makes the question longer than the row: it names the program too.
  app.run('new watcher -- sleep 30 a-long-argument-that-makes-the-question-longer-than-a-row');
  await t.tty.waitFor(() => cockpit.h.controller.allAgents().some((agent) => agent.kind === 'pty' && agent.pty.running));
  await press(cockpit, 'q');
  expect(app.modes.top()).toBe('confirm');
  await t.tty.waitFor(() => t.tty.row(23).includes('any other key cancels'));
  expect(t.tty.row(23).trimEnd().endsWith('Quit? y quits / any other key cancels')).toBe(true);
  expect(t.tty.row(23)).toContain('1 agent is working (alpha)');
  expect(t.tty.row(23)).toContain('… Quit?');
  expect(cockpit.quits()).toBe(0);
});
