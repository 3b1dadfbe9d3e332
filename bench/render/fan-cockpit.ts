// The one fan-out probe the workflow benches share (bench/workflow-bench.ts: 4 and 200 agents;
// bench/startup/workflow-thousand.ts: 1,000): a cockpit running the fan script of N agents against
// the bench's model server (its own process), the wait until the first agents stream, one Tab's
// latency until the focus moves, and the teardown.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AgentmuxEntry } from './agentmux-entry.js';
import { cockpitEnv } from './cockpit-world.js';
import { focusedFanAgent, writeFanScript } from './fan-workflow.js';
import { startModelProcess, type ModelProcess } from './model-process.js';
import { startPtyCockpit, type PtyCockpit } from './pty-cockpit.js';

export const FAN_COLS = 200;
export const FAN_ROWS = 60;
const KEY_TIMEOUT_MS = 5000;

/** A fan run in a cockpit: its scratch folder, the model server, the cockpit, when it started. */
export type FanCockpit = {
  readonly dir: string;
  readonly model: ModelProcess;
  readonly cockpit: PtyCockpit;
  readonly started: number;
  /** Quits the cockpit (answering the run question), stops the model, removes the folder. */
  close(): Promise<void>;
};

export type FanOptions = {
  readonly agents: number;
  readonly concurrency: number;
  /** How long each answer streams (the model server's BENCH_ANSWER_SECONDS). */
  readonly answerSeconds: number;
  readonly nodeArgs?: readonly string[];
};

/** Starts `agentmux run fan-N.js` in a cockpit under `root` and waits until min(N, concurrency) agents stream. */
export async function startFanCockpit(entry: AgentmuxEntry, root: string, options: FanOptions): Promise<FanCockpit> {
  const dir = join(root, `workflow-${options.agents}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const script = writeFanScript(dir, options.agents);
  const model = await startModelProcess({ BENCH_ANSWER_SECONDS: String(options.answerSeconds) });
  const started = performance.now();
  const cockpit = startPtyCockpit({
    script: entry.script,
    args: ['run', script, '--sessions', join(dir, 'sessions'), '--concurrency', String(options.concurrency)],
    env: cockpitEnv({ ANTHROPIC_BASE_URL: model.url, ANTHROPIC_API_KEY: 'bench-key' }),
    cwd: dir,
    cols: FAN_COLS,
    rows: FAN_ROWS,
    nodeArgs: [...(options.nodeArgs ?? [])],
  });
  const close = async (): Promise<void> => {
    cockpit.write('q');
    if ((await cockpit.exited(10_000)) === undefined) {
      cockpit.write('y');
      await cockpit.exited(5000);
    }
    cockpit.kill();
    await model.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const working = Math.min(options.agents, options.concurrency);
    for (const deadline = Date.now() + 60_000; (await model.counts()).streaming < working; ) {
      if (Date.now() > deadline) throw new Error(`the run's agents did not start streaming; screen:\n${cockpit.screen()}`);
      await sleep(100);
    }
  } catch (thrown) {
    await close();
    throw thrown;
  }
  return { dir, model, cockpit, started, close };
}

/** One Tab: ms from the write until the status bar focuses another agent (or `ended` holds); undefined past 5 s. */
export async function tabLatency(cockpit: PtyCockpit, ended: (c: PtyCockpit) => boolean = () => false): Promise<number | undefined> {
  const before = focusedFanAgent(cockpit);
  const sentAt = performance.now();
  cockpit.write('\t');
  try {
    const met = await cockpit.waitUntil((c) => focusedFanAgent(c) !== before || ended(c), 'a new focus', KEY_TIMEOUT_MS);
    return met.at - sentAt;
  } catch {
    return undefined;
  }
}
