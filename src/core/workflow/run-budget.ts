// The run's spending (DESIGN.md §9 `budget`): output tokens for `budget.spent()`, and the caps of
// `--budget-tokens` / `--budget-usd`; once a cap is reached the budget stays spent.

export type BudgetCaps = { readonly tokens: number | null; readonly usd: number | null };

/** Output tokens and cost so far against the run's caps. */
export class RunBudget {
  private tokens = 0;
  private usd = 0;
  private exhaustedBecause: string | undefined;

  constructor(readonly caps: BudgetCaps) {}

  /** Adds what an agent spent; returns the reason when this spending reached a cap first. */
  add(outputTokens: number, usd: number | undefined): string | undefined {
    this.tokens += Math.max(0, outputTokens);
    this.usd += Math.max(0, usd ?? 0);
    if (this.exhaustedBecause !== undefined) return undefined;
    const { tokens, usd: dollars } = this.caps;
    if (tokens !== null && this.tokens >= tokens) this.exhaustedBecause = `the run's budget of ${tokens} output tokens is spent`;
    else if (dollars !== null && this.usd >= dollars) this.exhaustedBecause = `the run's budget of $${dollars} is spent`;
    return this.exhaustedBecause;
  }

  /** Output tokens spent by the run's agents. */
  spentTokens(): number {
    return this.tokens;
  }

  /** Why the budget is spent, or undefined while it is not. */
  exhausted(): string | undefined {
    return this.exhaustedBecause;
  }
}
