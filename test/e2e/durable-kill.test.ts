// e2e (issue 15): `agentmux run FILE --headless` SIGKILLed mid-run again and again, each time
// continued with `agentmux run --continue RUN --headless` (the real binary, the real SDK against
// the scripted model in this process): agents that answered are never called again, agents cut
// off mid-turn continue their own sessions (their earlier tool rounds kept), nothing answered is lost.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startScriptedModel, type ScriptedModel } from '../../src/adapters/scripted-model/server.js';
import { runAgentmux, tempDir } from './e2e-kit.js';
import { ALL_ANSWERS, answeredTasks, env, expectSurvived, ITEMS, KILLS, killWorld, recordOf, roundReport, runAndKill, script, type BeforeKill, type RoundTimes } from './durable-kill-kit.js';

let model: ScriptedModel | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await model?.close();
  model = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('agentmux e2e: a headless run survives kill -9', { timeout: 120_000 + Math.max(0, KILLS - 5) * 15_000 }, () => {
  it(`killed ${KILLS} times mid-run and continued: answered agents are never called again, interrupted ones go on in their own sessions`, async () => {
    model = await startScriptedModel({ script });
    const m = model;
    const dir = tempDir();
    dirs.push(dir);
    const world = killWorld(dir);
    const { store } = world;
    const rounds: RoundTimes[] = [];
    const requestsPerRound: number[] = [];
    // Kill k lands once k calls have answered, so every kill finds some agents answered and others mid-turn.
    rounds.push(await runAndKill(['run', './durable.js', '--headless', '--approve', 'auto', '--sessions', 'store'], dir, m.url, () => world.results() >= 1));
    requestsPerRound.push(m.requests.length);
    expect(existsSync(join(store, 'runs'))).toBe(true);
    const runId = world.runId();
    const answeredBefore: BeforeKill[] = [{ kill: 1, tasks: answeredTasks(store, runId), requests: m.requests.length }];
    for (let kill = 2; kill <= KILLS; kill += 1) {
      // A killed run may have answered more than `kill - 1` calls, so `results() >= kill` can hold
      // at once: this continue is killed only once it has also served every call answered before
      // it (its `reused` lines), which is what expectSurvived counts.
      const owed = answeredBefore.reduce((sum, { tasks }) => sum + tasks.size, 0);
      const before = m.requests.length;
      rounds.push(await runAndKill(['run', '--continue', runId, '--headless', '--approve', 'auto', '--sessions', 'store'], dir, m.url, () => world.results() >= kill && world.reusedLines() >= owed));
      requestsPerRound.push(m.requests.length - before);
      answeredBefore.push({ kill, tasks: answeredTasks(store, runId), requests: m.requests.length });
    }
    const lastSpawned = Date.now();
    const requestsBeforeLast = m.requests.length;
    // A workflow run starts a worker and agents: more than a flag check needs on a loaded machine.
    const last = await runAgentmux(['run', '--continue', runId, '--headless', '--approve', 'auto', '--sessions', 'store'], dir, env(m.url), 60_000);
    rounds.push({ spawned: lastSpawned, killed: 0, gone: Date.now() });
    requestsPerRound.push(m.requests.length - requestsBeforeLast);
    expect(last.stderr).toContain('done completed');
    expect(last.status).toBe(0);
    expect(JSON.parse(last.stdout)).toEqual(ALL_ANSWERS);
    const lines = recordOf(store, runId);
    const { resumed, reused } = expectSurvived(m, lines, answeredBefore);
    console.log(roundReport(lines, rounds, requestsPerRound));
    console.log(`headless kill -9 ×${KILLS}: ${m.requests.length} model requests in all (a clean run makes ${ITEMS * 2}); ${resumed} agent sessions resumed; ${reused} calls reused; answered before each kill: ${answeredBefore.map(({ tasks }) => tasks.size).join(', ')}`);
  });
});
