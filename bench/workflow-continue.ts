// The cost of `run --continue` on a big finished run (issue 15): a headless fan of N agents runs
// to its end against the bench's model server, then its script gains one agent after the fan and
// the run is continued headless. Every one of the N calls is served from the record (each reused
// call's session is checked for a later revision), so the time from the continue's start to its
// first new model request, and the CPU the process used by then, are what a continue costs.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AgentmuxEntry } from './render/agentmux-entry.js';
import { cockpitEnv } from './render/cockpit-world.js';
import { writeFanScript } from './render/fan-workflow.js';
import { startModelProcess, type ModelProcess } from './render/model-process.js';
import { cpuMs } from './render/proc-stats.js';

/** What one continue measured. */
export type ContinueFigures = {
  readonly agents: number;
  readonly firstRunSeconds: number;
  /** Wall ms from spawning the continue to the model server's first new request. */
  readonly firstCallMs: number;
  /** CPU ms of the continue's process by then (its start-up included). */
  readonly cpuAtFirstCallMs: number;
  /** Wall ms of a bare `node -e 0` here, for scale. */
  readonly bareNodeMs: number;
  readonly reused: number;
};

function headless(entry: AgentmuxEntry, args: readonly string[], model: ModelProcess, cwd: string): ChildProcess {
  return spawn(process.execPath, [entry.script, ...args], {
    cwd,
    env: cockpitEnv({ ANTHROPIC_BASE_URL: model.url, ANTHROPIC_API_KEY: 'bench-key' }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function bareNodeMs(): Promise<number> {
  const start = performance.now();
  await exited(spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' }));
  return performance.now() - start;
}

/** Runs the fan of `agents` headless to its end, then measures one continue that adds a call. */
export async function runContinueProbe(entry: AgentmuxEntry, root: string, agents: number): Promise<ContinueFigures> {
  const dir = join(root, `continue-${agents}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const script = writeFanScript(dir, agents);
  const sessions = join(dir, 'sessions');
  const model = await startModelProcess({ BENCH_ANSWER_SECONDS: '0.1' });
  try {
    const begun = performance.now();
    const first = headless(entry, ['run', script, '--headless', '--sessions', sessions, '--concurrency', '64'], model, dir);
    if ((await exited(first)) !== 0) throw new Error(`the first run failed (exit code not 0)`);
    const firstRunSeconds = (performance.now() - begun) / 1000;
    const [runId] = readdirSync(join(sessions, 'runs'));
    if (runId === undefined) throw new Error('the first run left no record');
    // One call after the fan: the fan's keys stay as they were, so all of them are reused.
    const text = readFileSync(script, 'utf8').replace(/return answers[^\n]*\n/u, "return [answers.filter((answer) => answer !== null).length, await agent('one more after the fan', { label: 'after' })];\n");
    writeFileSync(script, text);
    const before = (await model.counts()).requests;
    const start = performance.now();
    const continued = headless(entry, ['run', '--continue', runId, '--headless', '--sessions', sessions], model, dir);
    const ended = exited(continued);
    let firstCallMs = Number.NaN;
    let cpuAtFirstCallMs = Number.NaN;
    for (const deadline = Date.now() + 600_000; Date.now() < deadline; ) {
      if ((await model.counts()).requests > before) {
        firstCallMs = performance.now() - start;
        cpuAtFirstCallMs = cpuMs(continued.pid ?? 0);
        break;
      }
      await sleep(2);
    }
    if ((await ended) !== 0) throw new Error('the continue failed (exit code not 0)');
    const record = readFileSync(join(sessions, 'runs', runId, 'run.jsonl'), 'utf8');
    const reused = record.split('\n').filter((line) => line.includes('"type":"reused"')).length;
    return { agents, firstRunSeconds, firstCallMs, cpuAtFirstCallMs, bareNodeMs: await bareNodeMs(), reused };
  } finally {
    await model.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The continue's figures as bench rows (target: about a second to the first new call). */
export function continueRows(f: ContinueFigures): { measure: string; target: string; figure: string; meets: boolean | undefined }[] {
  const label = `continue a finished ${f.agents.toLocaleString('en-US')}-agent run (${f.reused} reused, 1 new call; first run ${f.firstRunSeconds.toFixed(0)} s)`;
  return [
    { measure: `${label}: to the first new model call`, target: '≤ ~1 s', figure: `${f.firstCallMs.toFixed(0)} ms wall (bare node -e 0: ${f.bareNodeMs.toFixed(0)} ms)`, meets: f.firstCallMs <= 1000 },
    { measure: `${label}: CPU of the continue by then`, target: '—', figure: `${f.cpuAtFirstCallMs.toFixed(0)} ms`, meets: undefined },
  ];
}
