// e2e (the real binary on the scripted model): a workflow run's agents are panes — as many
// working ones as fit at 60×10 cells, finished ones make room — and the session browser lists the
// run with its agents and opens it in the run view; a 200-agent run completes with the cockpit usable.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerEcho, eventually, gate, makeWorld, replyScript, titlesOf, type World } from './e2e-kit.js';
import { KEYS, startAgentmux, type Driver } from './terminal-driver.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'workflows');

const worlds: World[] = [];
const drivers: Driver[] = [];
afterEach(async () => {
  for (const driver of drivers.splice(0)) driver.kill();
  await Promise.all(drivers.map((driver) => driver.exited().catch(() => -1)));
  for (const world of worlds.splice(0)) await world.close();
});

/** The record's lines of the store's only run. */
function recordTypes(sessions: string): string[] {
  const [run] = readdirSync(join(sessions, 'runs'));
  return readFileSync(join(sessions, 'runs', run ?? '', 'run.jsonl'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => /"type":"(\w+)"/u.exec(line)?.[1] ?? '?');
}

describe('agentmux e2e: workflow agents as panes', { timeout: 120_000 }, () => {
  it('tiles as many working agents as fit at 60×10, lets finished ones make room, and the browser lists the run with its agents', async () => {
    const held = gate();
    const world = await makeWorld({ script: replyScript((text) => ({ text: `answer to ${text}`, hold: { afterDeltas: 1, until: held.until } })) });
    worlds.push(world);
    // 120×30: a pane area of 120×28, room for 2×2 panes of 60×10.
    const driver = startAgentmux({
      args: ['run', join(FIXTURES, 'fan.js'), '--sessions', world.sessions],
      cwd: world.dir,
      cols: 120,
      rows: 30,
      env: { ANTHROPIC_BASE_URL: world.model.url, ANTHROPIC_API_KEY: 'test-key' },
    });
    drivers.push(driver);
    await eventually(() => world.model.requests.length, (count) => count >= 6, 'all six agents asking the model', 30_000);
    await driver.waitUntil((screen) => /6 streaming/u.test(screen), 'six agents streaming');
    const working = titlesOf(driver.screen());
    expect(working).toHaveLength(4);
    expect(working.map((title) => title.replace(/^(▶ )?\d+ /u, ''))).toEqual(['part-1', 'part-2', 'part-3', 'part-4']);

    // A hidden agent is brought back by focusing it.
    driver.write(':select-pane -t part-6\r');
    await driver.waitUntil((screen) => titlesOf(screen).some((title) => title.startsWith('▶ 6 part-6')), 'part-6 focused in a pane');
    expect(titlesOf(driver.screen())).toHaveLength(4);

    held.release();
    await driver.waitFor(/: done completed/u, 30_000);
    // Done: the panes show the last to finish, four of them, the focused one among them.
    expect(titlesOf(driver.screen())).toHaveLength(4);
    expect(recordTypes(world.sessions).filter((type) => type === 'result')).toHaveLength(6);

    driver.write('S');
    await driver.waitFor(/▸ fan \w+ +completed · 6 agents/u);
    expect(driver.screen()).not.toMatch(/[ ●] {3}part-1 /u);
    driver.write(' ');
    await driver.waitFor(/[ ●] {3}part-1 +claude/u);
    expect(driver.screen()).toMatch(/[ ●] {3}part-6 +claude/u);
    // Enter opens the run in the run view, whole: its agents done, its result.
    driver.write(KEYS.enter);
    await driver.waitUntil((screen) => /workflow runs —/u.test(screen) && /= result:/u.test(screen), 'the run view on the run');
    expect(driver.screen()).toMatch(/▾ fan \(\w+\) completed · 6 done/u);
    expect(driver.screen()).toMatch(/part-3 +done/u);
  });

  it('runs 200 agents through the concurrency cap on the scripted model, never tiling more than fit', async () => {
    const world = await makeWorld({ script: answerEcho });
    worlds.push(world);
    // 200×50: a pane area of 200×48, room for 3×4 panes of 60×10.
    const driver = startAgentmux({
      args: ['run', join(FIXTURES, 'two-hundred.js'), '--sessions', world.sessions, '--concurrency', '16'],
      cwd: world.dir,
      cols: 200,
      rows: 50,
      env: { ANTHROPIC_BASE_URL: world.model.url, ANTHROPIC_API_KEY: 'test-key' },
    });
    drivers.push(driver);
    let most = 0;
    await driver.waitUntil((screen) => {
      most = Math.max(most, titlesOf(screen).length);
      return /: done completed/u.test(screen);
    }, 'the 200-agent run done', 100_000);
    expect(most).toBeLessThanOrEqual(12);
    expect(titlesOf(driver.screen())).toHaveLength(12);
    const [run] = readdirSync(join(world.sessions, 'runs'));
    const done = readFileSync(join(world.sessions, 'runs', run ?? '', 'run.jsonl'), 'utf8').trimEnd().split('\n').at(-1);
    expect(done).toMatch(/"status":"completed","result":\{"answered":200\}/u);
    // The cockpit still answers keys: the browser lists the run with its 200 agents.
    driver.write('S');
    await driver.waitFor(/▸ two-hundred \w+ +completed · 200 agents/u);
  });
});
