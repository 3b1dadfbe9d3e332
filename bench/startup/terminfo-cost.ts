// `npx tsx bench/startup/terminfo-cost.ts [TERM]`: what blessed's terminfo set-up costs a cold start,
// measured apart: fresh node processes alternate blessed as it is (find, parse, compile ~450
// capabilities) and a start served by the store's terminfo cache (view/terminfo-loader.ts). CPU ms:
// wall time on this shared machine is mostly waiting.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { quantile } from '../stats.js';

const CHILD = `
const { createRequire } = require('node:module');
const req = createRequire(process.cwd() + '/');
const cpu = () => { const used = process.cpuUsage(); return (used.user + used.system) / 1000; };
const started = cpu();
const Tput = req('blessed/lib/tput.js');
const loaded = cpu();
const options = { terminal: process.env.TERM, extended: undefined, forceUnicode: true };
let setup;
if (process.env.CACHE_FILE) {
  import(process.env.LOADER).then(async (loader) => {
    const { terminfoCacheFile } = await import(process.env.ADAPTER);
    loader.installTerminfoLoader();
    const cache = terminfoCacheFile(process.env.CACHE_FILE);
    const begin = cpu();
    loader.withTerminfoCache(cache, () => new Tput(options));
    process.stdout.write(JSON.stringify({ require: loaded - started, setup: cpu() - begin }));
  });
} else {
  const begin = cpu();
  new Tput(options);
  process.stdout.write(JSON.stringify({ require: loaded - started, setup: cpu() - begin }));
}
`;

const term = process.argv[2] ?? 'xterm-256color';
const repo = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'agentmux-terminfo-cost-'));
const env = {
  ...process.env,
  TERM: term,
  LOADER: join(repo, 'src', 'view', 'terminfo-loader.ts'),
  ADAPTER: join(repo, 'src', 'adapters', 'terminfo-cache-file.ts'),
};
const run = (cacheFile: string | undefined): number => {
  const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', CHILD], {
    cwd: repo,
    env: { ...env, CACHE_FILE: cacheFile ?? '' },
    encoding: 'utf8',
  });
  const parsed: unknown = JSON.parse(child.stdout);
  const setup: unknown =
    typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'setup') : undefined;
  if (typeof setup !== 'number') throw new Error(`no figure: ${child.stderr}`);
  return setup;
};
try {
  const cacheFile = join(dir, 'terminfo-cache.json');
  run(cacheFile); // fills the cache
  const plain: number[] = [];
  const cached: number[] = [];
  for (let round = 0; round < 10; round++) {
    plain.push(run(undefined));
    cached.push(run(cacheFile));
  }
  const f = (values: number[]): string =>
    `median ${quantile(values, 0.5).toFixed(1)} ms (min ${Math.min(...values).toFixed(1)})`;
  console.log(
    `terminfo set-up (CPU), TERM=${term}, 10 fresh processes each, alternating (load ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}):`,
  );
  console.log(`  blessed as it is: ${f(plain)}`);
  console.log(`  from the store's cache: ${f(cached)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
