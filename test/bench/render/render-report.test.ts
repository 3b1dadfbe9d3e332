import { describe, expect, it } from 'vitest';
import type { ColdStartFigures } from '../../../bench/render/cold-start.js';
import { renderReportRows, type ReportRow } from '../../../bench/render/render-report.js';
import type { StreamingFigures } from '../../../bench/render/streaming-scenario.js';

function scenario(overrides: Partial<StreamingFigures>): StreamingFigures {
  return {
    agents: 32,
    linesPerPane: 0,
    keystrokes: 100,
    cpuWindowMs: 1000,
    idleWindowMs: 1000,
    warmupMs: 15_000,
    startMs: 100,
    tokensPerSecondPerAgent: 80,
    cpuMsPer1kTokens: 20,
    coldCpuMsPer1kTokens: 60,
    bytesPerToken: 30,
    streamingFramesPerSecond: 50,
    latenciesMs: Array.from({ length: 100 }, () => 5),
    missedKeystrokes: 0,
    idleFramesPerSecond: 0,
    idleBytes: 0,
    peakRssMb: 150,
    ...overrides,
  };
}

const cold: ColdStartFigures = { sessions: 500, panes: 32, linesPerPane: 200, startsMs: [120, 130, 400], cpuToFirstFrameMs: [90, 100, 110] };

function row(rows: readonly ReportRow[], measure: string): ReportRow {
  const found = rows.find((candidate) => candidate.measure.includes(measure));
  if (found === undefined) throw new Error(`no row "${measure}" in ${rows.map((r) => r.measure).join(' / ')}`);
  return found;
}

describe('render report', () => {
  it('checks keystroke p99 against 10 ms up to 32 agents and 16 ms at 64', () => {
    const slow = [...Array.from({ length: 98 }, () => 5), 12, 12];
    const rows = renderReportRows([scenario({ latenciesMs: slow }), scenario({ agents: 64, latenciesMs: slow })], cold);
    expect(row(rows, '32 agents, 0 lines/pane: keystroke').meets).toBe(false);
    expect(row(rows, '64 agents, 0 lines/pane: keystroke').meets).toBe(true);
    expect(row(rows, '64 agents, 0 lines/pane: keystroke').figure).toBe('p50 5.0 · p99 12.0 ms');
  });

  it('fails the keystroke row when a keystroke never showed its frame', () => {
    const rows = renderReportRows([scenario({ missedKeystrokes: 1 })], cold);
    expect(row(rows, 'keystroke').meets).toBe(false);
    expect(row(rows, 'keystroke').figure).toContain('1 missed');
  });

  it('marks CPU, bytes per token, idle frames and the 32-agent RSS against their targets', () => {
    const rows = renderReportRows([scenario({ cpuMsPer1kTokens: 31, bytesPerToken: 40, idleFramesPerSecond: 0.33, peakRssMb: 201 })], cold);
    expect(row(rows, 'CPU of the process tree per 1,000 tokens').meets).toBe(false);
    expect(row(rows, 'CPU of the process tree per 1,000 tokens').measure).toContain('after 15 s');
    expect(row(rows, 'bytes to the terminal per token').meets).toBe(true);
    expect(row(rows, 'frames/s while idle').meets).toBe(false);
    expect(row(rows, 'peak RSS').meets).toBe(false);
  });

  it('compares CPU and memory of a long-transcript run with the empty run of the same agents', () => {
    const rows = renderReportRows(
      [scenario({ agents: 8, peakRssMb: 100 }), scenario({ agents: 8, linesPerPane: 100_000, cpuMsPer1kTokens: 40, peakRssMb: 260 })],
      cold,
    );
    expect(row(rows, 'at 100,000 vs 0 lines/pane').figure).toBe('2.00×');
    expect(row(rows, 'at 100,000 vs 0 lines/pane').meets).toBe(false);
    // RSS is not the heap the target names: shown, never marked against it.
    expect(row(rows, 'peak RSS growth per 100k lines').figure).toBe('20.0 MB RSS');
    expect(row(rows, 'peak RSS growth per 100k lines').meets).toBeUndefined();
  });

  it('checks bytes per token at 8 and 32 agents only', () => {
    const rows = renderReportRows([scenario({ agents: 8, bytesPerToken: 41 }), scenario({ agents: 64, bytesPerToken: 41 })], cold);
    expect(row(rows, '8 agents, 0 lines/pane: bytes').meets).toBe(false);
    expect(row(rows, '64 agents, 0 lines/pane: bytes').meets).toBeUndefined();
  });

  it('shows the CPU of the first seconds of streaming (JIT warming up) apart, without a target', () => {
    const rows = renderReportRows([scenario({ cpuMsPer1kTokens: 25, coldCpuMsPer1kTokens: 90 })], cold);
    expect(row(rows, 'CPU of the process tree per 1,000 tokens').meets).toBe(true);
    expect(row(rows, 'first 1 s of streaming').figure).toBe('90.0 ms');
    expect(row(rows, 'first 1 s of streaming').meets).toBeUndefined();
  });

  it('allows CPU per token to grow by at most 15% from 0 to many lines per pane', () => {
    const flat = renderReportRows([scenario({ agents: 8 }), scenario({ agents: 8, linesPerPane: 100_000, cpuMsPer1kTokens: 23 })], cold);
    expect(row(flat, 'at 100,000 vs 0 lines/pane').meets).toBe(true);
    const grown = renderReportRows([scenario({ agents: 8 }), scenario({ agents: 8, linesPerPane: 100_000, cpuMsPer1kTokens: 23.2 })], cold);
    expect(row(grown, 'at 100,000 vs 0 lines/pane').meets).toBe(false);
  });

  it('judges cold start by the median of its runs and shows the slowest', () => {
    const rows = renderReportRows([scenario({})], cold);
    expect(row(rows, 'cold start').figure).toBe('median 130 · max 400 ms (CPU to first frame: median 100 ms)');
    expect(row(rows, 'cold start').meets).toBe(true);
  });
});
