// `npm run build` (and `prepare`, so `npm ci` builds it): bundles the cockpit with esbuild into
// dist/src/, so `node bin/agentmux.js` resolves and compiles a handful of files instead of a few
// hundred modules at start. cli.js is the entry; what it imports lazily (the cockpit, the SDK)
// lands in separate chunks loaded when first needed. Native and CommonJS packages stay external.
// No type check here: `npm run typecheck` does that.
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { fileSystemNow, stampPath, writeBuildStamp } from './build-stamp.js';

/** Packages left to Node: native (node-pty), CommonJS with dynamic requires or data files (blessed, @xterm/headless and its addon), dev-only (esbuild, tsx). */
// yaml, ajv and ajv-formats are CommonJS that require node built-ins by name (not bundleable as ESM).
export const EXTERNAL_PACKAGES = ['node-pty', 'blessed', '@xterm/headless', '@xterm/addon-unicode11', 'esbuild', 'tsx', 'yaml', 'ajv', 'ajv-formats'];

/** Bundles src/ of the package at `root` into `outdir` (default: root/dist/src) and writes dist/.built (build-stamp.js). */
export async function buildAgentmux(root, outdir = join(root, 'dist', 'src')) {
  rmSync(stampPath(root), { force: true });
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(join(root, 'dist'), { recursive: true });
  // A source written while esbuild reads src/ must make this build stale: note the time first.
  const startedMs = fileSystemNow(root);
  const result = await build({
    absWorkingDir: root,
    entryPoints: {
      cli: join(root, 'src', 'cli.ts'),
      // grep's worker thread is started from `grep-worker.js` next to the module that spawns it
      // (grep-worker-client.ts): chunks and entries share one folder, so it is found.
      'grep-worker': join(root, 'src', 'adapters', 'tools', 'grep-worker.ts'),
      // A workflow script's worker thread, started the same way (worker-module.ts).
      'script-worker': join(root, 'src', 'adapters', 'workflow', 'script-worker.ts'),
    },
    outdir,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL_PACKAGES,
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  // Only the stamp says the build is complete: bin/agentmux.js runs dist/ when nothing in src/
  // changed since the build began (build-stamp.js).
  writeBuildStamp(root, startedMs);
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const started = performance.now();
  const result = await buildAgentmux(root);
  const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
  const bytes = outputs.reduce((sum, [, output]) => sum + output.bytes, 0);
  process.stdout.write(`agentmux: built dist/src (${outputs.length} files, ${Math.round(bytes / 1024)} KiB) in ${Math.round(performance.now() - started)} ms\n`);
}
