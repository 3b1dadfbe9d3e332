// `npx tsx bench/render/flatness-main.ts [LINES] [PROFILE_DIR]`: 8 agents streaming at 0 and at LINES
// lines per pane (default 100,000), CPU per 1,000 tokens of each and their ratio (the §6 flatness
// figure) — alone, optionally under `--cpu-prof` (one profile per run in PROFILE_DIR/0, PROFILE_DIR/LINES).
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { agentmuxEntry } from './agentmux-entry.js';
import { startModelProcess } from './model-process.js';
import { STEADY_AFTER_MS } from './render-bench.js';
import { runStreamingScenario } from './streaming-scenario.js';

const [linesArg, profileDir] = process.argv.slice(2);
const lines = Number(linesArg ?? 100_000);
const scratch = join(import.meta.dirname, '..', '..', '.bench-tmp', 'flatness');
mkdirSync(scratch, { recursive: true });
const entry = await agentmuxEntry(join(import.meta.dirname, '..', '..'), scratch);
const model = await startModelProcess();
try {
  const cpu: number[] = [];
  for (const linesPerPane of [0, lines]) {
    const cpuProfDir = profileDir === undefined ? undefined : join(profileDir, String(linesPerPane));
    const figures = await runStreamingScenario(
      { entry, model, scratch, cpuProfDir },
      { agents: 8, linesPerPane, keystrokes: 50, cpuWindowMs: 8000, idleWindowMs: 1000, warmupMs: STEADY_AFTER_MS },
    );
    cpu.push(figures.cpuMsPer1kTokens);
    console.log(`8 agents × ${linesPerPane} lines/pane: CPU ${figures.cpuMsPer1kTokens.toFixed(1)} ms per 1k tokens (load ${loadavg()[0]?.toFixed(1)})`);
  }
  console.log(`ratio ${((cpu[1] ?? 0) / (cpu[0] ?? 1)).toFixed(2)}×`);
} finally {
  await model.close();
}
