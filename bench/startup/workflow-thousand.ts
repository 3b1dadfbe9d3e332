// A 1,000-agent workflow run (DESIGN.md §6): a script fans out 1,000 agents, 16 at once, against
// the bench's model server (its own process: the scripted model, 80 tokens/s, short answers) in the
// cockpit. Tab is pressed every ~150 ms from the first stream to the run's end; key p99 covers the
// whole run. RSS is sampled at every key; the peak is the kernel's high-water mark.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AgentmuxEntry } from '../render/agentmux-entry.js';
import { cockpitEnv } from '../render/cockpit-world.js';
import { startModelProcess } from '../render/model-process.js';
import { peakRssMb, rssMb } from '../render/proc-stats.js';
import { startPtyCockpit, type PtyCockpit } from '../render/pty-cockpit.js';
import { focusedFanAgent, writeFanScript } from '../render/fan-workflow.js';

const COLS = 200;
const ROWS = 60;
const KEY_TIMEOUT_MS = 5000;

/** What the run measured. */
export type ThousandFigures = {
  readonly agents: number;
  readonly concurrency: number;
  readonly latenciesMs: readonly number[];
  readonly missed: number;
  readonly peakRssMb: number;
  /** RSS at the last sample before the run ended (what stays, vs the transient peak). */
  readonly endRssMb: number;
  readonly runSeconds: number;
  readonly answered: number;
};

/** The status bar says the run completed (`fan-1000 · completed · 1000 done`), or a message says it ended. */
const runDone = (cockpit: PtyCockpit): boolean => /· completed · \d+ done|: done completed/u.test(cockpit.screen());

/** Runs the 1,000-agent workflow once in `root` (a scratch folder). */
export async function runThousandAgents(entry: AgentmuxEntry, root: string, agents = 1000, concurrency = 16, cpuProfDir?: string): Promise<ThousandFigures> {
  const dir = join(root, `workflow-${agents}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const script = writeFanScript(dir, agents);
  const model = await startModelProcess({ BENCH_ANSWER_SECONDS: '1' });
  const started = performance.now();
  const cockpit = startPtyCockpit({
    script: entry.script,
    args: ['run', script, '--sessions', join(dir, 'sessions'), '--concurrency', String(concurrency)],
    env: cockpitEnv({ ANTHROPIC_BASE_URL: model.url, ANTHROPIC_API_KEY: 'bench-key' }),
    cwd: dir,
    cols: COLS,
    rows: ROWS,
    nodeArgs: cpuProfDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`],
  });
  try {
    for (const deadline = Date.now() + 60_000; (await model.counts()).streaming < concurrency; ) {
      if (Date.now() > deadline) throw new Error(`the run's agents did not start streaming; screen:\n${cockpit.screen()}`);
      await sleep(100);
    }
    const latencies: number[] = [];
    let missed = 0;
    let endRss = 0;
    const runDeadline = Date.now() + 900_000;
    while (!runDone(cockpit)) {
      if (Date.now() > runDeadline) throw new Error(`the run did not end in 15 min; screen:\n${cockpit.screen()}`);
      const before = focusedFanAgent(cockpit);
      const sentAt = performance.now();
      cockpit.write('\t');
      try {
        const met = await cockpit.waitUntil((c) => focusedFanAgent(c) !== before || runDone(c), 'a new focus', KEY_TIMEOUT_MS);
        if (!runDone(cockpit)) latencies.push(met.at - sentAt);
      } catch {
        missed += 1;
      }
      endRss = rssMb(cockpit.pid);
      await sleep(100 + Math.random() * 100);
    }
    const answered = (await model.counts()).requests;
    return {
      agents,
      concurrency,
      latenciesMs: latencies,
      missed,
      peakRssMb: peakRssMb(cockpit.pid),
      endRssMb: endRss,
      runSeconds: (performance.now() - started) / 1000,
      answered,
    };
  } finally {
    cockpit.write('q');
    if ((await cockpit.exited(10_000)) === undefined) {
      cockpit.write('y');
      await cockpit.exited(5000);
    }
    cockpit.kill();
    await model.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
