// DESIGN.md §9: call keys (identical across runs whatever the latencies), naming, budget
// (BudgetExhausted, over-budget), stop, and the record's lines.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRunRecord } from '../../../src/adapters/workflow/run-record-reader.js';
import { runDirectory } from '../../../src/adapters/workflow/run-record-file.js';
import type { RunRecordLine } from '../../../src/core/workflow/run-record.js';
import { echo, FakeHost } from './fake-host.js';
import { makeSandbox, meta, runToEnd, start, writeScript, type Sandbox } from './run-kit.js';

let sandbox: Sandbox;
afterEach(() => sandbox.cleanup());

/** A seeded generator (the test's own; scripts may not use Math.random). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const fanOut = `${meta('keys')}
const found = await parallel([0, 1, 2, 3].map((i) => () => agent('same prompt', { label: 'finder ' + i })));
const audits = await pipeline(['x', 'y', 'x'], (item) => agent('audit ' + item), (previous) => agent('check ' + previous));
const twice = await parallel([() => agent('dup'), () => agent('dup')]);
await agent('dup'); await agent('dup');
return { found, audits, twice };`;

function keysByPrompt(lines: readonly RunRecordLine[]): string[] {
  return lines
    .filter((line) => line.type === 'result')
    .map((line) => (line.type === 'result' ? `${JSON.stringify(line.value)} ${line.key}` : ''))
    .sort();
}

describe('call keys', () => {
  it('are identical across two runs whose calls finish in different orders', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(sandbox, 'keys.js', fanOut);
    const first = seeded(1);
    const second = seeded(99);
    const a = await runToEnd(sandbox, ref, new FakeHost(echo, { delay: () => Math.floor(first() * 30) }));
    const b = await runToEnd(sandbox, ref, new FakeHost(echo, { delay: () => Math.floor(second() * 30) }));
    expect(a.end.status).toBe('completed');
    const keysA = keysByPrompt(a.record.lines);
    expect(keysA).toEqual(keysByPrompt(b.record.lines));
    expect(keysA).toHaveLength(4 + 6 + 2 + 2);
    // Same prompt in different parallel slots: different hashes; same hash at the same path: #0, #1.
    const keyOf = (line: string): string => line.slice(line.lastIndexOf(' ') + 1);
    const dupTop = keysA.filter((line) => line.startsWith('"dup"')).map(keyOf);
    expect(dupTop.filter((key) => key.endsWith('#1'))).toHaveLength(1);
    expect(dupTop).toHaveLength(4);
    expect(new Set(keysA.map(keyOf)).size).toBe(keysA.length);
  });

  it('change with the run args', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(sandbox, 'k.js', `${meta('k')}await agent('p', { label: args.label, phase: args.phase }); return null;`);
    const keyOf = async (args: { label: string; phase: string; extra?: number }): Promise<string | undefined> => {
      const { record } = await runToEnd(sandbox, ref, new FakeHost(echo), { args });
      const started = record.lines.find((line) => line.type === 'started');
      return started?.type === 'started' ? started.key : undefined;
    };
    const base = await keyOf({ label: 'a', phase: 'A' });
    expect(base).toMatch(/^[0-9a-f]{64}#0$/u);
    expect(await keyOf({ label: 'b', phase: 'B' })).not.toBe(base);
    expect(await keyOf({ label: 'a', phase: 'A', extra: 1 })).not.toBe(base);
  });
});

describe('naming', () => {
  it('labels become names (whitespace → -, reserved shapes prefixed RUNNAME-); unlabeled calls are RUNNAME-N', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(
      sandbox,
      'names.js',
      `export const meta = { name: 'my run', description: 'd' };
      await agent('a', { label: 'bug  hunter\\tone' });
      await agent('b', { label: '42' });
      await agent('c', { label: 'all' });
      await agent('d', { label: '@x' });
      await agent('e');
      await agent('f', { label: '' });
      return null;`,
    );
    const host = new FakeHost(echo);
    await runToEnd(sandbox, ref, host);
    expect(host.calls.map((call) => call.baseName)).toEqual(['bug-hunter-one', 'my-run-42', 'my-run-all', 'my-run-@x', 'my-run-5', 'my-run-']);
  });
});

describe('budget', () => {
  it('once --budget-tokens is spent, host.budgetSpent is called and a later agent() throws BudgetExhausted; a script ending on it ends over-budget', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(
      sandbox,
      'spend.js',
      `${meta('spend')}log('total', budget.total, 'remaining', budget.remaining());
      for (let i = 0; ; i++) { await agent('step ' + i); log('spent', budget.spent(), 'remaining', budget.remaining()); }`,
    );
    const host = new FakeHost(echo, { tokens: 40 });
    const { end, record } = await runToEnd(sandbox, ref, host, { caps: { tokens: 100, usd: null } });
    expect(end.status).toBe('over-budget');
    expect(end.status !== 'completed' && end.error).toMatch(/^BudgetExhausted: the run's budget of 100 output tokens is spent/u);
    expect(host.budgetReasons).toEqual(["the run's budget of 100 output tokens is spent"]);
    expect(host.calls).toHaveLength(3);
    const logs = record.lines.filter((line) => line.type === 'log').map((line) => (line.type === 'log' ? line.text : ''));
    expect(logs).toEqual(['total 100 remaining 100', 'spent 40 remaining 60', 'spent 80 remaining 20', 'spent 120 remaining 0']);
  });

  it('without a cap budget.total is null and remaining() is Infinity; --budget-usd caps too', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(sandbox, 'usd.js', `${meta('usd')}const before = [budget.total, budget.remaining() === Infinity];\nawait agent('a');\ntry { await agent('b'); return 'no throw'; } catch (e) { return [before, e.name]; }`);
    const { end } = await runToEnd(sandbox, ref, new FakeHost(echo, { usd: 0.5 }), { caps: { tokens: null, usd: 0.25 } });
    expect(end).toEqual({ status: 'completed', result: [[null, true], 'BudgetExhausted'] });
  });
});

describe('stopping a run', () => {
  it('resolves every pending call to null, starts nothing more, and ends the run stopped', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(sandbox, 'long.js', `${meta('long')}await parallel([0, 1, 2, 3].map((i) => () => agent('w' + i)));\nawait agent('never');\nreturn 'finished';`);
    const host = new FakeHost(echo, { delay: () => 60_000 });
    const run = await start(sandbox, ref, host, { concurrency: 2 });
    await host.until((calls) => calls.length === 4);
    const end = await run.stop();
    expect(end).toEqual({ status: 'stopped', error: 'stopped by the user' });
    expect(host.calls.map((call) => call.prompt)).not.toContain('never');
    const record = readRunRecord(sandbox.store, run.id);
    expect(record.ok && record.value.lines.filter((line) => line.type === 'failed')).toHaveLength(4);
    expect(record.ok && record.value.lines.at(-1)?.type).toBe('done');
  });
});

describe('the record', () => {
  it('keeps the exact script and one compact line per event: meta, phase, log, started, result, failed, done last', async () => {
    sandbox = makeSandbox();
    const text = `${meta('rec', ", phases: [{ title: 'Find', model: 'haiku' }]")}phase('Find');\nlog('looking', { n: 1 });\nconst a = await agent('find', { label: 'finder' });\nconst b = await agent('nothing', { phase: 'Other' });\nreturn { a, b };\n`;
    const ref = writeScript(sandbox, 'rec.js', text);
    const host = new FakeHost((call) => (call.prompt === 'find' ? { kind: 'value', value: { found: [1, 2] } } : { kind: 'null', reason: 'no valid StructuredOutput' }));
    const { run, end, record } = await runToEnd(sandbox, ref, host, { args: { target: 'src' } });
    expect(end).toEqual({ status: 'completed', result: { a: { found: [1, 2] }, b: null } });
    const dir = runDirectory(sandbox.store, run.id);
    expect(fs.readFileSync(path.join(dir, 'script.js'), 'utf8')).toBe(text);
    const raw = fs.readFileSync(path.join(dir, 'run.jsonl'), 'utf8').split('\n');
    expect(raw.pop()).toBe('');
    for (const line of raw) expect(line).toBe(JSON.stringify(JSON.parse(line)));
    const shapes = record.lines.map((line) => {
      const { at: _at, ...rest } = line;
      if (rest.type === 'started' || rest.type === 'result' || rest.type === 'failed') return { ...rest, key: rest.key.length };
      if (rest.type === 'meta') return { ...rest, script: path.basename(rest.script) };
      return rest;
    });
    expect(shapes).toEqual([
      { type: 'meta', run: run.id, name: 'rec', description: 'test', phases: [{ title: 'Find', model: 'haiku' }], script: 'rec.js', args: { target: 'src' }, cwd: sandbox.cwd },
      { type: 'phase', title: 'Find' },
      { type: 'log', text: 'looking {"n":1}' },
      { type: 'started', agent: 'finder', session: 'session-1', label: 'finder', phase: 'Find', key: 66, saw: [] },
      { type: 'result', agent: 'finder', key: 66, value: { found: [1, 2] } },
      { type: 'started', agent: 'rec-2', session: 'session-2', phase: 'Other', key: 66, saw: [] },
      { type: 'failed', agent: 'rec-2', key: 66, reason: 'no valid StructuredOutput' },
      { type: 'done', status: 'completed', result: { a: { found: [1, 2] }, b: null } },
    ]);
  });

  it('a torn last line is repaired when the record is read', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(sandbox, 't.js', `${meta('t')}return 1;`);
    const { run, record } = await runToEnd(sandbox, ref, new FakeHost(echo));
    const file = path.join(runDirectory(sandbox.store, run.id), 'run.jsonl');
    const whole = fs.readFileSync(file, 'utf8');
    fs.appendFileSync(file, '{"type":"log","at":"2026-');
    const repaired = readRunRecord(sandbox.store, run.id);
    expect(repaired.ok && repaired.value.lines).toEqual(record.lines);
    expect(repaired.ok && repaired.value.notices[0]).toMatch(/repaired a torn last line \(25 bytes dropped\)/u);
    expect(fs.readFileSync(file, 'utf8')).toBe(whole);
  });

  it('a script that throws ends failed with its message and line', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(sandbox, 'boom.js', `${meta('boom')}\nawait agent('a');\nthrow new Error('it broke');\n`);
    const { end } = await runToEnd(sandbox, ref, new FakeHost(echo));
    expect(end.status).toBe('failed');
    expect(end.status === 'failed' && end.error).toMatch(/^it broke \(.*boom\.js:4\)$/u);
  });
});
