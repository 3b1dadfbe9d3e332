// Tokens, cost and turns an agent has spent, on every branch (spent tokens stay spent).
import type { Usage } from './entry.js';
import { costOf } from './pricing.js';

export type UsageTotals = {
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** What the answers from priced models cost; the others are counted in `unknownCosts`. */
  readonly costUsd: number;
  /** How many costs are not in `costUsd` (answers from a model with no price, sessions not yet read). */
  readonly unknownCosts: number;
  readonly turns: number;
};

export const ZERO_TOTALS: UsageTotals = { inputTokens: 0, outputTokens: 0, costUsd: 0, unknownCosts: 0, turns: 0 };

/** Adds one answer's usage (input counts cache reads and writes too). */
export function addUsage(totals: UsageTotals, model: string, usage: Usage): UsageTotals {
  const cost = costOf(model, usage);
  return {
    inputTokens: totals.inputTokens + usage.inputTokens + usage.cacheReadTokens + usage.cacheWriteTokens,
    outputTokens: totals.outputTokens + usage.outputTokens,
    costUsd: totals.costUsd + (cost ?? 0),
    unknownCosts: totals.unknownCosts + (cost === null ? 1 : 0),
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
      costUsd: sum.costUsd + t.costUsd,
      unknownCosts: sum.unknownCosts + t.unknownCosts,
      turns: sum.turns + t.turns,
    };
  }
  return sum;
}
