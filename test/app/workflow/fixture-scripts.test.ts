// The fixture scripts (test/fixtures/workflows/) in the shapes real workflows take, run end to
// end on the runtime with a fake host that answers like agents would.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../src/core/json-value.js';
import type { AgentCall, AgentCallOutcome } from '../../../src/core/workflow/agent-host.js';
import { FakeHost } from './fake-host.js';
import { makeSandbox, runToEnd, writeScript, type Sandbox } from './run-kit.js';

let sandbox: Sandbox;
afterEach(() => sandbox.cleanup());

const fixtures = path.join(import.meta.dirname, '..', '..', 'fixtures', 'workflows');

function copyFixture(name: string): string {
  return writeScript(sandbox, name, fs.readFileSync(path.join(fixtures, name), 'utf8'));
}

const value = (v: JsonValue): AgentCallOutcome => ({ kind: 'value', value: v });

describe('fixture workflows', () => {
  it('discover with a schema, then a pipeline of audits whose findings get a second look', async () => {
    sandbox = makeSandbox();
    const ref = copyFixture('discover-audit.js');
    const host = new FakeHost(
      (call: AgentCall) => {
        const label = call.options.label ?? '';
        if (label === 'discoverer') return value({ modules: ['parse', 'render', 'store'] });
        const module = label.split(' ')[1] ?? '';
        if (label.startsWith('audit')) return value({ module, issues: module === 'render' ? [] : [{ title: `${module} trusts its input`, severity: 'high' }] });
        return value({ module, issues: module === 'store' ? [{ title: 'real one', severity: 'low' }] : [] });
      },
      { delay: (call) => (call.options.label === 'audit parse' ? 30 : 0) },
    );
    const { end, record } = await runToEnd(sandbox, ref, host, { args: { root: 'lib' } });
    expect(end).toEqual({
      status: 'completed',
      result: { audited: [{ module: 'parse', issues: [] }, { module: 'render', issues: [] }, { module: 'store', issues: [{ title: 'real one', severity: 'low' }] }] },
    });
    expect(host.calls[0]?.prompt).toBe('List the modules under lib that handle user input.');
    expect(host.calls.map((call) => `${call.baseName}@${call.phase ?? ''}`).sort()).toEqual(
      ['discoverer@Discover', 'audit-parse@Audit', 'audit-render@Audit', 'audit-store@Audit', 'check-parse@Check', 'check-store@Check'].sort(),
    );
    expect(record.lines.filter((line) => line.type === 'log').map((line) => (line.type === 'log' ? line.text : ''))).toEqual(['modules 3']);
  });

  it('a review grid whose findings are each verified by a parallel of three skeptics and kept by majority', async () => {
    sandbox = makeSandbox();
    const ref = copyFixture('review-grid.js');
    const votes: Record<string, readonly boolean[]> = { correctness: [true, true, true], security: [true, false, true], performance: [false, false, true] };
    const host = new FakeHost((call) => {
      const label = call.options.label ?? '';
      if (label.startsWith('reviewer')) {
        const concern = label.split(' ')[1] ?? '';
        return value({ findings: [{ title: `${concern} bug`, file: `${concern}.ts` }] });
      }
      const concern = /refute: (\w+) bug/u.exec(call.prompt)?.[1] ?? '';
      const n = Number(label.split(' ')[1]);
      if (concern === 'security' && n === 3) return { kind: 'null', reason: 'skipped by the user' };
      return value(votes[concern]?.[n - 1] ?? false);
    });
    const { end } = await runToEnd(sandbox, ref, host);
    expect(end).toEqual({
      status: 'completed',
      result: { kept: [{ title: 'correctness bug', file: 'correctness.ts', concern: 'correctness' }], dropped: 2 },
    });
    expect(host.calls.filter((call) => call.phase === 'Verify')).toHaveLength(9);
    expect(host.calls.filter((call) => call.phase === 'Verify').every((call) => call.options.effort === 'low' && call.options.schema?.type === 'boolean')).toBe(true);
  });

  it('a loop that stops when a fresh critic finds nothing new', async () => {
    sandbox = makeSandbox();
    const ref = copyFixture('critic-loop.js');
    const critiques: Record<string, readonly string[]> = { 'critic 1': ['no tests', 'no rollback'], 'critic 2': ['no tests', 'no owner'], 'critic 3': ['no owner'] };
    const host = new FakeHost((call) => {
      const label = call.options.label ?? '';
      if (label.startsWith('critic')) return value({ problems: [...(critiques[label] ?? [])] });
      return value(`plan after ${label}`);
    });
    const { end } = await runToEnd(sandbox, ref, host, { args: 'ship the release' });
    expect(end).toEqual({ status: 'completed', result: { rounds: 3, problemsFixed: ['no tests', 'no rollback', 'no owner'], plan: 'plan after reviser 2' } });
    expect(host.calls.map((call) => call.options.label)).toEqual(['drafter', 'critic 1', 'reviser 1', 'critic 2', 'reviser 2', 'critic 3']);
    expect(host.calls[0]?.prompt).toBe('Draft a plan for: ship the release');
  });
});
