// e2e (issue 16): `agentmux run FILE --confirm-over-usd X` in the cockpit asks in the confirm mode
// before a run projected above X starts (no model call until `y`), and does not ask below X; `ctl run`
// of a run above X is refused unless `run --yes`.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ctl } from './ctl-kit.js';
import { answerEcho, eventually, makeWorld, type World } from './e2e-kit.js';
import { startAgentmux, type Driver } from './terminal-driver.js';

// Two agents on the default model (sonnet), 30,000 tokens each: projected $0.18 – $0.90.
const PAIR = join(import.meta.dirname, '..', 'fixtures', 'workflows', 'pair.js');

function runsIn(sessions: string): number {
  const dir = join(sessions, 'runs');
  return existsSync(dir) ? readdirSync(dir).length : 0;
}

const worlds: World[] = [];
const drivers: Driver[] = [];
afterEach(async () => {
  for (const driver of drivers.splice(0)) driver.kill();
  for (const world of worlds.splice(0)) await world.close();
});

async function cockpit(threshold: string): Promise<{ world: World; driver: Driver }> {
  const world = await makeWorld({ script: answerEcho });
  worlds.push(world);
  const driver = startAgentmux({
    args: ['run', PAIR, '--confirm-over-usd', threshold, '--sessions', world.sessions],
    cwd: world.dir,
    env: { ANTHROPIC_BASE_URL: world.model.url, ANTHROPIC_API_KEY: 'test-key' },
  });
  drivers.push(driver);
  return { world, driver };
}

describe('agentmux e2e: confirm before spending', { timeout: 90_000 }, () => {
  it('above the threshold the cockpit asks before the run starts, y starts it, and ctl run needs --yes', async () => {
    const { world, driver } = await cockpit('0.5');
    await driver.waitFor('pair is projected at up to $0.90');
    await driver.waitFor('Start it?');
    await driver.waitFor('y yes · any other key no');
    expect(world.model.requests.length).toBe(0);
    expect(runsIn(world.sessions)).toBe(0);
    driver.write('y');
    await driver.waitFor(/: done completed/u, 30_000);
    expect(world.model.requests.length).toBe(2);

    // ctl waits for the projection: refused above the threshold, it exits 1 with the refusal.
    const refused = await ctl(world, 'run', PAIR);
    expect(refused.status).toBe(1);
    expect(`${refused.stdout}${refused.stderr}`).toContain('run: refused: pair is projected at up to $0.90');
    expect(`${refused.stdout}${refused.stderr}`).toContain('`run --yes');
    await driver.waitFor('refused: pair is projected at up to $0.90', 30_000);
    expect(runsIn(world.sessions)).toBe(1);
    const confirmed = await ctl(world, 'run', '--yes', PAIR);
    expect(confirmed.status).toBe(0);
    expect(confirmed.stdout).toMatch(/^run \w+ started \(pair\)/u);
    await eventually(() => world.model.requests.length, (count) => count === 4, 'the second run answered', 30_000);
  });

  it('below the threshold the run starts without asking', async () => {
    const { world, driver } = await cockpit('5');
    await driver.waitFor(/: done completed/u, 30_000);
    expect(driver.output()).not.toContain('Start it?');
    expect(world.model.requests.length).toBe(2);
  });
});
