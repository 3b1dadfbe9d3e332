// How a run ends once its budget is spent (DESIGN.md §9 "Reaching --budget-tokens …"): the run
// ends `over-budget` whatever its script did next. The call that crosses the budget is cut (its
// agent stops over budget, the call resolves null), `parallel()` and `pipeline()` turn a thrown
// BudgetExhausted into `null`, and a script may catch it itself, so the script alone cannot be
// trusted to end on it: a run that spent its budget never reads `completed` (exit 0 with a result
// made of nulls), even a loop that watched `budget.remaining()` — its last call was cut.
import type { RunEnd } from './run-events.js';

/** The error name scripts can test for once the budget is spent. */
export const BUDGET_EXHAUSTED = 'BudgetExhausted';

/** The run's end given how its script ended and why the budget is spent (undefined: it is not). */
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
