// DESIGN.md §9 Headless: stdout is exactly the result, stderr one line per record event (and
// `RUN: failed: MESSAGE` last for a failed run), exit 0/1/2/3, SIGINT/SIGTERM stop the run.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockStoreDir } from '../../../src/adapters/store/store-lock.js';
import { runHeadless, type HeadlessIo } from '../../../src/app/workflow/headless-run.js';
import type { HostSetup } from '../../../src/app/workflow/host-setup.js';
import { ok } from '../../../src/core/result.js';
import { parseRunOptions, type RunWorkflowOptions } from '../../../src/run-options.js';
import { echo, FakeHost, type FakeHostOptions } from './fake-host.js';
import { makeSandbox, meta, writeScript, type Sandbox } from './run-kit.js';

let sandbox: Sandbox;
afterEach(() => sandbox.cleanup());

type Captured = { stdout: string; stderr: string; stop: () => void; io: HeadlessIo };

function capture(): Captured {
  const captured: Captured = {
    stdout: '',
    stderr: '',
    stop: () => undefined,
    io: {
      stdout: (text) => (captured.stdout += text),
      stderr: (text) => (captured.stderr += text),
      onStopSignal: (handler) => {
        captured.stop = handler;
        return { dispose: () => (captured.stop = () => undefined) };
      },
    },
  };
  return captured;
}

