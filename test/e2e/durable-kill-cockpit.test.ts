// e2e (issue 15, "a run survives kill -9 at any moment", cockpit): the real cockpit running a
// workflow is SIGKILLed mid-run again and again; each next cockpit (plain `agentmux`) offers the
// unfinished run, `C` continues it, and it is killed again; the last one runs it to the end.
// Agents that answered are never called again, agents cut off mid-turn continue their own
// sessions (their earlier tool rounds kept), nothing answered is lost.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startScriptedModel, type ScriptedModel } from '../../src/adapters/scripted-model/server.js';
import { tempDir } from './e2e-kit.js';
import { answeredTasks, env, expectSurvived, ITEMS, KILLS, killWorld, recordOf, roundReport, script, type BeforeKill, type RoundTimes } from './durable-kill-kit.js';
import { startAgentmux, type Driver } from './terminal-driver.js';

let model: ScriptedModel | undefined;
const dirs: string[] = [];
const drivers: Driver[] = [];
afterEach(async () => {
  for (const driver of drivers.splice(0)) {
    driver.kill();
    await driver.exited(10_000).catch(() => -1);
  }
  await model?.close();
  model = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** SIGKILLs the cockpit's own process (bin/agentmux.js runs it in-process) once `ready` holds. */
async function killWhen(driver: Driver, ready: () => boolean, what: string, spawned: number): Promise<RoundTimes> {
  await driver.waitUntil(ready, what, 90_000);
  const killed = Date.now();
  process.kill(driver.pid, 'SIGKILL');
  await driver.exited(10_000).catch(() => -1);
  return { spawned, killed, gone: Date.now() };
}

describe('agentmux e2e: a cockpit run survives kill -9', { timeout: 150_000 + Math.max(0, KILLS - 5) * 25_000 }, () => {
  it(`killed ${KILLS} times mid-run, each next cockpit offers it and C continues it: answered agents are not asked again, interrupted ones go on in their own sessions`, async () => {
    model = await startScriptedModel({ script });
    const m = model;
    const dir = tempDir();
    dirs.push(dir);
    const world = killWorld(dir);
    const { store } = world;
    const start = (args: readonly string[]): Driver => {
      const driver = startAgentmux({ args, cwd: dir, env: env(m.url) });
      drivers.push(driver);
      return driver;
    };
    const rounds: RoundTimes[] = [];
    const requestsPerRound: number[] = [];
    let spawned = Date.now();
    rounds.push(await killWhen(start(['run', './durable.js', '--approve', 'auto', '--sessions', 'store']), () => world.results() >= 1, 'one call answered', spawned));
    requestsPerRound.push(m.requests.length);
    const runId = world.runId();
    const answeredBefore: BeforeKill[] = [{ kill: 1, tasks: answeredTasks(store, runId), requests: m.requests.length }];
    for (let kill = 2; kill <= KILLS + 1; kill += 1) {
      const owed = answeredBefore.reduce((sum, { tasks }) => sum + tasks.size, 0);
      const before = m.requests.length;
      spawned = Date.now();
      const cockpit = start(['--layout', './solo.json', '--sessions', 'store']);
      await cockpit.waitFor(`unfinished run: ${runId} (durable)`, 60_000);
      cockpit.write('C');
      if (kill <= KILLS) {
        // Killed once it has served every call answered before (its `reused` lines) and answered one more.
        rounds.push(await killWhen(cockpit, () => world.results() >= kill && world.reusedLines() >= owed, `${kill} calls answered`, spawned));
        requestsPerRound.push(m.requests.length - before);
        answeredBefore.push({ kill, tasks: answeredTasks(store, runId), requests: m.requests.length });
        continue;
      }
      await cockpit.waitFor(`${runId}: done completed`, 90_000);
      rounds.push({ spawned, killed: 0, gone: Date.now() });
      requestsPerRound.push(m.requests.length - before);
    }
    const lines = recordOf(store, runId);
    const done = lines.at(-1);
    expect(done).toMatchObject({ type: 'done', status: 'completed' });
    expect(done?.type === 'done' && done.result).toEqual([...Array(ITEMS).keys()].map((i) => `answer for task ${i} after one tool round`));
    const { resumed, reused } = expectSurvived(m, lines, answeredBefore);
    console.log(roundReport(lines, rounds, requestsPerRound));
    console.log(`cockpit kill -9 ×${KILLS}: ${m.requests.length} model requests in all (a clean run makes ${ITEMS * 2}); ${resumed} agent sessions resumed; ${reused} calls reused; answered before each kill: ${answeredBefore.map(({ tasks }) => tasks.size).join(', ')}`);
  });
});
