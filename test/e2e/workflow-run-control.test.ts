// e2e: `agentmux run FILE` without --headless opens the cockpit with only the run's agents as
// panes and starts the run at once, the run's end in the status bar and its record on disk;
// `ctl run` starts another run in that cockpit; a headless run listens on DIR/agentmux.sock, so
// `ctl run-stop` stops it (exit 3).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ctl } from './ctl-kit.js';
import { answerEcho, eventually, gate, makeWorld, runAgentmux, titlesOf, type World } from './e2e-kit.js';
import { startAgentmux, type Driver } from './terminal-driver.js';

const PAIR = join(import.meta.dirname, '..', 'fixtures', 'workflows', 'pair.js');
const Done = z.object({ type: z.literal('done'), status: z.string(), result: z.unknown().optional() });

/** The `done` line of each run in the store (runs without one are left out). */
function doneLines(sessions: string): z.infer<typeof Done>[] {
  const runsDir = join(sessions, 'runs');
  if (!existsSync(runsDir)) return [];
  return readdirSync(runsDir).flatMap((run) => {
    const lines = readFileSync(join(runsDir, run, 'run.jsonl'), 'utf8').trimEnd().split('\n');
    const last = Done.safeParse(JSON.parse(lines[lines.length - 1] ?? '{}'));
    return last.success ? [last.data] : [];
  });
}

const worlds: World[] = [];
const drivers: Driver[] = [];
afterEach(async () => {
  for (const driver of drivers.splice(0)) driver.kill();
  for (const world of worlds.splice(0)) await world.close();
});

describe('agentmux e2e: workflow runs in the cockpit and over ctl', { timeout: 60_000 }, () => {
  it('agentmux run FILE opens the cockpit with the run agents as panes and says when the run is done', async () => {
    const world = await makeWorld({ script: answerEcho });
    worlds.push(world);
    const driver = startAgentmux({
      args: ['run', PAIR, '--sessions', world.sessions],
      cwd: world.dir,
      env: { ANTHROPIC_BASE_URL: world.model.url, ANTHROPIC_API_KEY: 'test-key' },
    });
    drivers.push(driver);
    await driver.waitUntil((screen) => /\bfirst\b/.test(screen) && /\bsecond\b/.test(screen) && /: done completed/.test(screen), 'both agents and the run done');
    // Only the run's agents: no layout was given, so none of the default layout's panes.
    expect(titlesOf(driver.screen()).map((title) => title.replace(/^(▶ )?\d+ /, '')).sort()).toEqual(['first', 'second']);
    expect(driver.screen()).toContain('answer to say alpha');
    expect(doneLines(world.sessions)).toEqual([{ type: 'done', status: 'completed', result: { first: 'answer to say alpha', second: 'answer to say beta' } }]);

    // The cockpit stays open, and `ctl run` starts another run in it.
    const started = await ctl(world, 'run', PAIR);
    expect(started.status).toBe(0);
    expect(started.stdout).toMatch(/^run \w+ started \(pair\)/);
    await eventually(() => doneLines(world.sessions), (lines) => lines.length === 2, 'the second run done', 30_000);
    expect(doneLines(world.sessions).map((line) => line.status)).toEqual(['completed', 'completed']);
  });

  it('ctl run-stop stops a headless run through its control socket', async () => {
    const held = gate();
    const world = await makeWorld({ script: () => ({ text: 'never finished', hold: { afterDeltas: 1, until: held.until } }) });
    worlds.push(world);
    const running = runAgentmux(['run', PAIR, '--headless', '--sessions', world.sessions], world.dir, {
      ANTHROPIC_BASE_URL: world.model.url,
      ANTHROPIC_API_KEY: 'test-key',
    });
    await eventually(() => world.model.requests.length, (count) => count >= 2, 'both agents asking the model', 15_000);
    const stopped = await ctl(world, 'run-stop');
    expect(stopped.status).toBe(0);
    expect(stopped.stdout).toMatch(/^run \w+ stopped \(pair\)/);
    const ran = await running;
    held.release();
    expect(ran.status).toBe(3);
    expect(ran.stdout).toBe('null\n');
    expect(ran.stderr).toMatch(/: stopped: stopped by run-stop\n$/);
    expect(doneLines(world.sessions).map((line) => line.status)).toEqual(['stopped']);
  });
});
