// Budget checks: which limit, if any, the totals have reached. Costs a model's price cannot give
// are counted as unknown, never as a reason to stop checking: the known part still reaches a cap,
// token and turn caps still apply, and every message about the cap says "+ ?" (issue 11, B4).
import type { BudgetLimits } from './budget-limits.js';
import { formatSpent } from './pricing.js';
import type { UsageTotals } from './usage-totals.js';

/** When a budget is checked: before a model call within a turn, or before a turn starts (turn caps apply only then). */
export type BudgetMoment = 'model-call' | 'turn-start';

/** A description of the first limit reached ("tokens 1,204/1,000"), or undefined. */
export function budgetReached(
  limits: BudgetLimits,
  totals: UsageTotals,
  moment: BudgetMoment,
): string | undefined {
  const tokens = totals.inputTokens + totals.outputTokens;
  if (limits.tokens !== undefined && tokens >= limits.tokens) {
    return `tokens ${tokens.toLocaleString('en-US')}/${limits.tokens.toLocaleString('en-US')}`;
  }
  if (limits.usd !== undefined && totals.costUsd >= limits.usd) {
    return `USD ${totals.costUsd.toFixed(3)}${totals.unknownCosts > 0 ? ' + ?' : ''}/${limits.usd}`;
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

/** Spend against caps, for `budget` with no limits: "$0.960 + ? of $2 · 16,445 tokens · 3 of 5 turns". */
export function describeSpend(limits: BudgetLimits, totals: UsageTotals): string {
  const tokens = totals.inputTokens + totals.outputTokens;
  const usd = `${formatSpent(totals.costUsd, totals.unknownCosts)}${limits.usd === undefined ? '' : ` of $${limits.usd}`}`;
  const tokenPart =
    limits.tokens === undefined
      ? `${tokens.toLocaleString('en-US')} tokens`
      : `${tokens.toLocaleString('en-US')} of ${limits.tokens.toLocaleString('en-US')} tokens`;
  const turnPart = limits.turns === undefined ? plural(totals.turns, 'turn') : `${totals.turns} of ${plural(limits.turns, 'turn')}`;
  const uncapped = limits.usd === undefined && limits.tokens === undefined && limits.turns === undefined;
  return `${usd} · ${tokenPart} · ${turnPart}${uncapped ? ' (no cap)' : ''}`;
}

/** Said beside a USD cap whose spend holds unknown costs, so the cap is never trusted blindly. */
export function unknownCostWarning(limits: BudgetLimits, totals: UsageTotals): string {
  if (limits.usd === undefined || totals.unknownCosts === 0) return '';
  return ' (costs from models without a price are not counted: "+ ?"; a --tokens cap still holds them)';
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
