// `run` / `run-stop` behind the cockpit and ctl: several runs live at once, found by id or by
// script name (exactly one live run), stopped at once.
import { afterEach, describe, expect, it } from 'vitest';
import { WorkflowRuns } from '../../../src/app/workflow/workflow-runs.js';
import { CallStates } from '../../../src/core/workflow/call-state.js';
import { echo, FakeHost } from './fake-host.js';
import { makeSandbox, meta, writeScript, type Sandbox } from './run-kit.js';

let sandbox: Sandbox;
afterEach(() => sandbox.cleanup());

describe('live runs', () => {
  it('start answers with the run id at once; run-stop finds a run by id, or by name only when one run has it', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(sandbox, 'wait.js', `${meta('waiter')}return await agent('wait ' + args);`);
    const host = new FakeHost(echo, { delay: () => 60_000 });
    const ended: string[] = [];
    const runs = new WorkflowRuns(
      { storeDir: sandbox.store, cwd: sandbox.cwd, home: sandbox.dir, headless: false, approve: 'ask', allow: [], defaultModel: undefined, concurrency: 16, caps: { tokens: null, usd: null }, host },
      new CallStates(() => undefined),
      (run, end) => ended.push(`${run.id} ${end.status}`),
    );
    const first = runs.start(ref, 1);
    const second = runs.start(ref, 2);
    expect(second.ok).toBe(true);
    expect(first.ok && first.value).toMatch(/^run [0-9a-z]{6} started \(waiter\)$/u);
    await runs.launched();
    const [a, b] = runs.runs().map((run) => run.id);
    expect(runs.stop('waiter')).toEqual({ ok: false, error: `waiter: 2 live runs have that name: use an id (${a}, ${b})` });
    expect(runs.stop(undefined)).toEqual({ ok: false, error: `2 runs are live: name one (${a}, ${b})` });
    expect(runs.stop(a ?? '')).toEqual({ ok: true, value: `run ${a} stopped (waiter)` });
    await expect.poll(() => ended, { timeout: 20_000 }).toEqual([`${a} stopped`]);
    expect(runs.stop('waiter')).toEqual({ ok: true, value: `run ${b} stopped (waiter)` });
    await expect.poll(() => ended, { timeout: 20_000 }).toHaveLength(2);
    expect(runs.stop(undefined)).toEqual({ ok: false, error: 'no run is live' });
    expect(runs.start('./missing.js', undefined)).toEqual({ ok: false, error: './missing.js: no such file' });
    const odd = writeScript(sandbox, 'odd.js', `${meta('wa\x1b]0;x\x07it\ner')}return 1;`);
    const started = runs.start(odd, undefined);
    expect(started.ok && started.value).toMatch(/^run [0-9a-z]{6} started \(wa␛\]0;x␇it␊er\)$/u);
    await expect.poll(() => ended, { timeout: 20_000 }).toHaveLength(3);
  });
});
