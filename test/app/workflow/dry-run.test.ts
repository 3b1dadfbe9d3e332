// `agentmux run --dry-run` (issue 16): the fixture scripts in the dialect run on stand-in answers,
// and the agents counted per phase are what the script would start on answers of that shape.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dryRun, type DryRunOutcome } from '../../../src/app/workflow/dry-run.js';
import type { BudgetCaps } from '../../../src/core/workflow/run-budget.js';
import { makeSandbox, type Sandbox } from './run-kit.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/workflows');
let sandbox: Sandbox | undefined;
afterEach(() => sandbox?.cleanup());

async function dry(fixture: string, caps: BudgetCaps = { tokens: null, usd: null }, items = 10): Promise<DryRunOutcome> {
  sandbox = makeSandbox();
  const outcome = await dryRun({
    ref: path.join(FIXTURES, fixture),
    args: undefined,
    cwd: sandbox.cwd,
    home: sandbox.dir,
    providers: {},
    model: undefined,
    defaultModel: 'claude-sonnet-4-6',
    caps,
    assumptions: { items, tokensPerAgent: 30_000 },
  });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.value;
}

function counts(outcome: DryRunOutcome): Array<[string, number]> {
  return outcome.projection.phases.map((phase) => [phase.title, phase.agents]);
}

describe('dry runs', { timeout: 30_000 }, () => {
  it('count a pipeline whose second stage fans out over the first stage\'s array', async () => {
    const outcome = await dry('pipeline-fanout.js');
    expect(outcome.end.status).toBe('completed');
    expect(counts(outcome)).toEqual([
      ['Outline', 3],
      ['Check', 30],
    ]);
    expect(outcome.end).toEqual({ status: 'completed', result: { files: 3, checked: [10, 10, 10] } });
    // Check's agents name haiku: priced as haiku, not as the default model.
    expect(outcome.projection.phases[1]?.models).toEqual(['claude-haiku-4-5']);
    expect(outcome.projection.phases[1]?.highUsd).toBeCloseTo(30 * 0.03 * 5);
  });

  it('count a parallel of parallels, and follow --assume-items', async () => {
    expect(counts(await dry('review-grid.js'))).toEqual([
      ['Review', 3],
      ['Verify', 90],
    ]);
    expect(counts(await dry('review-grid.js', { tokens: null, usd: null }, 2))).toEqual([
      ['Review', 3],
      ['Verify', 18],
    ]);
  });

  it('count a loop until converged to its last round when no stand-in answer converges it', async () => {
    const outcome = await dry('critic-loop.js');
    expect(counts(outcome)).toEqual([
      ['Draft', 1],
      ['Critique', 10],
    ]);
    expect(outcome.end).toMatchObject({ status: 'completed', result: { rounds: 5 } });
    expect(outcome.limit).toEqual({ kind: 'none' });
  });

  it('say a loop until the budget stops at the budget, assuming the tokens per agent', async () => {
    const outcome = await dry('until-budget.js', { tokens: 100_000, usd: null });
    expect(counts(outcome)).toEqual([['Ideas', 4]]);
    expect(outcome.limit).toEqual({ kind: 'budget', reason: "the run's budget of 100000 output tokens is spent" });
    // budget.remaining() reached 0 and the loop ended on its own, but a real run cuts the call that
    // crosses the budget: the dry run says over-budget as the real run will (exit 3).
    expect(outcome.end.status).toBe('over-budget');
  });

  it('say a loop with no budget hits the 1000-agent cap', async () => {
    const outcome = await dry('until-budget.js');
    expect(outcome.projection.agents).toBe(1000);
    expect(outcome.limit).toEqual({ kind: 'agent-cap', requested: 1001 });
    expect(outcome.end.status).toBe('failed');
  });
});
