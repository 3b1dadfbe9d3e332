// The rendering bench's table: each figure of DESIGN.md §6 next to its target, ✓ or ✗.
import { cpus, loadavg } from 'node:os';
import { quantile } from '../stats.js';
import type { ColdStartFigures } from './cold-start.js';
import type { StreamingFigures } from './streaming-scenario.js';

/** One printed row: what, the target, the figure, and whether it meets the target (undefined: no target). */
export type ReportRow = { readonly measure: string; readonly target: string; readonly figure: string; readonly meets: boolean | undefined };

const fixed = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : '—');

function latencyTarget(agents: number): number {
  return agents > 32 ? 16 : 10;
}

/** The rows for one streaming scenario. */
function scenarioRows(figures: StreamingFigures): ReportRow[] {
  const label = `${figures.agents} agents, ${figures.linesPerPane.toLocaleString('en-US')} lines/pane`;
  const p50 = quantile(figures.latenciesMs, 0.5);
  const p99 = quantile(figures.latenciesMs, 0.99);
  const target = latencyTarget(figures.agents);
  const missed = figures.missedKeystrokes > 0 ? `, ${figures.missedKeystrokes} missed` : '';
  const rows: ReportRow[] = [
    {
      measure: `${label}: keystroke → frame (${figures.latenciesMs.length} keys)`,
      target: `p99 ≤ ${target} ms`,
      figure: `p50 ${fixed(p50)} · p99 ${fixed(p99)} ms${missed}`,
      meets: p99 <= target && figures.missedKeystrokes === 0,
    },
    {
      measure: `${label}: CPU of the process tree per 1,000 tokens (${fixed(figures.tokensPerSecondPerAgent, 0)} tok/s/agent, after ${fixed(figures.warmupMs / 1000, 0)} s)`,
      target: '≤ 30 ms',
      figure: `${fixed(figures.cpuMsPer1kTokens)} ms`,
      meets: figures.cpuMsPer1kTokens <= 30,
    },
    {
      measure: `${label}: the same over the first ${fixed(figures.cpuWindowMs / 1000, 0)} s of streaming (JIT warming up)`,
      target: '—',
      figure: `${fixed(figures.coldCpuMsPer1kTokens)} ms`,
      meets: undefined,
    },
    {
      measure: `${label}: bytes to the terminal per token`,
      target: figures.agents <= 32 ? '≤ 40' : '—',
      figure: fixed(figures.bytesPerToken),
      meets: figures.agents <= 32 ? figures.bytesPerToken <= 40 : undefined,
    },
    {
      measure: `${label}: frames/s while streaming`,
      target: '≤ 60',
      figure: fixed(figures.streamingFramesPerSecond),
      meets: figures.streamingFramesPerSecond <= 60,
    },
    {
      measure: `${label}: frames/s while idle (${figures.idleBytes} bytes)`,
      target: '0',
      figure: fixed(figures.idleFramesPerSecond, 2),
      meets: figures.idleFramesPerSecond === 0,
    },
    {
      measure: `${label}: peak RSS`,
      target: figures.agents === 32 && figures.linesPerPane === 0 ? '≤ 200 MB' : '—',
      figure: `${fixed(figures.peakRssMb, 0)} MB`,
      meets: figures.agents === 32 && figures.linesPerPane === 0 ? figures.peakRssMb <= 200 : undefined,
    },
  ];
  return rows;
}

/** Rows that compare scenarios: CPU flat over lines per pane, memory per 100k lines. */
function comparisonRows(streaming: readonly StreamingFigures[]): ReportRow[] {
  const base = streaming.find((figures) => figures.linesPerPane === 0);
  const rows: ReportRow[] = [];
  if (base === undefined) return rows;
  for (const figures of streaming) {
    if (figures.linesPerPane === 0 || figures.agents !== base.agents) continue;
    const ratio = figures.cpuMsPer1kTokens / base.cpuMsPer1kTokens;
    const lines = figures.linesPerPane.toLocaleString('en-US');
    rows.push({
      measure: `${figures.agents} agents: CPU per 1,000 tokens at ${lines} vs 0 lines/pane`,
      target: 'flat (≤ 1.15×)',
      figure: `${fixed(ratio, 2)}×`,
      meets: ratio <= 1.15,
    });
    const perHundredK = ((figures.peakRssMb - base.peakRssMb) / (figures.agents * figures.linesPerPane)) * 100_000;
    // RSS, not heap: the ≤ 20 MB heap target is checked by the startup bench (it reads the heap in-process).
    rows.push({
      measure: `peak RSS growth per 100k lines (${lines} lines × ${figures.agents} panes; heap target: startup bench)`,
      target: '—',
      figure: `${fixed(perHundredK)} MB RSS`,
      meets: undefined,
    });
  }
  return rows;
}

function coldStartRow(cold: ColdStartFigures): ReportRow {
  const median = quantile(cold.startsMs, 0.5);
  return {
    measure: `cold start to first frame, ${cold.panes} panes, ${cold.sessions} stored sessions (${cold.startsMs.length} runs)`,
    target: '≤ 150 ms',
    figure: `median ${fixed(median, 0)} · max ${fixed(Math.max(...cold.startsMs), 0)} ms (CPU to first frame: median ${fixed(quantile(cold.cpuToFirstFrameMs, 0.5), 0)} ms)`,
    meets: median <= 150,
  };
}

/** The rows of the streaming scenarios alone (CPU, bytes, frames, keys, RSS), in print order. */
export function streamingReportRows(streaming: readonly StreamingFigures[]): ReportRow[] {
  return [...streaming.flatMap(scenarioRows), ...comparisonRows(streaming)];
}

/** Every row of the report, in print order. */
export function renderReportRows(streaming: readonly StreamingFigures[], cold: ColdStartFigures): ReportRow[] {
  return [...streamingReportRows(streaming), coldStartRow(cold)];
}

/** Prints the table (aligned columns). */
export function printRenderReport(streaming: readonly StreamingFigures[], cold: ColdStartFigures): void {
  printReportRows(renderReportRows(streaming, cold));
}

/** Prints rows as an aligned table with ✓/✗, under a line naming the machine and its load. */
export function printReportRows(rows: readonly ReportRow[]): void {
  const width = Math.max(...rows.map((row) => row.measure.length));
  const targetWidth = Math.max(...rows.map((row) => row.target.length));
  const load = loadavg().map((value) => value.toFixed(1)).join(' ');
  console.log(`render: figures of DESIGN.md §6 (agentmux in a 200×60 pty, model server in its own process; ${cpus().length} cores, load ${load})`);
  for (const row of rows) {
    const mark = row.meets === undefined ? ' ' : row.meets ? '✓' : '✗';
    console.log(`  ${mark} ${row.measure.padEnd(width)}  ${row.target.padEnd(targetWidth)}  ${row.figure}`);
  }
  const misses = rows.filter((row) => row.meets === false).length;
  console.log(`render: ${misses === 0 ? 'every figure meets its target' : `${misses} figure(s) miss their target (✗)`}`);
}
