// Compiled (dist/), grep must start its worker from the `grep-worker.js` sibling of its own
// module, with no tsx or esbuild involved. esbuild here only stands in for `tsc`: it writes
// grep.js and grep-worker.js side by side, as the build does, and a plain `node` runs them.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTempWorkspace, type TempWorkspace } from './workspace-fixture.js';

const run = promisify(execFile);
const toolsDir = path.resolve(import.meta.dirname, '../../../src/adapters/tools');

let out: string;
let ws: TempWorkspace;
beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'agentmux-grep-dist-'));
  await build({
    entryPoints: [path.join(toolsDir, 'grep.ts'), path.join(toolsDir, 'grep-worker.ts')],
    outdir: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Only the sources path loads esbuild; the compiled path must not need it.
    external: ['esbuild'],
    logLevel: 'silent',
  });
  ws = createTempWorkspace();
  ws.write('notes.txt', 'alpha\nTODO: beta\n');
  ws.write('slow.txt', `${'x'.repeat(30)}\n`);
});
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  ws.dispose();
});

async function grepInPlainNode(pattern: string, budgetMs: number): Promise<unknown> {
  const script = `
    const { createGrepTool } = await import(${JSON.stringify(pathToFileURL(path.join(out, 'grep.js')).href)});
    const tool = createGrepTool({ budgetMs: ${budgetMs} });
    const outcome = await tool.run({ pattern: ${JSON.stringify(pattern)} }, { cwd: ${JSON.stringify(ws.cwd)}, signal: new AbortController().signal });
    process.stdout.write(JSON.stringify(outcome));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: out, timeout: 15_000 });
  return JSON.parse(stdout);
}

it('finds matches through the compiled worker sibling under plain node', async () => {
  expect(await grepInPlainNode('TODO', 5000)).toEqual({ isError: false, content: 'notes.txt:2: TODO: beta' });
});

it('stops a runaway pattern through the compiled worker, and the process then exits', async () => {
  expect(await grepInPlainNode('(x+x+)+y', 300)).toEqual({
    isError: true,
    content:
      'pattern "(x+x+)+y" took too long (possible catastrophic backtracking); grep stopped it after 0.3 s: simplify the pattern or narrow the path',
  });
});
