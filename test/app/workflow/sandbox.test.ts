// DESIGN.md §9 The sandbox: the script runs in a worker inside a vm context that holds only the
// built-ins and the dialect's globals; Date/Math guards; a busy script does not freeze the host.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runningScriptWorkers } from '../../../src/adapters/workflow/script-worker-client.js';
import { echo, FakeHost } from './fake-host.js';
import { makeSandbox, meta, runToEnd, start, writeScript, type Sandbox } from './run-kit.js';

let sandbox: Sandbox;
afterEach(() => sandbox.cleanup());

describe('the workflow sandbox', () => {
  it('reaches no host object through the globals, and has only the dialect beside the built-ins', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(
      sandbox,
      'probe.js',
      `${meta('probe')}return {
        viaAgent: agent.constructor.constructor('return typeof process')(),
        viaParallel: parallel.constructor.constructor('return typeof require')(),
        viaBudget: budget.spent.constructor.constructor('return typeof globalThis.process')(),
        viaConsole: console.log.constructor.constructor('return typeof setTimeout')(),
        args: typeof args,
        globals: ['process', 'require', 'setTimeout', 'fetch', 'Buffer', 'module', 'structuredClone'].filter((name) => typeof globalThis[name] !== 'undefined'),
      };`,
    );
    const { end } = await runToEnd(sandbox, ref, new FakeHost(echo));
    expect(end).toEqual({
      status: 'completed',
      result: { viaAgent: 'undefined', viaParallel: 'undefined', viaBudget: 'undefined', viaConsole: 'undefined', args: 'undefined', globals: [] },
    });
  });

  it('refuses Date.now(), Math.random() and new Date() with the stated words, but new Date(x) works', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(
      sandbox,
      'time.js',
      `${meta('time')}const tryIt = (f) => { try { return f(); } catch (e) { return e.message; } };
      return [tryIt(() => Date.now()), tryIt(() => Math.random()), tryIt(() => new Date()), new Date(0).toISOString(), tryIt(() => new (new Date(0).constructor)())];`,
    );
    const { end } = await runToEnd(sandbox, ref, new FakeHost(echo));
    expect(end).toEqual({
      status: 'completed',
      result: [
        'Date.now() is not available in a workflow (it would break resume)',
        'Math.random() is not available in a workflow (it would break resume)',
        'new Date() is not available in a workflow (it would break resume)',
        '1970-01-01T00:00:00.000Z',
        'new Date() is not available in a workflow (it would break resume)',
      ],
    });
  });

  it('refuses every other clock a script can reach: Intl date formatting without a date; no performance, process or Temporal.Now', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(
      sandbox,
      'clocks.js',
      `${meta('clocks')}const tryIt = (f) => { try { return f(); } catch (e) { return e.message; } };
      const options = Intl.DateTimeFormat().resolvedOptions();
      return {
        format: tryIt(() => new Intl.DateTimeFormat().format()),
        formatUndefined: tryIt(() => Intl.DateTimeFormat('en-US').format(undefined)),
        detached: tryIt(() => { const f = new Intl.DateTimeFormat().format; return f(); }),
        viaGetter: tryIt(() => Object.getOwnPropertyDescriptor(Intl.DateTimeFormat.prototype, 'format').get.call(new Intl.DateTimeFormat())()),
        parts: tryIt(() => new Intl.DateTimeFormat().formatToParts()),
        fixed: new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' }).format(0),
        fixedParts: new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' }).formatToParts(new Date(0)).map((part) => part.value).join(''),
        locale: new Date(0).toLocaleDateString('en-US', { timeZone: 'UTC' }),
        options: JSON.stringify(options),
        hosts: ['performance', 'process', 'hrtime', 'setTimeout', 'setInterval', 'queueMicrotask', 'crypto'].filter((name) => typeof globalThis[name] !== 'undefined'),
        temporal: typeof Temporal === 'undefined' ? 'absent' : tryIt(() => Temporal.Now.instant()),
      };`,
    );
    const { end } = await runToEnd(sandbox, ref, new FakeHost(echo));
    expect(end.status).toBe('completed');
    if (end.status !== 'completed') return;
    const today = new Date();
    const words = (what: string): string => `${what} is not available in a workflow (it would break resume)`;
    expect(end.result).toMatchObject({
      format: words('Intl.DateTimeFormat format() without a date'),
      formatUndefined: words('Intl.DateTimeFormat format() without a date'),
      detached: words('Intl.DateTimeFormat format() without a date'),
      viaGetter: words('Intl.DateTimeFormat format() without a date'),
      parts: words('Intl.DateTimeFormat formatToParts() without a date'),
      fixed: '1/1/1970',
      fixedParts: '1/1/1970',
      locale: '1/1/1970',
      hosts: [],
    });
    // resolvedOptions() names the host's locale and time zone (as new Date(x).toString() does) but reads no clock.
    const seen = z.object({ options: z.string(), temporal: z.string() }).parse(end.result);
    expect(seen.options).not.toContain(String(today.getUTCFullYear()));
    expect(seen.options).not.toContain(today.toLocaleDateString('en-US'));
    expect([words('Temporal.Now.instant()'), 'absent']).toContain(seen.temporal);
  });

  it('shows a script that does not yield as busy while the host keeps running, and stop ends its worker', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(sandbox, 'spin.js', `${meta('spin')}await agent('first');\nfor (;;) {}\n`);
    const host = new FakeHost(echo);
    const run = await start(sandbox, ref, host, { busyAfterMs: 300 });
    const busy = new Promise<number>((resolve) => run.onEvent((event) => event.kind === 'busy' && resolve(event.seconds)));
    // The main thread's timers still fire while the script spins: the busy notice is one.
    await busy;
    const ticked = await new Promise<boolean>((resolve) => setImmediate(() => resolve(true)));
    expect(ticked).toBe(true);
    const end = await run.stop();
    expect(end.status).toBe('stopped');
    await expect.poll(() => runningScriptWorkers(), { timeout: 20_000 }).toBe(0);
  });
});
