// Tokens, cost and turns an agent has spent, on every branch (spent tokens stay spent).
import type { Usage } from './entry.js';
import { costOf } from './pricing.js';

export type UsageTotals = {
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** null once any answer came from a model without a known price. */
  readonly costUsd: number | null;
  readonly turns: number;
};

export const ZERO_TOTALS: UsageTotals = { inputTokens: 0, outputTokens: 0, costUsd: 0, turns: 0 };

/** Adds one answer's usage (input counts cache reads and writes too). */
export function addUsage(totals: UsageTotals, model: string, usage: Usage): UsageTotals {
  const cost = costOf(model, usage);
  return {
    inputTokens: totals.inputTokens + usage.inputTokens + usage.cacheReadTokens + usage.cacheWriteTokens,
    outputTokens: totals.outputTokens + usage.outputTokens,
    costUsd: totals.costUsd === null || cost === null ? null : totals.costUsd + cost,
    turns: totals.turns,
  };
}

/** Counts one more turn started. */
export function addTurn(totals: UsageTotals): UsageTotals {
  return { ...totals, turns: totals.turns + 1 };
}

/** Sums several agents' totals (the status bar's overall figures). */
export function sumTotals(all: readonly UsageTotals[]): UsageTotals {
  let sum = ZERO_TOTALS;
  for (const t of all) {
    sum = {
      inputTokens: sum.inputTokens + t.inputTokens,
      outputTokens: sum.outputTokens + t.outputTokens,
      costUsd: sum.costUsd === null || t.costUsd === null ? null : sum.costUsd + t.costUsd,
      turns: sum.turns + t.turns,
    };
  }
  return sum;
}
