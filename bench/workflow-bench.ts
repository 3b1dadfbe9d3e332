// The workflow bench (issue 14): a workflow run in the cockpit, its agents as panes, against the
// bench's model server (its own process, 80 tokens/s per answer). A 4-agent run and a 200-agent
// run 16 at once; for each: key p99 (Tab to the next pane, until the status bar shows the new
// focus), CPU per 1,000 streamed tokens, peak RSS, the panes tiled at most, and how long the run
// view takes to open (`w`) and to move (`j`/`k`) while the run goes; then the figures of
// DESIGN.md §6 with ✓/✗ (key p99 ≤ 16 ms; run view opens and moves in ≤ 16 ms, read as p99).
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { agentmuxEntry, type AgentmuxEntry } from './render/agentmux-entry.js';
import { FAN_COLS, FAN_ROWS, startFanCockpit, tabLatency } from './render/fan-cockpit.js';
import { cpuMs, peakRssMb } from './render/proc-stats.js';
import type { PtyCockpit } from './render/pty-cockpit.js';
import { quantile } from './stats.js';
import { measureRunView } from './render/run-view-keys.js';
import { continueRows, runContinueProbe } from './workflow-continue.js';

type Scenario = {
  readonly agents: number;
  readonly concurrency: number;
  readonly answerSeconds: number;
  readonly keystrokes: number;
  /** Run view opens, and `j`/`k` moves in each. */
  readonly viewOpens: number;
  readonly movesPerOpen: number;
};

/** p50 and p99 of the keys that showed their result, and how many did not within 5 s. */
type Latency = { readonly p50: number; readonly p99: number; readonly count: number; readonly missed: number };

function latencyOf(samples: readonly (number | undefined)[]): Latency {
  const met = samples.flatMap((sample) => (sample === undefined ? [] : [sample]));
  return { p50: quantile(met, 0.5), p99: quantile(met, 0.99), count: met.length, missed: samples.length - met.length };
}

type Figures = Scenario & {
  readonly keyP50: number;
  readonly keyP99: number;
  readonly missed: number;
  readonly cpuMsPer1kTokens: number;
  readonly peakRssMb: number;
  readonly mostPanes: number;
  readonly runSeconds: number;
  readonly viewOpen: Latency;
  readonly viewMove: Latency;
  /** Whether the run was still going when the run view's keys ended (else they measured a finished run). */
  readonly viewWhileRunning: boolean;
};

const SCENARIOS: readonly Scenario[] = [
  { agents: 4, concurrency: 16, answerSeconds: 20, keystrokes: 150, viewOpens: 10, movesPerOpen: 6 },
  { agents: 200, concurrency: 16, answerSeconds: 3, keystrokes: 150, viewOpens: 20, movesPerOpen: 6 },
];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function panesShown(cockpit: PtyCockpit): number {
  return [...cockpit.screen().matchAll(/┌ (?:▶ )?\d+ item-\d+ ·/gu)].length;
}

/** Tab `count` times, 20–40 ms apart; each latency runs from the write to the chunk showing a new focus. */
async function measureKeys(cockpit: PtyCockpit, count: number, track: () => void): Promise<(number | undefined)[]> {
  const latencies: (number | undefined)[] = [];
  for (let key = 0; key < count; key++) {
    latencies.push(await tabLatency(cockpit));
    track();
    await sleep(20 + Math.random() * 20);
  }
  return latencies;
}

async function runScenario(entry: AgentmuxEntry, root: string, scenario: Scenario): Promise<Figures> {
  const fan = await startFanCockpit(entry, root, { agents: scenario.agents, concurrency: scenario.concurrency, answerSeconds: scenario.answerSeconds });
  const { cockpit, model, started } = fan;
  try {
    let mostPanes = 0;
    const track = (): void => {
      mostPanes = Math.max(mostPanes, panesShown(cockpit));
    };
    const before = { cpu: cpuMs(cockpit.pid), tokens: (await model.counts()).tokens };
    const latencies = await measureKeys(cockpit, scenario.keystrokes, track);
    const after = { cpu: cpuMs(cockpit.pid), tokens: (await model.counts()).tokens };
    const view = await measureRunView(cockpit, scenario.viewOpens, scenario.movesPerOpen);
    const viewWhileRunning = !/: done completed/u.test(cockpit.screen());
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
      viewOpen: latencyOf(view.open),
      viewMove: latencyOf(view.move),
      viewWhileRunning,
    };
  } finally {
    await fan.close();
  }
}

