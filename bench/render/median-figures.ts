// Medians over repeated runs of one streaming scenario (the machine is shared: one run is noise).
import { quantile } from '../stats.js';
import type { StreamingFigures } from './streaming-scenario.js';

const median = (values: readonly number[]): number => quantile(values, 0.5);

/** One figure set whose every number is the median of the runs'; the keystrokes are those of the run with the median p99. */
export function medianFigures(runs: readonly StreamingFigures[]): StreamingFigures {
  const first = runs[0];
  if (first === undefined) throw new Error('medianFigures: no runs');
  const of = (pick: (figures: StreamingFigures) => number): number => median(runs.map(pick));
  const byP99 = [...runs].sort((a, b) => quantile(a.latenciesMs, 0.99) - quantile(b.latenciesMs, 0.99));
  const keys = byP99[Math.floor((byP99.length - 1) / 2)] ?? first;
  return {
    ...first,
    startMs: of((f) => f.startMs),
    tokensPerSecondPerAgent: of((f) => f.tokensPerSecondPerAgent),
    cpuMsPer1kTokens: of((f) => f.cpuMsPer1kTokens),
    coldCpuMsPer1kTokens: of((f) => f.coldCpuMsPer1kTokens),
    bytesPerToken: of((f) => f.bytesPerToken),
    streamingFramesPerSecond: of((f) => f.streamingFramesPerSecond),
    latenciesMs: keys.latenciesMs,
    missedKeystrokes: keys.missedKeystrokes,
    idleFramesPerSecond: of((f) => f.idleFramesPerSecond),
    idleBytes: of((f) => f.idleBytes),
    peakRssMb: of((f) => f.peakRssMb),
  };
}

/** One line per run, so the spread behind a median is visible. */
export function runLine(figures: StreamingFigures): string {
  const p99 = quantile(figures.latenciesMs, 0.99);
  return `${figures.agents}×${figures.linesPerPane}: cpu ${figures.cpuMsPer1kTokens.toFixed(1)} ms/1k tok (first ${(figures.cpuWindowMs / 1000).toFixed(0)} s: ${figures.coldCpuMsPer1kTokens.toFixed(1)}) · ${figures.bytesPerToken.toFixed(1)} B/tok · ${figures.streamingFramesPerSecond.toFixed(1)} fps · key p99 ${p99.toFixed(1)} ms (${figures.missedKeystrokes} missed) · idle ${figures.idleFramesPerSecond.toFixed(2)} fps · ${figures.tokensPerSecondPerAgent.toFixed(0)} tok/s/agent`;
}
