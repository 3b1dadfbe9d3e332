// How a run ends once an `agent()` was refused for its spent budget (DESIGN.md §9 "Reaching
// --budget-tokens …"): the run ends `over-budget` whatever its script did next. `parallel()` and
// `pipeline()` turn a thrown BudgetExhausted into `null` (as any failed call), and a script may
// catch it itself, so the script alone cannot be trusted to end on it: such a run never reads
// `completed` (exit 0 with a result made of nulls). A script that watched `budget.remaining()`
// and stopped before any call was refused completes with its result.
import type { RunEnd } from './run-events.js';

/** The error name scripts can test for once the budget is spent. */
export const BUDGET_EXHAUSTED = 'BudgetExhausted';

/** The run's end given how its script ended and why a call was refused for the budget (undefined: none was). */
export function endAfterScript(script: RunEnd, exhausted: string | undefined): RunEnd {
  if (exhausted === undefined) return script;
  const spent = `${BUDGET_EXHAUSTED}: ${exhausted}`;
  switch (script.status) {
    case 'completed':
      return { status: 'over-budget', error: `${spent} (the script went on and returned; its result is dropped)` };
    case 'failed':
      return { status: 'over-budget', error: script.error.startsWith(spent) ? script.error : `${spent} (then the script failed: ${script.error})` };
    case 'stopped':
    case 'over-budget':
      return script;
  }
}
