// grep named at something that is neither a file nor a directory (a FIFO) must answer at once:
// reading a FIFO blocks forever and ignores the abort signal, which would leave the agent in
// `tool` with interrupt and quit unable to end it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTempWorkspace, type TempWorkspace } from './workspace-fixture.js';

let ws: TempWorkspace;
beforeEach(() => {
  ws = createTempWorkspace();
});
afterEach(() => {
  ws.dispose();
});

it.skipIf(process.platform === 'win32')('refuses a FIFO named as its path instead of blocking on it', async () => {
  execFileSync('mkfifo', [path.join(ws.cwd, 'pipe')]);
  const pending = Symbol('pending');
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    ws.run('grep', { pattern: 'x', path: 'pipe' }),
    new Promise<typeof pending>((resolve) => (timer = setTimeout(() => resolve(pending), 2000))),
  ]);
  clearTimeout(timer);
  expect(outcome).toEqual({ isError: true, content: 'path "pipe" is not a regular file or directory' });
});
