// `npm run bench:throughput`: only the streaming figures of DESIGN.md §6 (CPU of the process tree
// and bytes per token, frames while idle, keystroke → frame), each scenario run BENCH_RUNS times
// and printed as medians with ✓/✗ — the before/after tool for issue 17's throughput work.
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { agentmuxEntry } from './render/agentmux-entry.js';
import { medianFigures, runLine } from './render/median-figures.js';
import { startModelProcess } from './render/model-process.js';
import { STEADY_AFTER_MS } from './render/render-bench.js';
import { printReportRows, streamingReportRows } from './render/render-report.js';
import { runStreamingScenario, type StreamingFigures, type StreamingScenario } from './render/streaming-scenario.js';

const Env = z.object({
  BENCH_RUNS: z.coerce.number().int().positive().default(3),
  /** Scenarios as AGENTSxLINES, comma-separated. */
  BENCH_SCENARIOS: z.string().default('8x0,32x0,64x0,8x100000'),
  BENCH_KEYS: z.coerce.number().int().positive().default(500),
  BENCH_CPU_WINDOW_MS: z.coerce.number().int().positive().default(8000),
  /** Streaming before the CPU window (the JIT's warm-up; render-bench.ts STEADY_AFTER_MS). */
  BENCH_WARMUP_MS: z.coerce.number().int().nonnegative().default(STEADY_AFTER_MS),
  BENCH_CPU_PROF: z.string().min(1).optional(),
  /** Another checkout of agentmux to measure (its dist/ or src/), e.g. main for a before/after pair. */
  BENCH_AGENTMUX: z.string().min(1).optional(),
});

function parseScenarios(text: string, keystrokes: number, cpuWindowMs: number, warmupMs: number): StreamingScenario[] {
  return text.split(',').map((item) => {
    const match = /^(\d+)x(\d+)$/.exec(item.trim());
    if (match === null) throw new Error(`BENCH_SCENARIOS: "${item}" is not AGENTSxLINES (e.g. 32x0)`);
    return { agents: Number(match[1]), linesPerPane: Number(match[2]), keystrokes, cpuWindowMs, idleWindowMs: 3000, warmupMs };
  });
}

const env = Env.parse(process.env);
const scenarios = parseScenarios(env.BENCH_SCENARIOS, env.BENCH_KEYS, env.BENCH_CPU_WINDOW_MS, env.BENCH_WARMUP_MS);
const root = join(import.meta.dirname, '..', '.bench-tmp');
const scratch = join(root, 'throughput');
mkdirSync(scratch, { recursive: true });
const repo = env.BENCH_AGENTMUX ?? join(import.meta.dirname, '..');
const entry = await agentmuxEntry(repo, scratch);
console.log(`throughput: ${new Date().toISOString()} — agentmux = ${repo}: ${entry.what}; ${env.BENCH_RUNS} runs per scenario; load ${loadavg().map((v) => v.toFixed(1)).join(' ')}`);
const model = await startModelProcess();
try {
  const context = { entry, model, scratch, cpuProfDir: env.BENCH_CPU_PROF };
  const medians: StreamingFigures[] = [];
  for (const scenario of scenarios) {
    const runs: StreamingFigures[] = [];
    for (let run = 0; run < env.BENCH_RUNS; run++) {
      const figures = await runStreamingScenario(context, scenario);
      runs.push(figures);
      console.log(`  run ${run + 1}: ${runLine(figures)} (load ${loadavg()[0]?.toFixed(1) ?? '?'})`);
    }
    medians.push(medianFigures(runs));
  }
  printReportRows(streamingReportRows(medians));
} finally {
  await model.close();
}
