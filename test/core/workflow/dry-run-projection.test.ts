// What a dry run reports (issue 16): agents per phase in meta order, a cost range per phase from the
// price table and the tokens assumed per agent, both assumptions stated, unpriced models as "?".
import { describe, expect, it } from 'vitest';
import { dryRunReport, projectDryRun } from '../../../src/core/workflow/dry-run-projection.js';

const ASSUMED = { items: 10, tokensPerAgent: 30_000 };

describe('dry run projection', () => {
  it('groups agents by phase in meta order and prices each from input (low) to output (high)', () => {
    const projection = projectDryRun(
      [
        { phase: 'Verify', model: 'claude-haiku-4-5' },
        { phase: 'Review', model: 'claude-sonnet-4-6' },
        { phase: 'Verify', model: 'claude-haiku-4-5' },
        { phase: undefined, model: 'claude-sonnet-4-6' },
      ],
      ['Review', 'Verify', 'Report'],
      ASSUMED,
    );
    expect(projection.phases.map((phase) => [phase.title, phase.agents])).toEqual([
      ['Review', 1],
      ['Verify', 2],
      ['Report', 0],
      ['(no phase)', 1],
    ]);
    const verify = projection.phases[1];
    expect(verify?.lowUsd).toBeCloseTo(2 * 0.03 * 1);
    expect(verify?.highUsd).toBeCloseTo(2 * 0.03 * 5);
    expect(projection.highUsd).toBeCloseTo(0.03 * 15 * 2 + 0.03 * 5 * 2);
  });

  it('states both assumptions and shows an unpriced model as "?"', () => {
    const projection = projectDryRun([{ phase: 'Local', model: 'lab/llama' }, { phase: 'Local', model: 'claude-haiku-4-5' }], [], { items: 4, tokensPerAgent: 1000 });
    const text = dryRunReport('demo', projection, { items: 4, tokensPerAgent: 1000 }, { kind: 'none' }, { status: 'completed', result: null });
    expect(text).toContain('4 items in every array');
    expect(text).toContain('1,000 tokens per agent');
    expect(text).toMatch(/Local\s+2\s+\$0\.001 – \$0\.005 \+ \?/u);
    expect(text).toContain('1 agent(s) run on a model missing from the price table');
  });

  it('says when the script hit the agent cap or looped until the budget', () => {
    const projection = projectDryRun([], [], ASSUMED);
    expect(dryRunReport('x', projection, ASSUMED, { kind: 'agent-cap', requested: 1001 }, { status: 'failed', error: 'RangeError' })).toContain('cap of 1000 agents');
    expect(dryRunReport('x', projection, ASSUMED, { kind: 'budget', reason: 'spent' }, { status: 'over-budget', error: 'spent' })).toContain('loops until the budget');
  });
});
