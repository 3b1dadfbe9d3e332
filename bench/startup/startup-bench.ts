// Issue 17's start and memory figures (DESIGN.md §6), each with ✓/✗ against its target: cold start
// with 32 panes and 500 stored sessions beside bare `node -e 0`, heap per 100k transcript lines,
// and a 1,000-agent workflow run's RSS and key p99. `BENCH_STARTUP=cold,heap,thousand` picks parts.
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { agentmuxEntry } from '../render/agentmux-entry.js';
import { runColdStart } from '../render/cold-start.js';
import { startModelProcess } from '../render/model-process.js';
import { quantile } from '../stats.js';
import { bareNodeMs } from './bare-node.js';
import { measureHeapPerLines } from './heap-per-lines.js';
import { runThousandAgents } from './workflow-thousand.js';

const Part = z.enum(['cold', 'heap', 'thousand']);
const Env = z.object({
  BENCH_STARTUP: z
    .string()
    .default('cold,heap,thousand')
    .transform((value) => value.split(',').filter((part) => part !== ''))
    .pipe(z.array(Part)),
  /** A folder for V8 CPU profiles of each cold start (`--cpu-prof`). */
  BENCH_CPU_PROF: z.string().min(1).optional(),
});

type Row = { readonly measure: string; readonly target: string; readonly figure: string; readonly meets: boolean };

const f = (value: number, digits = 0): string => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const median = (values: readonly number[]): number => quantile(values, 0.5);

function print(rows: readonly Row[]): void {
  const width = Math.max(...rows.map((row) => row.measure.length));
  const targetWidth = Math.max(...rows.map((row) => row.target.length));
  for (const row of rows) console.log(`  ${row.meets ? '✓' : '✗'} ${row.measure.padEnd(width)}  ${row.target.padEnd(targetWidth)}  ${row.figure}`);
}

async function coldRows(root: string, cpuProfDir: string | undefined): Promise<Row[]> {
  const scratch = join(root, 'startup');
  mkdirSync(scratch, { recursive: true });
  const entry = await agentmuxEntry(join(import.meta.dirname, '..', '..'), scratch);
  console.log(`startup: agentmux = ${entry.what}`);
  const model = await startModelProcess();
  try {
    const bare = await bareNodeMs(10);
    const cold = await runColdStart({ entry, model, scratch, cpuProfDir }, 10);
    const startMedian = median(cold.startsMs);
    const inside = cold.inProcess;
    const insideText =
      inside === undefined || inside.wallMs.length === 0
        ? ''
        : ` · in agentmux (its log, ${inside.wallMs.length} runs): first frame at median ${f(median(inside.wallMs))} ms of its clock, ${f(median(inside.cpuMs))} ms CPU`;
    return [
      {
        measure: `cold start to first frame, ${cold.panes} panes, ${cold.sessions} stored sessions (${cold.startsMs.length} runs)`,
        target: '≤ 150 ms',
        figure: `median ${f(startMedian)} ms (min ${f(Math.min(...cold.startsMs))} · max ${f(Math.max(...cold.startsMs))}; CPU to first frame ${f(median(cold.cpuToFirstFrameMs))} ms) · bare node -e 0: median ${f(median(bare))} ms${insideText}`,
        meets: startMedian <= 150,
      },
    ];
  } finally {
    await model.close();
  }
}

function heapRows(): Row[] {
  const runs = measureHeapPerLines(3);
  const total = median(runs.map((run) => run.totalMb));
  return [
    {
      measure: `heap per 100k transcript lines (one session loaded as the cockpit does, ${runs.length} runs)`,
      target: '≤ 20 MB',
      figure: `median ${f(total, 1)} MB (session ${f(median(runs.map((run) => run.sessionMb)), 1)} + pane transcript ${f(median(runs.map((run) => run.transcriptMb)), 1)}; ${runs[0]?.rows ?? 0} rows)`,
      meets: total <= 20,
    },
  ];
}

async function thousandRows(root: string): Promise<Row[]> {
  const scratch = join(root, 'startup');
  mkdirSync(scratch, { recursive: true });
  const entry = await agentmuxEntry(join(import.meta.dirname, '..', '..'), scratch);
  const run = await runThousandAgents(entry, scratch);
  const p99 = quantile(run.latenciesMs, 0.99);
  const label = `${run.agents.toLocaleString('en-US')}-agent workflow run, ${run.concurrency} at once (${f(run.runSeconds)} s, ${run.answered} answers)`;
  return [
    { measure: `${label}: peak RSS`, target: '≤ 400 MB', figure: `${f(run.peakRssMb)} MB (at the end ${f(run.endRssMb)} MB)`, meets: run.peakRssMb <= 400 },
    {
      measure: `${label}: keystroke → frame (${run.latenciesMs.length} keys)`,
      target: 'p99 ≤ 16 ms',
      figure: `p50 ${f(quantile(run.latenciesMs, 0.5), 1)} · p99 ${f(p99, 1)} ms${run.missed > 0 ? `, ${run.missed} missed` : ''}`,
      meets: p99 <= 16 && run.missed === 0,
    },
  ];
}

/** Runs the chosen parts in `root` (a scratch folder) and prints their rows. */
export async function runStartupBench(root: string): Promise<void> {
  const env = Env.parse(process.env);
  const rows: Row[] = [];
  if (env.BENCH_STARTUP.includes('cold')) rows.push(...(await coldRows(root, env.BENCH_CPU_PROF)));
  if (env.BENCH_STARTUP.includes('heap')) rows.push(...heapRows());
  if (env.BENCH_STARTUP.includes('thousand')) rows.push(...(await thousandRows(root)));
  const load = loadavg().map((value) => value.toFixed(2)).join(' ');
  console.log(`startup and memory: figures of DESIGN.md §6 (issue 17; load ${load})`);
  print(rows);
}
