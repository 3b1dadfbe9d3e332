// The workflow bench (issue 14): a workflow run in the cockpit, its agents as panes, against the
// bench's model server (its own process, 80 tokens/s per answer). A 4-agent run and a 200-agent
// run 16 at once; for each: key p99 (Tab to the next pane, until the status bar shows the new
// focus), CPU per 1,000 streamed tokens, peak RSS, and the panes tiled at most.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { agentmuxEntry, type AgentmuxEntry } from './render/agentmux-entry.js';
import { cockpitEnv } from './render/cockpit-world.js';
import { startModelProcess, type ModelProcess } from './render/model-process.js';
import { cpuMs, peakRssMb } from './render/proc-stats.js';
import { startPtyCockpit, type PtyCockpit } from './render/pty-cockpit.js';
import { quantile } from './stats.js';
import { focusedFanAgent, writeFanScript } from './render/fan-workflow.js';

const COLS = 200;
const ROWS = 60;
const KEY_TIMEOUT_MS = 5000;

type Scenario = { readonly agents: number; readonly concurrency: number; readonly answerSeconds: number; readonly keystrokes: number };

type Figures = Scenario & {
  readonly keyP50: number;
  readonly keyP99: number;
  readonly missed: number;
  readonly cpuMsPer1kTokens: number;
  readonly peakRssMb: number;
  readonly mostPanes: number;
  readonly runSeconds: number;
};

const SCENARIOS: readonly Scenario[] = [
  { agents: 4, concurrency: 16, answerSeconds: 20, keystrokes: 150 },
  { agents: 200, concurrency: 16, answerSeconds: 3, keystrokes: 150 },
];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function panesShown(cockpit: PtyCockpit): number {
  return [...cockpit.screen().matchAll(/┌ (?:▶ )?\d+ item-\d+ ·/gu)].length;
}

/** Tab `count` times, 20–40 ms apart; each latency runs from the write to the chunk showing a new focus. */
async function measureKeys(cockpit: PtyCockpit, count: number, track: () => void): Promise<(number | undefined)[]> {
  const latencies: (number | undefined)[] = [];
  for (let key = 0; key < count; key++) {
    const before = focusedFanAgent(cockpit);
    const sentAt = performance.now();
    cockpit.write('\t');
    try {
      const met = await cockpit.waitUntil((c) => focusedFanAgent(c) !== before, 'a new focus', KEY_TIMEOUT_MS);
      latencies.push(met.at - sentAt);
    } catch {
      latencies.push(undefined);
    }
    track();
    await sleep(20 + Math.random() * 20);
  }
  return latencies;
}

async function runScenario(entry: AgentmuxEntry, root: string, scenario: Scenario): Promise<Figures> {
  const dir = join(root, `workflow-${scenario.agents}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const script = writeFanScript(dir, scenario.agents);
  const model: ModelProcess = await startModelProcess({ BENCH_ANSWER_SECONDS: String(scenario.answerSeconds) });
  const started = performance.now();
  const cockpit = startPtyCockpit({
    script: entry.script,
    args: ['run', script, '--sessions', join(dir, 'sessions'), '--concurrency', String(scenario.concurrency)],
    env: cockpitEnv({ ANTHROPIC_BASE_URL: model.url, ANTHROPIC_API_KEY: 'bench-key' }),
    cwd: dir,
    cols: COLS,
    rows: ROWS,
  });
  try {
    let mostPanes = 0;
    const track = (): void => {
      mostPanes = Math.max(mostPanes, panesShown(cockpit));
    };
    const working = Math.min(scenario.agents, scenario.concurrency);
    for (const deadline = Date.now() + 60_000; (await model.counts()).streaming < working; ) {
      if (Date.now() > deadline) throw new Error(`the run's agents did not start streaming; screen:\n${cockpit.screen()}`);
      await sleep(100);
    }
    const before = { cpu: cpuMs(cockpit.pid), tokens: (await model.counts()).tokens };
    const latencies = await measureKeys(cockpit, scenario.keystrokes, track);
    const after = { cpu: cpuMs(cockpit.pid), tokens: (await model.counts()).tokens };
    await cockpit.waitUntil(
      (c) => {
        track();
        return /: done completed/u.test(c.screen());
      },
      'the run done',
      600_000,
    );
    const runSeconds = (performance.now() - started) / 1000;
    const met = latencies.flatMap((latency) => (latency === undefined ? [] : [latency]));
    return {
      ...scenario,
      keyP50: quantile(met, 0.5),
      keyP99: quantile(met, 0.99),
      missed: latencies.length - met.length,
      cpuMsPer1kTokens: ((after.cpu - before.cpu) * 1000) / Math.max(1, after.tokens - before.tokens),
      peakRssMb: peakRssMb(cockpit.pid),
      mostPanes,
      runSeconds,
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

/** Runs both scenarios in `root` (a scratch folder) and prints one row each. */
export async function runWorkflowBench(root: string): Promise<void> {
  const scratch = join(root, 'workflow');
  mkdirSync(scratch, { recursive: true });
  const entry = await agentmuxEntry(join(import.meta.dirname, '..'), scratch);
  console.log(`workflow: a run in the cockpit (${COLS}×${ROWS}), agents as panes; agentmux = ${entry.what}`);
  console.log('  agents  at once  key p50 ms  key p99 ms  missed  CPU ms/1k tok  peak RSS MB  most panes  run s');
  for (const scenario of SCENARIOS) {
    const f = await runScenario(entry, scratch, scenario);
    console.log(
      `  ${String(f.agents).padStart(6)}  ${String(Math.min(f.agents, f.concurrency)).padStart(7)}  ${f.keyP50.toFixed(1).padStart(10)}  ${f.keyP99.toFixed(1).padStart(10)}  ${String(f.missed).padStart(6)}  ${f.cpuMsPer1kTokens.toFixed(1).padStart(13)}  ${f.peakRssMb.toFixed(0).padStart(11)}  ${String(f.mostPanes).padStart(10)}  ${f.runSeconds.toFixed(0).padStart(5)}`,
    );
  }
}
