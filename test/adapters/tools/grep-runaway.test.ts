// A catastrophic pattern must not freeze the cockpit: grep matches in a worker thread, stops it
// after its time budget or on abort, and the main thread keeps running meanwhile.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGrepTool } from '../../../src/adapters/tools/grep.js';
import { runningGrepWorkers } from '../../../src/adapters/tools/grep-worker-client.js';
import { createTempWorkspace, type TempWorkspace } from './workspace-fixture.js';

// `(x+x+)+y` against 30 x's backtracks for many seconds on one thread (doubling per x).
const RUNAWAY = '(x+x+)+y';

let ws: TempWorkspace;
beforeEach(() => {
  ws = createTempWorkspace();
  ws.write('a.txt', 'plain line\n');
  ws.write('b.txt', `${'x'.repeat(30)}\n`);
});
afterEach(async () => {
  ws.dispose();
  await vi.waitFor(() => expect(runningGrepWorkers()).toBe(0), { timeout: 5000 });
});

describe('grep against a catastrophic pattern', () => {
  it('stops it after its budget, naming the pattern, while the event loop keeps running', async () => {
    const tool = createGrepTool({ budgetMs: 800 });
    // A short interval keeps ticking on the main thread; once the worker exists, its next tick is
    // due long before the budget's timer (armed only after the worker is up), and timers fire in
    // due order, so a free main thread sees the worker running whatever the load. The worker may
    // start late (walk, esbuild bundle), so no single early sample would do.
    let workersWhileRunning = 0;
    const sampler = setInterval(() => {
      workersWhileRunning = Math.max(workersWhileRunning, runningGrepWorkers());
    }, 10);
    const outcome = await tool
      .run({ pattern: RUNAWAY }, { cwd: ws.cwd, signal: new AbortController().signal })
      .finally(() => clearInterval(sampler));
    expect(outcome).toEqual({
      isError: true,
      content:
        'pattern "(x+x+)+y" took too long (possible catastrophic backtracking); grep stopped it after 0.8 s: simplify the pattern or narrow the path',
    });
    expect(workersWhileRunning).toBe(1);
  });

  it('terminates the worker when the signal aborts, long before the budget', async () => {
    const tool = createGrepTool({ budgetMs: 60_000 });
    const controller = new AbortController();
    const watcher = setInterval(() => {
      if (runningGrepWorkers() > 0) controller.abort();
    }, 5);
    const outcome = await tool.run({ pattern: RUNAWAY, path: 'b.txt' }, { cwd: ws.cwd, signal: controller.signal });
    clearInterval(watcher);
    // The abort's words, not the 60 s budget's: it stopped on the signal.
    expect(outcome).toEqual({ isError: true, content: 'grep was aborted before it finished' });
    await vi.waitFor(() => expect(runningGrepWorkers()).toBe(0), { timeout: 5000 });
  });

  it('leaves no worker running after an ordinary search', async () => {
    const outcome = await createGrepTool().run({ pattern: 'plain' }, { cwd: ws.cwd, signal: new AbortController().signal });
    expect(outcome).toEqual({ isError: false, content: 'a.txt:1: plain line' });
    await vi.waitFor(() => expect(runningGrepWorkers()).toBe(0), { timeout: 5000 });
  });
});
