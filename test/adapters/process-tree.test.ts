// The process tree read from /proc (src/adapters/process-tree.ts): an editor run under `sh -c`
// is sh's child, and ending only sh would leave it running; the tree names both.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { processRuns, processTree, signalEach } from '../../src/adapters/process-tree.js';

let child: ChildProcess | undefined;
let dir: string | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  child = undefined;
  dir = undefined;
});

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('process tree', () => {
  it('names a child of sh -c before sh, and signalling the tree ends both', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentmux-tree-'));
    const pidFile = join(dir, 'pid');
    child = spawn('/bin/sh', ['-c', `sleep 1000 & echo $! > ${pidFile}; wait`], { stdio: 'ignore' });
    const shell = child.pid ?? -1;
    await until(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').endsWith('\n'), 'the sleep pid');
    const sleeper = Number(readFileSync(pidFile, 'utf8'));
    const tree = processTree(shell);
    expect(tree).toEqual([sleeper, shell]);
    signalEach(tree, 'SIGTERM');
    await until(() => !processRuns(sleeper) && !processRuns(shell), 'both gone');
  });
});
