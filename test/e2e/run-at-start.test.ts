// e2e: a `run` typed the moment the cockpit's first frame shows is neither lost nor refused
// (DESIGN.md §9): keys wait in the terminal until the runs are wired, so `:run FILE` typed while
// the panes still load starts the run once they have.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ctl } from './ctl-kit.js';
import { answerEcho, eventually, makeWorld, type World } from './e2e-kit.js';
import { startAgentmux, type Driver } from './terminal-driver.js';

const SOLO = join(import.meta.dirname, '..', 'fixtures', 'workflows', 'solo.js');

const worlds: World[] = [];
const drivers: Driver[] = [];
afterEach(async () => {
  for (const driver of drivers.splice(0)) driver.kill();
  for (const world of worlds.splice(0)) await world.close();
});

describe('agentmux e2e: a run asked for right at start', { timeout: 60_000 }, () => {
  it(':run FILE typed as soon as the first frame shows starts the run (not "workflow runs are not available here")', async () => {
    const world = await makeWorld({ script: answerEcho, agents: ['alpha', 'beta', 'gamma', 'delta'] });
    worlds.push(world);
    const driver = startAgentmux({
      args: ['--layout', world.layoutPath, '--sessions', world.sessions],
      cwd: world.dir,
      env: { ANTHROPIC_BASE_URL: world.model.url, ANTHROPIC_API_KEY: 'test-key' },
    });
    drivers.push(driver);
    // The first frame: the panes drawn (loading), before the agents and the runs are wired.
    await driver.waitUntil((screen) => screen.includes('alpha'), 'the first frame');
    driver.write(`:run ${SOLO}\r`);
    await driver.waitUntil((screen) => /run \w+ started \(solo\)|not available/u.test(screen), 'the run answered');
    expect(driver.screen()).not.toMatch(/workflow runs are not available here/u);
    const runs = join(world.sessions, 'runs');
    await eventually(() => (existsSync(runs) ? readdirSync(runs).length : 0), (count) => count === 1, 'the run record', 20_000);
  });

  it('ctl run sent from the first moment the socket answers starts the run (the runs are wired before ctl listens)', async () => {
    const world = await makeWorld({ script: answerEcho });
    worlds.push(world);
    drivers.push(startAgentmux({ args: ['--layout', world.layoutPath, '--sessions', world.sessions], cwd: world.dir, env: { ANTHROPIC_BASE_URL: world.model.url, ANTHROPIC_API_KEY: 'test-key' } }));
    // Exit 3 is only "nothing answers yet"; the first answer must be the run started.
    let first = await ctl(world, 'run', SOLO);
    while (first.status === 3) first = await ctl(world, 'run', SOLO);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^run \w+ started \(solo\)/u);
  });
});
