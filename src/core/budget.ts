// Budget checks: which limit, if any, the totals have reached.
import type { BudgetLimits } from './budget-limits.js';
import type { UsageTotals } from './usage-totals.js';

/** A description of the first limit reached ("tokens 1,204/1,000"), or undefined. */
export function budgetReached(
  limits: BudgetLimits,
  totals: UsageTotals,
  moment: 'model-call' | 'turn-start',
): string | undefined {
  const tokens = totals.inputTokens + totals.outputTokens;
  if (limits.tokens !== undefined && tokens >= limits.tokens) {
    return `tokens ${tokens.toLocaleString('en-US')}/${limits.tokens.toLocaleString('en-US')}`;
  }
  if (limits.usd !== undefined && totals.costUsd !== null && totals.costUsd >= limits.usd) {
    return `USD ${totals.costUsd.toFixed(3)}/${limits.usd}`;
  }
  // A turn limit stops new turns; it never cuts a running turn short.
  if (moment === 'turn-start' && limits.turns !== undefined && totals.turns >= limits.turns) {
    return `turns ${totals.turns}/${limits.turns}`;
  }
  return undefined;
}

/** Merges newly set limits over the old ones (a `budget` command sets only what it names). */
export function mergeLimits(old: BudgetLimits, update: BudgetLimits): BudgetLimits {
  return { ...old, ...update };
}
