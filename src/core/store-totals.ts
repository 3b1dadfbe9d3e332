// Tokens, cost and turns over every session of a store (what `budget --all` caps and the status
// bar shows), from the catalog's rows.
import type { SessionSummary } from './store.js';
import { sumTotals, type UsageTotals } from './usage-totals.js';

/** Sums the rows; a session whose journal was never read has no known cost yet: one unknown cost. */
export function storeTotalsOf(rows: readonly SessionSummary[]): UsageTotals {
  return sumTotals(
    rows.map((s) => ({
      inputTokens: s.inputTokens,
      outputTokens: s.outputTokens,
      costUsd: s.costUsd ?? 0,
      unknownCosts: s.costUsd === null ? 1 : s.unknownCosts,
      turns: s.turns,
    })),
  );
}
