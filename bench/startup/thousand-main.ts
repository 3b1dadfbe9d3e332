// `npx tsx bench/startup/thousand-main.ts [AGENTS] [CONCURRENCY] [CPU_PROF_DIR] [REPO]`: the 1,000-agent
// workflow run alone (key p50/p99, RSS), optionally under `--cpu-prof` for `long-tasks.ts`, of the
// agentmux in REPO (default: this one; another checkout's dist/ for before/after comparisons).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { agentmuxEntry } from '../render/agentmux-entry.js';
import { quantile } from '../stats.js';
import { runThousandAgents } from './workflow-thousand.js';

const [agents, concurrency, cpuProfArg, repo] = process.argv.slice(2);
const cpuProfDir = cpuProfArg === undefined || cpuProfArg === '-' ? undefined : cpuProfArg;
const scratch = join(import.meta.dirname, '..', '..', '.bench-tmp', 'thousand');
mkdirSync(scratch, { recursive: true });
const entry = await agentmuxEntry(repo ?? join(import.meta.dirname, '..', '..'), scratch);
const run = await runThousandAgents(entry, scratch, Number(agents ?? 1000), Number(concurrency ?? 16), cpuProfDir);
const p = (q: number): string => quantile(run.latenciesMs, q).toFixed(1);
console.log(
  `${run.agents} agents, ${run.concurrency} at once, ${run.runSeconds.toFixed(0)} s: key p50 ${p(0.5)} · p90 ${p(0.9)} · p99 ${p(0.99)} · max ${p(1)} ms (${run.latenciesMs.length} keys, ${run.missed} missed) · peak RSS ${run.peakRssMb.toFixed(0)} MB`,
);
