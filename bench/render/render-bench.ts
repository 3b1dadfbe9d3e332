// The rendering bench (DESIGN.md §6): agentmux in a pty, the model server in its own process
// streaming 80 tokens/s to every agent; prints each figure next to its target.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { agentmuxEntry } from './agentmux-entry.js';
import { runColdStart } from './cold-start.js';
import { startModelProcess } from './model-process.js';
import { printRenderReport } from './render-report.js';
import { runStreamingScenario, type StreamingFigures, type StreamingScenario } from './streaming-scenario.js';

const Env = z.object({
  /** `1`: a short run for development (8 agents, 0 and 10,000 lines, 100 keystrokes). */
  BENCH_QUICK: z.enum(['0', '1']).default('0'),
  /** A folder for V8 CPU profiles of each agentmux run (`--cpu-prof`). */
  BENCH_CPU_PROF: z.string().min(1).optional(),
});

/** How long agents stream before CPU and bytes per token are measured (see StreamingScenario.warmupMs). */
export const STEADY_AFTER_MS = 15_000;

/** The scenarios of a full run, or of a quick one. */
export function renderPlan(quick: boolean): { streaming: StreamingScenario[]; coldStartRuns: number } {
  const full = { keystrokes: 500, cpuWindowMs: 8000, idleWindowMs: 3000, warmupMs: STEADY_AFTER_MS };
  const short = { keystrokes: 100, cpuWindowMs: 3000, idleWindowMs: 3000, warmupMs: 6000 };
  if (quick) {
    return {
      streaming: [
        { agents: 8, linesPerPane: 0, ...short },
        { agents: 8, linesPerPane: 10_000, ...short, keystrokes: 50 },
      ],
      coldStartRuns: 2,
    };
  }
  return {
    streaming: [
      { agents: 8, linesPerPane: 0, ...full },
      { agents: 32, linesPerPane: 0, ...full },
      { agents: 64, linesPerPane: 0, ...full },
      { agents: 8, linesPerPane: 10_000, ...full, keystrokes: 100 },
      { agents: 8, linesPerPane: 100_000, ...full, keystrokes: 100 },
    ],
    coldStartRuns: 5,
  };
}

/** Runs the rendering bench in `root` (a scratch folder) and prints its table. */
export async function runRenderBench(root: string): Promise<void> {
  const env = Env.parse(process.env);
  const quick = env.BENCH_QUICK === '1';
  const scratch = join(root, 'render');
  mkdirSync(scratch, { recursive: true });
  const repo = join(import.meta.dirname, '..', '..');
  const entry = await agentmuxEntry(repo, scratch);
  const plan = renderPlan(quick);
  console.log(`render: agentmux = ${entry.what}${quick ? ' — QUICK mode (BENCH_QUICK=1)' : ''}`);
  const model = await startModelProcess();
  try {
    const context = { entry, model, scratch, cpuProfDir: env.BENCH_CPU_PROF };
    const streaming: StreamingFigures[] = [];
    for (const scenario of plan.streaming) {
      const started = performance.now();
      const figures = await runStreamingScenario(context, scenario);
      streaming.push(figures);
      console.log(
        `render: ${scenario.agents} agents × ${scenario.linesPerPane} lines done in ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
    }
    const coldStart = await runColdStart(context, plan.coldStartRuns);
    printRenderReport(streaming, coldStart);
  } finally {
    await model.close();
  }
}
