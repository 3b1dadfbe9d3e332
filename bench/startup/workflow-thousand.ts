// A 1,000-agent workflow run (DESIGN.md §6): a script fans out 1,000 agents, 16 at once, against
// the bench's model server (its own process: the scripted model, 80 tokens/s, short answers) in the
// cockpit. Tab is pressed every ~150 ms from the first stream to the run's end; key p99 covers the
// whole run. RSS is sampled at every key; the peak is the kernel's high-water mark. The cockpit,
// the model and the Tab probe are bench/render/fan-cockpit.ts's, shared with bench/workflow-bench.ts.
import { setTimeout as sleep } from 'node:timers/promises';
import type { AgentmuxEntry } from '../render/agentmux-entry.js';
import { startFanCockpit, tabLatency } from '../render/fan-cockpit.js';
import { peakRssMb, rssMb } from '../render/proc-stats.js';
import type { PtyCockpit } from '../render/pty-cockpit.js';

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
  const fan = await startFanCockpit(entry, root, {
    agents,
    concurrency,
    answerSeconds: 1,
    nodeArgs: cpuProfDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`],
  });
  const { cockpit, model, started } = fan;
  try {
    const latencies: number[] = [];
    let missed = 0;
    let endRss = 0;
    const runDeadline = Date.now() + 900_000;
    while (!runDone(cockpit)) {
      if (Date.now() > runDeadline) throw new Error(`the run did not end in 15 min; screen:\n${cockpit.screen()}`);
      const latency = await tabLatency(cockpit, runDone);
      if (latency === undefined) missed += 1;
      else if (!runDone(cockpit)) latencies.push(latency);
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
    await fan.close();
  }
}
