// PTY agents, the review's findings end to end: on a PTY pane every normal-mode key that does not
// apply (rewind, edit, graft, fork, pause, undo, copy mode, search) answers at once with "NAME is a
// PTY agent: X does not apply" and opens nothing; and quitting leaves no hosted process behind,
// even one that ignores SIGHUP and SIGTERM.
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  answerEcho,
  eventually,
  useWorld,
} from './e2e-kit.js';
import type { Driver } from './terminal-driver.js';
import { running } from '../process-running.js';

const openWorld = useWorld();
const leftovers: number[] = [];
afterEach(() => {
  for (const pid of leftovers.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone, as it should be.
    }
  }
});

/** A shell that ignores SIGHUP and SIGTERM (as does the sleep it starts) and shows the sleep's pid. */
const STUBBORN = ['sh', '-c', "trap '' HUP TERM; sleep 1234 & echo sleeper:$!; wait"];


/** The cockpit with the SDK agent `alpha` and the stubborn PTY agent `hup` (focused), and the sleep's pid. */
async function stubbornWorld(): Promise<{ app: Driver; sleeper: number }> {
  const made = await openWorld({ script: answerEcho, agents: ['alpha', 'hup'] });
  writeFileSync(
    made.layoutPath,
    JSON.stringify({ name: 'e2e', agents: [{ name: 'alpha', cwd: made.workspace }, { name: 'hup', command: STUBBORN }], tiling: 'columns' }),
  );
  const app = await made.launch();
  let sleeper = 0;
  await app.waitUntil((screen) => {
    sleeper = Number(/sleeper:(\d+)/.exec(screen)?.[1] ?? 0);
    return sleeper > 0;
  }, 'the sleeper pid in the hup pane');
  leftovers.push(sleeper);
  app.write('2');
  await app.waitFor('▶ 2 hup');
  return { app, sleeper };
}

describe('agentmux e2e: PTY agents keys and quit', { timeout: 120_000 }, () => {
  it('every key that does not apply to a PTY pane says so at once and opens no overlay', async () => {
    const { app } = await stubbornWorld();
    const keys = [
      ['r', 'rewind'],
      ['e', 'edit'],
      ['g', 'graft'],
      ['f', 'fork'],
      ['p', 'pause'],
      ['u', 'undo'],
      ['[', 'copy mode'],
      ['/', 'search'],
    ] as const;
    for (const [key, operation] of keys) {
      app.write(key);
      await app.waitUntil(
        () => /^ NORMAL /.test(app.line(-2)) && app.line(-2).endsWith(`hup is a PTY agent: ${operation} does not apply`),
        `"${key}" to refuse ${operation} in normal mode`,
        20_000,
      );
    }
    // Nothing was opened: no timeline, graft picker or prompt, and the child still runs.
    expect(app.screen()).not.toMatch(/timeline of hup|GRAFT|TIMELINE|COPY|SEARCH/);
    expect(app.screen()).toMatch(/2 hup · idle \(running\)/);
    // The SDK pane's keys are untouched: `r` there opens its timeline.
    app.write('1');
    await app.waitFor('▶ 1 alpha');
    app.write('r');
    await app.waitFor('timeline of alpha');
  });

  it('quit leaves no hosted process behind, even one that ignores SIGHUP and SIGTERM', async () => {
    const { app, sleeper } = await stubbornWorld();
    expect(running(sleeper)).toBe(true);
    // A running PTY program makes q ask first (it will be killed); y quits.
    app.write('q');
    await app.waitFor('1 program is running and will be killed');
    app.write('y');
    expect(await app.exited(30_000)).toBe(0);
    await eventually(() => running(sleeper), (alive) => !alive, 'the sleep to be gone once agentmux has exited', 15_000);
  });
});
