// `run-continue` behind the cockpit and ctl (issue 15): refused while the run is still running,
// allowed once it ended; without RUN it takes the newest unfinished run; the record gains a
// `continued` line and the reused calls.
import { CallStates } from '../../../src/core/workflow/call-state.js';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { readRunRecord } from '../../../src/adapters/workflow/run-record-reader.js';
import { readRunHolds, runHoldsPath } from '../../../src/adapters/workflow/run-holds-file.js';
import { WorkflowRuns } from '../../../src/app/workflow/workflow-runs.js';
import { QUIT_REASON } from '../../../src/core/workflow/run-memory.js';
import { echo, FakeHost } from './fake-host.js';
import { makeSandbox, meta, writeScript, type Sandbox } from './run-kit.js';

let sandbox: Sandbox;
afterEach(() => sandbox.cleanup());

describe('run-continue', () => {
  it('is refused while the run still runs, and once it was stopped by quitting it serves finished calls and runs the rest', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(sandbox, 'two.js', `${meta('two')}const a = await agent('quick');\nconst b = await agent('slow ' + a);\nreturn [a, b];`);
    const host = new FakeHost(echo, { delay: (call) => (call.prompt.startsWith('slow') ? 60_000 : 0) });
    const ended: string[] = [];
    const runs = new WorkflowRuns(
      { storeDir: sandbox.store, cwd: sandbox.cwd, home: sandbox.dir, headless: false, approve: 'ask', allow: [], defaultModel: undefined, concurrency: 16, caps: { tokens: null, usd: null }, host },
      new CallStates(() => undefined),
      (run: { readonly id: string }, end: { readonly status: string }) => ended.push(`${run.id} ${end.status}`),
    );
    expect(runs.continue(undefined, false)).toEqual({ ok: false, error: 'no unfinished run in this store (name one: run-continue RUN)' }); // dispatch names the command once (the C key said "run-continue: run-continue: …")
    runs.start(ref, undefined);
    await runs.launched();
    const [id] = runs.runs().map((run) => run.id);
    if (id === undefined) throw new Error('no live run');
    const startedCount = (): number => {
      const record = readRunRecord(sandbox.store, id);
      return record.ok ? record.value.lines.filter((line) => line.type === 'started').length : 0;
    };
    await expect.poll(startedCount, { timeout: 20_000 }).toBe(2);
    expect(runs.continue(id, false)).toEqual({
      ok: false,
      error: `run-continue ${id}: the run is still running (its agents are working): stop it first (run-stop ${id}) or wait for it to end`,
    });
    await runs.stopAll();
    expect(ended).toEqual([`${id} stopped`]);
    const stopped = readRunRecord(sandbox.store, id);
    expect(stopped.ok && stopped.value.lines.at(-1)).toMatchObject({ type: 'done', status: 'stopped', error: QUIT_REASON });
    // The next start: the quit run is the newest unfinished one.
    const quick = new FakeHost(echo);
    const again = new WorkflowRuns(
      { storeDir: sandbox.store, cwd: sandbox.cwd, home: sandbox.dir, headless: false, approve: 'ask', allow: [], defaultModel: undefined, concurrency: 16, caps: { tokens: null, usd: null }, host: quick },
      new CallStates(() => undefined),
      (run: { readonly id: string }, end: { readonly status: string }) => ended.push(`${run.id} ${end.status}`),
    );
    expect(again.continue(undefined, false)).toEqual({ ok: true, value: `run ${id} continued (two)` });
    await expect.poll(() => ended, { timeout: 20_000 }).toEqual([`${id} stopped`, `${id} completed`]);
    expect(quick.calls.map((call) => call.prompt)).toEqual(['slow quick']);
    expect(quick.calls[0]?.resume).toEqual({ agent: 'two-2', session: 'session-2' });
    const record = readRunRecord(sandbox.store, id);
    const types = record.ok ? record.value.lines.map((line) => line.type) : [];
    expect(types.slice(types.indexOf('continued'))).toEqual(['continued', 'reused', 'started', 'result', 'done']);
  });

  it('holds again what the run held before it was stopped (issue 16: held answers never reach the script unseen)', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(sandbox, 'held.js', `${meta('held')}phase('Verify');\nconst a = await agent('slow check');\nreturn a;`);
    const slow = new FakeHost(echo, { delay: () => 60_000 });
    const defaults = { storeDir: sandbox.store, cwd: sandbox.cwd, home: sandbox.dir, headless: false, approve: 'ask' as const, allow: [], defaultModel: undefined, concurrency: 16, caps: { tokens: null, usd: null } };
    const ended: string[] = [];
    const onEnded = (run: { readonly id: string }, end: { readonly status: string }) => ended.push(`${run.id} ${end.status}`);
    const first = new WorkflowRuns({ ...defaults, host: slow }, new CallStates(() => undefined), onEnded);
    const begun = first.startNow(ref, undefined, ['Verify']);
    expect(begun.ok).toBe(true);
    await first.launched();
    const [id] = first.runs().map((run) => run.id);
    if (id === undefined) throw new Error('no live run');
    expect(readRunHolds(sandbox.store, id)).toEqual({ ok: true, value: ['Verify'] });
    await first.stopAll();

    // The next cockpit: nothing given on the command line, and Verify is held again.
    const calls = new CallStates(() => undefined);
    const again = new WorkflowRuns({ ...defaults, host: new FakeHost(echo, { delay: () => 60_000 }) }, calls, onEnded);
    expect(again.continue(id, false)).toEqual({ ok: true, value: `run ${id} continued (held); holding Verify again` });
    expect(calls.holds.holds(id, 'Verify')).toBe(true);
    await again.stopAll();

    // A broken holds file refuses the continue rather than dropping the holds.
    writeFileSync(runHoldsPath(sandbox.store, id), '{"version": 1, "phases": "Verify"}');
    const third = new WorkflowRuns({ ...defaults, host: new FakeHost(echo) }, new CallStates(() => undefined), onEnded);
    const refused = third.continue(id, false);
    expect(refused.ok ? refused.value : refused.error).toMatch(/holds\.json: phases: .*not continued/u);
  });
});
