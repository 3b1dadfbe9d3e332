// Which agentmux the bench runs: the built dist/ when current (what `npm start` runs), else a
// private transpile of src/ with esbuild (the same JS tsc would emit, without the type check),
// so the figures never include tsx compiling TypeScript at start-up.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { distIsCurrent } from '../../scripts/build-stamp.js';

/** The script to run with node, and what it is (printed with the figures). */
export type AgentmuxEntry = { readonly script: string; readonly what: string };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Finds or makes the agentmux entry point for the bench. */
export async function agentmuxEntry(repo: string, scratch: string): Promise<AgentmuxEntry> {
  const built = join(repo, 'dist', 'src', 'cli.js');
  // The same question bin/agentmux.js asks before it runs dist/.
  if (distIsCurrent(repo, built)) {
    return { script: join(repo, 'bin', 'agentmux.js'), what: 'bin/agentmux.js (dist/ is current)' };
  }
  const sources = sourceFiles(join(repo, 'src'));
  const outdir = join(scratch, 'agentmux-js');
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: sources,
    outdir: join(outdir, 'src'),
    outbase: join(repo, 'src'),
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'error',
  });
  return {
    script: join(outdir, 'src', 'cli.js'),
    what: `${relative(repo, join(outdir, 'src', 'cli.js'))} (dist/ is stale: src/ transpiled by esbuild)`,
  };
}