type Row = { readonly measure: string; readonly target: string; readonly figure: string; readonly meets: boolean | undefined };

const fixed = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : '—');

function latencyRow(measure: string, latency: Latency): Row {
  const missed = latency.missed > 0 ? `, ${latency.missed} missed` : '';
  return {
    measure: `${measure} (${latency.count} keys)`,
    target: 'p99 ≤ 16 ms',
    figure: `p50 ${fixed(latency.p50)} · p99 ${fixed(latency.p99)} ms${missed}`,
    meets: latency.p99 <= 16 && latency.missed === 0,
  };
}

/** The figures of DESIGN.md §6 for one run (issue 14's bench list), each with ✓/✗ where §6 sets a target. */
function figureRows(f: Figures): Row[] {
  const label = `${f.agents}-agent run, ${Math.min(f.agents, f.concurrency)} at once`;
  const viewNote = f.viewWhileRunning ? 'while it runs' : 'the run ended meanwhile';
  return [
    latencyRow(`${label}: keystroke → frame (Tab)`, { p50: f.keyP50, p99: f.keyP99, count: f.keystrokes - f.missed, missed: f.missed }),
    latencyRow(`${label}: run view opens (w, ${viewNote})`, f.viewOpen),
    latencyRow(`${label}: run view moves (j/k, ${viewNote})`, f.viewMove),
    { measure: `${label}: CPU of the process tree per 1,000 tokens (agent starts included)`, target: '— (§6: none for runs)', figure: `${fixed(f.cpuMsPer1kTokens)} ms`, meets: undefined },
    { measure: `${label}: peak RSS`, target: '— (1,000 agents: ≤ 400 MB, startup bench)', figure: `${fixed(f.peakRssMb, 0)} MB`, meets: undefined },
  ];
}

function print(rows: readonly Row[]): void {
  const width = Math.max(...rows.map((row) => row.measure.length));
  const targetWidth = Math.max(...rows.map((row) => row.target.length));
  const mark = (meets: boolean | undefined): string => (meets === undefined ? ' ' : meets ? '✓' : '✗');
  for (const row of rows) console.log(`  ${mark(row.meets)} ${row.measure.padEnd(width)}  ${row.target.padEnd(targetWidth)}  ${row.figure}`);
}

/** Runs both scenarios in `root` (a scratch folder) and prints one row each, then the §6 figures with ✓/✗. */
export async function runWorkflowBench(root: string): Promise<void> {
  const scratch = join(root, 'workflow');
  mkdirSync(scratch, { recursive: true });
  const entry = await agentmuxEntry(join(import.meta.dirname, '..'), scratch);
  console.log(`workflow: a run in the cockpit (${FAN_COLS}×${FAN_ROWS}), agents as panes; agentmux = ${entry.what}`);
  console.log('  agents  at once  key p50 ms  key p99 ms  missed  CPU ms/1k tok  peak RSS MB  most panes  run s');
  const all: Figures[] = [];
  // BENCH_WORKFLOW=continue measures only the continue of a finished 1,000-agent run.
  const only = process.env['BENCH_WORKFLOW'];
  for (const scenario of only === 'continue' ? [] : SCENARIOS) {
    const f = await runScenario(entry, scratch, scenario);
    all.push(f);
    console.log(
      `  ${String(f.agents).padStart(6)}  ${String(Math.min(f.agents, f.concurrency)).padStart(7)}  ${f.keyP50.toFixed(1).padStart(10)}  ${f.keyP99.toFixed(1).padStart(10)}  ${String(f.missed).padStart(6)}  ${f.cpuMsPer1kTokens.toFixed(1).padStart(13)}  ${f.peakRssMb.toFixed(0).padStart(11)}  ${String(f.mostPanes).padStart(10)}  ${f.runSeconds.toFixed(0).padStart(5)}`,
    );
  }
  const load = loadavg().map((value) => value.toFixed(2)).join(' ');
  const resumed = continueRows(await runContinueProbe(entry, scratch, 1000));
  const loadAfter = loadavg().map((value) => value.toFixed(2)).join(' ');
  console.log(`workflow: figures of DESIGN.md §6 (issue 14; load ${load}; after the continue ${loadAfter})`);
  print([...all.flatMap(figureRows), ...resumed]);
}
