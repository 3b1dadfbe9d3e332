// `npx tsx bench/startup/zod-floor.ts`: what zod costs agentmux's first frame, measured apart (issue
// 17's floor): fresh node processes import the bundled layout module (zod's module, then the layout
// schemas built at load) and parse a 32-agent layout, as checkBeforeScreen does before the screen.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { quantile } from '../stats.js';

const repo = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'agentmux-zod-floor-'));

// Three steps timed in the child (CPU ms: wall time on this shared machine is mostly waiting):
// zod alone, the layout module (its schemas), one parse.
const ENTRY = `
const cpu = () => { const used = process.cpuUsage(); return (used.user + used.system) / 1000; };
const t0 = cpu();
const zod = await import('zod');
const t1 = cpu();
const { parseLayout } = await import(${JSON.stringify(join(repo, 'src', 'core', 'layout-file.ts'))});
const t2 = cpu();
const agents = Array.from({ length: 32 }, (_, index) => ({ name: 'agent' + (index + 1), cwd: '/tmp' }));
const parsed = parseLayout('bench.json', JSON.stringify({ name: 'bench-32', agents, tiling: 'tiled' }));
const t3 = cpu();
if (!parsed.ok || typeof zod.z !== 'object') throw new Error('layout did not parse');
process.stdout.write(JSON.stringify([t1 - t0, t2 - t1, t3 - t2, t0]));
`;

try {
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, ENTRY);
  // Bundled as dist/ bundles it: zod and the layout module in one file, loaded the way the cockpit loads them.
  await build({
    entryPoints: [entry],
    outfile: join(dir, 'entry.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    nodePaths: [join(repo, 'node_modules')],
  });
  const steps: number[][] = [[], [], [], []];
  for (let run = 0; run < 10; run++) {
    const child = spawnSync(process.execPath, [join(dir, 'entry.mjs')], { encoding: 'utf8' });
    const figures: unknown = JSON.parse(child.stdout);
    if (!Array.isArray(figures)) throw new Error(`no figures: ${child.stderr}`);
    figures.forEach((ms: unknown, index) => {
      if (typeof ms === 'number') steps[index]?.push(ms);
    });
  }
  const f = (values: readonly number[] | undefined): string =>
    `${quantile(values ?? [], 0.5).toFixed(1)} ms`;
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  console.log(`zod on the first frame's path, CPU, median of 10 fresh processes (load ${load}):`);
  console.log(
    `  zod's module: ${f(steps[0])} · layout schemas built at load: ${f(steps[1])} · parsing a 32-agent layout: ${f(steps[2])} (node's own start before them: ${f(steps[3])})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
