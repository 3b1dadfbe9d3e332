// DESIGN.md §9: parallel (order, a throwing thunk → null, never rejects), pipeline (no barrier,
// stage arguments, a throwing stage → null and later stages skipped), null vs throw, the caps.
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentCall } from '../../../src/core/workflow/agent-host.js';
import { echo, FakeHost } from './fake-host.js';
import { makeSandbox, meta, runToEnd, start, writeScript, type Sandbox } from './run-kit.js';

let sandbox: Sandbox;
afterEach(() => sandbox.cleanup());

describe('parallel and pipeline', () => {
  it('parallel keeps order whatever finishes first, and a throwing thunk gives null', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(
      sandbox,
      'par.js',
      `${meta('par')}return await parallel([
        () => agent('slow'),
        () => { throw new Error('boom'); },
        () => agent('fast'),
        async () => { await agent('x'); throw new Error('late'); },
      ]);`,
    );
    const host = new FakeHost(echo, { delay: (call) => (call.prompt === 'slow' ? 60 : 0) });
    const { end } = await runToEnd(sandbox, ref, host);
    expect(end).toEqual({ status: 'completed', result: ['slow', null, 'fast', null] });
  });

  it('pipeline has no barrier: an item reaches stage 3 while another is still in stage 1', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(
      sandbox,
      'pipe.js',
      `${meta('pipe')}return await pipeline(['a', 'b'],
        (item, same, index) => agent('s1 ' + item + ' ' + same + ' ' + index),
        (previous, item, index) => agent('s2 ' + previous + ' | ' + item + ' ' + index),
        (previous, item) => agent('s3 ' + item));`,
    );
    const host = new FakeHost(echo, { delay: (call) => (call.prompt.startsWith('s1 b') ? 10_000 : 0) });
    const run = await start(sandbox, ref, host);
    // 'a' gets through all three stages while 'b' is still in stage 1.
    await host.until((calls) => calls.some((call) => call.prompt === 's3 a'));
    const prompts = host.calls.map((call: AgentCall) => call.prompt);
    expect(prompts).toContain('s1 b b 1');
    expect(prompts.some((prompt) => prompt.startsWith('s2 s1 b'))).toBe(false);
    const end = await run.stop();
    expect(end.status).toBe('stopped');
  });

  it('pipeline passes (previous, item, index) and a throwing stage makes that item null and skips its later stages', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(
      sandbox,
      'pipe2.js',
      `${meta('pipe2')}return await pipeline([1, 2, 3],
        (item, same, index) => item * 10 + index + (same === item ? 0 : 1000),
        (previous, item) => { if (item === 2) throw new Error('no'); return agent('p' + previous); },
        (previous, item, index) => previous + ':' + item + ':' + index);`,
    );
    const host = new FakeHost(echo);
    const { end } = await runToEnd(sandbox, ref, host);
    expect(end).toEqual({ status: 'completed', result: ['p10:1:0', null, 'p32:3:2'] });
    expect(host.calls.map((call) => call.prompt).sort()).toEqual(['p10', 'p32']);
  });

  it('a null outcome is a value the script sees; a throw outcome is an exception in the script', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(
      sandbox,
      'nt.js',
      `${meta('nt')}const a = await agent('skip me');
      let b;
      try { await agent('bad schema', { schema: { type: 'nonsense' } }); b = 'no throw'; } catch (e) { b = e.message; }
      return [a, b];`,
    );
    const host = new FakeHost((call) =>
      call.prompt === 'skip me' ? { kind: 'null', reason: 'skipped by the user' } : { kind: 'throw', message: 'schema: unknown type "nonsense"' },
    );
    const { end, record } = await runToEnd(sandbox, ref, host);
    expect(end).toEqual({ status: 'completed', result: [null, 'schema: unknown type "nonsense"'] });
    const failed = record.lines.filter((line) => line.type === 'failed').map((line) => (line.type === 'failed' ? line.reason : ''));
    expect(failed).toEqual(['skipped by the user', 'schema: unknown type "nonsense"']);
  });
});

describe('the caps', () => {
  it('the 1001st agent() of a run throws', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(
      sandbox,
      'many.js',
      `${meta('many')}const done = await parallel(Array.from({ length: 1000 }, (_, i) => () => agent('n' + i)));
      try { await agent('one too many'); return 'no throw'; } catch (e) { return [done.filter((x) => x !== null).length, e.message]; }`,
    );
    const host = new FakeHost(echo);
    const { end } = await runToEnd(sandbox, ref, host);
    expect(end).toEqual({ status: 'completed', result: [1000, 'agent(): a run starts at most 1000 agents (this is call 1001)'] });
    expect(host.calls).toHaveLength(1000);
  });

  it('parallel and pipeline refuse more than 4096 items', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(
      sandbox,
      'items.js',
      `${meta('items')}const big = Array.from({ length: 4097 }, () => () => 1);
      const out = [];
      try { await parallel(big); out.push('parallel ran'); } catch (e) { out.push(e.message); }
      try { await pipeline(big, (x) => x); out.push('pipeline ran'); } catch (e) { out.push(e.message); }
      out.push((await parallel(big.slice(1))).length);
      return out;`,
    );
    const { end } = await runToEnd(sandbox, ref, new FakeHost(echo));
    expect(end).toEqual({
      status: 'completed',
      result: ['parallel() takes at most 4096 items (got 4097)', 'pipeline() takes at most 4096 items (got 4097)', 4096],
    });
  });

  it('workflow() runs another workflow inline one level deep, and refuses a second level', async () => {
    sandbox = makeSandbox();
    writeScript(sandbox, '.claude/workflows/inner.js', `${meta('inner')}return { got: args, said: await agent('inner ' + args.n) };`);
    writeScript(sandbox, '.claude/workflows/nested.js', `${meta('nested')}return await workflow('inner', { n: 2 });`);
    const ref = writeScript(
      sandbox,
      'outer.js',
      `${meta('outer')}const first = await workflow('inner', { n: 1 });
      const byPath = await workflow({ scriptPath: '.claude/workflows/inner.js' }, { n: 3 });
      let second;
      try { await workflow('nested'); second = 'ran'; } catch (e) { second = e.message; }
      return { first, byPath, second };`,
    );
    const host = new FakeHost(echo);
    const { end } = await runToEnd(sandbox, ref, host);
    expect(end).toEqual({
      status: 'completed',
      result: { first: { got: { n: 1 }, said: 'inner 1' }, byPath: { got: { n: 3 }, said: 'inner 3' }, second: 'workflow() runs another workflow only one level deep' },
    });
  });

  it('at most --concurrency agents hold a slot at once; the others wait queued', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(sandbox, 'conc.js', `${meta('conc')}return (await parallel(Array.from({ length: 12 }, (_, i) => () => agent('c' + i)))).length;`);
    const host = new FakeHost(echo, { delay: () => 20 });
    const run = await start(sandbox, ref, host, { concurrency: 3 });
    await host.until((calls) => calls.length === 12);
    expect(run.runtime.slotUse()).toEqual({ held: 3, queued: 9 });
    const end = await run.finished;
    expect(end).toEqual({ status: 'completed', result: 12 });
    expect(host.maxWorking).toBe(3);
  });
});
