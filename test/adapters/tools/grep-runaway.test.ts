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
  it('stops it after its budget, naming the pattern, while the event loop keeps ticking', async () => {
    const tool = createGrepTool({ budgetMs: 800 });
    let ticks = 0;
    let last = performance.now();
    let longestGap = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks += 1;
    }, 10);
    const outcome = await tool.run({ pattern: RUNAWAY }, { cwd: ws.cwd, signal: new AbortController().signal });
    clearInterval(ticker);
    longestGap = Math.max(longestGap, performance.now() - last);
    expect(outcome).toEqual({
      isError: true,
      content:
        'pattern "(x+x+)+y" took too long (possible catastrophic backtracking); grep stopped it after 0.8 s: simplify the pattern or narrow the path',
    });
    // 800 ms of budget at one tick per 10 ms, and never a stall: the regex ran elsewhere.
    expect(ticks).toBeGreaterThanOrEqual(20);
    expect(longestGap).toBeLessThan(400);
  });

  it('terminates the worker when the signal aborts, long before the budget', async () => {
    const tool = createGrepTool({ budgetMs: 60_000 });
    const controller = new AbortController();
    const watcher = setInterval(() => {
      if (runningGrepWorkers() > 0) controller.abort();
    }, 5);
    const began = Date.now();
    const outcome = await tool.run({ pattern: RUNAWAY, path: 'b.txt' }, { cwd: ws.cwd, signal: controller.signal });
    clearInterval(watcher);
    expect(outcome).toEqual({ isError: true, content: 'grep was aborted before it finished' });
    expect(Date.now() - began).toBeLessThan(10_000);
    await vi.waitFor(() => expect(runningGrepWorkers()).toBe(0), { timeout: 5000 });
  });

  it('leaves no worker running after an ordinary search', async () => {
    const outcome = await createGrepTool().run({ pattern: 'plain' }, { cwd: ws.cwd, signal: new AbortController().signal });
    expect(outcome).toEqual({ isError: false, content: 'a.txt:1: plain line' });
    await vi.waitFor(() => expect(runningGrepWorkers()).toBe(0), { timeout: 5000 });
  });
});