function options(argv: string[]): RunWorkflowOptions {
  const parsed = parseRunOptions(argv);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function fakeSetup(host: FakeHost): { setup: HostSetup; opened: () => number } {
  let opened = 0;
  return {
    setup: () => {
      opened += 1;
      return Promise.resolve(ok({ host, close: () => Promise.resolve() }));
    },
    opened: () => opened,
  };
}

async function headless(argv: string[], hostOptions: FakeHostOptions = {}, during?: (captured: Captured, host: FakeHost) => Promise<void>): Promise<{ status: number; captured: Captured; host: FakeHost; opened: number }> {
  const captured = capture();
  const host = new FakeHost(echo, hostOptions);
  const { setup, opened } = fakeSetup(host);
  const running = runHeadless(options([...argv, '--headless', '--sessions', path.join(sandbox.dir, 'store')]), { cwd: sandbox.cwd, env: {}, home: sandbox.dir, setup, io: captured.io });
  if (during !== undefined) await during(captured, host);
  const status = await running;
  return { status, captured, host, opened: opened() };
}

describe('headless runs', () => {
  it('print exactly JSON.stringify(result) and a newline on stdout, one line per record event on stderr, and exit 0', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(sandbox, 'ok.js', `${meta('ok')}phase('One');\nconst a = await agent('hello', { label: 'greeter' });\nreturn { a, args };`);
    const { status, captured } = await headless([ref, '--args', '{"x": [1, "two"]}']);
    expect(status).toBe(0);
    expect(captured.stdout).toBe(`${JSON.stringify({ a: 'hello', args: { x: [1, 'two'] } })}\n`);
    const lines = captured.stderr.trimEnd().split('\n');
    expect(lines.map((line) => line.replace(/^[0-9a-z]+: /u, ''))).toEqual([
      `run ok (${path.join(sandbox.cwd, 'ok.js')})`,
      'phase One',
      'started greeter [One]',
      'result greeter: "hello"',
      'done completed',
    ]);
  });

  it('opens the host (and with it the control socket) as the run starts, before any agent() call', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(sandbox, 'none.js', `${meta('none')}log('no agents');\nreturn 7;`);
    const { status, captured, opened, host } = await headless([ref]);
    expect(status).toBe(0);
    expect(captured.stdout).toBe('7\n');
    expect(host.calls).toHaveLength(0);
    expect(opened).toBe(1);
  });

  it('a stopped run prints `null` even when its script returns a value after the stop', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(sandbox, 'keep.js', `${meta('keep')}const a = await agent('long');\nreturn { a, after: 'the stop' };`);
    const { status, captured } = await headless([ref], { delay: () => 60_000 }, async (running) => {
      await expect.poll(() => running.stderr, { timeout: 20_000 }).toContain('started keep-1');
      running.stop();
    });
    expect(status).toBe(3);
    expect(captured.stdout).toBe('null\n');
  });

  it('passes --args that are not JSON as a string', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(sandbox, 'a.js', `${meta('a')}return typeof args + ':' + args;`);
    const { status, captured } = await headless([ref, '--args', 'fix the {flaky} test']);
    expect(status).toBe(0);
    expect(captured.stdout).toBe('"string:fix the {flaky} test"\n');
  });

  it('exit 1 with `RUN: failed: MESSAGE` last on stderr when the script throws; stdout stays empty', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(sandbox, 'f.js', `${meta('f')}throw new Error('no findings file');`);
    const { status, captured } = await headless([ref]);
    expect(status).toBe(1);
    expect(captured.stdout).toBe('');
    expect(captured.stderr.trimEnd().split('\n').at(-1)).toMatch(/^[0-9a-z]+: failed: no findings file \(.*f\.js:2\)$/u);
  });

  it('keeps `RUN: failed: MESSAGE` on one line when the message spans lines or holds controls (drawn as ␊ ␛ ␇)', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(sandbox, 'f.js', `${meta('f')}throw new Error('first line\\nsecond line\\u001b]0;owned\\u0007');`);
    const { status, captured } = await headless([ref]);
    expect(status).toBe(1);
    const lines = captured.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^[0-9a-z]+: failed: first line␊second line␛\]0;owned␇ \(.*f\.js:2\)$/u);
    expect(lines.map((line) => line.replace(/^[0-9a-z]+: /u, '').split(' ')[0])).toEqual(['run', 'done', 'failed:']);
  });

  it("shows the run's, a phase's and the agents' names with their controls visible on stderr; an agent's name holds none", async () => {
    sandbox = makeSandbox();
    const name = 'ev\u001b[31mil\nrun\u202e';
    const ref = writeScript(sandbox, 'n.js', `${meta(name)}phase('Ph\\u0007ase');\nawait agent('one');\nawait agent('two', { label: 'x\\u001b]0;t\\u0007y\\u200bz' });\nreturn 1;`);
    const { status, captured, host } = await headless([ref]);
    expect(status).toBe(0);
    expect(host.calls.map((call) => call.baseName)).toEqual(['ev-[31mil-run--1', 'x-]0;t-y-z']);
    const lines = captured.stderr.trimEnd().split('\n').map((line) => line.replace(/^[0-9a-z]+: /u, ''));
    expect(lines.slice(0, 3)).toEqual([`run ev␛[31mil␊run<U+202E> (${path.join(sandbox.cwd, 'n.js')})`, 'phase Ph␇ase', 'started ev-[31mil-run--1 [Ph␇ase]']);
    // eslint-disable-next-line no-control-regex
    expect(captured.stderr.replace(/\n/gu, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/u);
  });

  it('exit 2 when the script does not load: FILE:LINE on stderr, no host opened, no model call', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(sandbox, 'bad.js', `export const meta = { name: 'bad', description: String('x') };\nawait agent('never');`);
    const { status, captured, host, opened } = await headless([ref]);
    expect(status).toBe(2);
    expect(captured.stderr).toBe(`${path.join(sandbox.cwd, 'bad.js')}:1: meta: a call is not allowed\n`);
    expect(opened).toBe(0);
    expect(host.calls).toHaveLength(0);
  });

  it('exit 2 when another agentmux holds the store', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(sandbox, 'ok.js', `${meta('ok')}return 1;`);
    const held = lockStoreDir(path.join(sandbox.dir, 'store'));
    expect(held.ok).toBe(true);
    try {
      const { status, captured } = await headless([ref]);
      expect(status).toBe(2);
      expect(captured.stderr).toBe(`${path.join(sandbox.dir, 'store')}: in use by agentmux pid ${process.pid}\n`);
    } finally {
      if (held.ok) held.value.release();
    }
  });

  it('exit 3 over budget (BudgetExhausted)', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(sandbox, 'loop.js', `${meta('loop')}for (;;) await agent('more');`);
    const { status, captured } = await headless([ref, '--budget-tokens', '25'], { tokens: 10 });
    expect(status).toBe(3);
    expect(captured.stdout).toBe('null\n');
    expect(captured.stderr.trimEnd().split('\n').at(-1)).toMatch(/: over-budget: BudgetExhausted: the run's budget of 25 output tokens is spent/u);
  });

  it('exit 3 over budget when parallel() swallowed BudgetExhausted and the script returned its nulls', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(sandbox, 'fan.js', `${meta('fan')}await agent('first');\nreturn await parallel([1, 2].map((n) => () => agent('more ' + n)));`);
    const { status, captured } = await headless([ref, '--budget-tokens', '25'], { tokens: 30 });
    expect(status).toBe(3);
    expect(captured.stdout).toBe('null\n');
    expect(captured.stderr.trimEnd().split('\n').at(-1)).toMatch(/^[0-9a-z]+: over-budget: BudgetExhausted: the run's budget of 25 output tokens is spent \(the script went on and returned; its result is dropped\)$/u);
  });

  it('exit 3 when SIGINT/SIGTERM stops the run: pending calls resolve null and nothing more starts', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(sandbox, 'wait.js', `${meta('wait')}await agent('long');\nawait agent('after');\nreturn 'done';`);
    const { status, captured, host } = await headless([ref], { delay: () => 60_000 }, async (running) => {
      await expect.poll(() => running.stderr, { timeout: 20_000 }).toContain('started wait-1');
      running.stop();
    });
    expect(status).toBe(3);
    expect(host.calls.map((call) => call.prompt)).toEqual(['long']);
    // A stopped run's result is null, whatever the script returns: stdout is exactly `null\n`.
    expect(captured.stdout).toBe('null\n');
    expect(captured.stderr).toMatch(/null wait-1: aborted\n.*done stopped\n.*: stopped: stopped by a signal\n$/u);
  });
});
