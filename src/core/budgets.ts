// Budgets (DESIGN.md §3): each session's own limits, kept in its journal, and the overall limit
// over every session in the store. Owns the check the runner makes before each turn and model
// call, the `budget` command's set and report, and releasing agents a raised limit lets go on.
import type { Agent, SdkAgent } from './agent.js';
import type { BudgetLimits } from './budget-limits.js';
import { budgetReached, describeSpend, mergeLimits, unknownCostWarning, type BudgetMoment } from './budget.js';
import type { BudgetTarget } from './cockpit-api.js';
import { err, ok, type Result } from './result.js';
import type { SessionStore } from './store.js';
import { isTurnOpen } from './turn-phase.js';
import { storeTotalsOf } from './store-totals.js';
import type { UsageTotals } from './usage-totals.js';

/** Where the overall budget (`budget --all`) is kept between runs. */
export type OverallBudgetSetting = { get(): BudgetLimits; set(limits: BudgetLimits): void };

/** An overall budget kept in memory, one per controller (a shared module-level one would leak between controllers). */
export function inMemoryOverallBudget(): OverallBudgetSetting {
  let limits: BudgetLimits = {};
  return {
    get: () => limits,
    set: (next) => {
      limits = next;
    },
  };
}

/** What budgets need from the controller. */
export type BudgetDeps = {
  readonly store: SessionStore;
  readonly overall: OverallBudgetSetting;
  readonly agents: () => readonly Agent[];
  /** The agent a command may act on, or why not. */
  readonly usable: (name: string, operation: string) => Result<SdkAgent>;
  /** Writes an agent's session summary (its limits show in the catalog). */
  readonly summarize: (agent: Agent) => void;
};

/** The per-session and overall budgets of one controller. */
export class Budgets {
  constructor(private readonly d: BudgetDeps) {}

  /** The limit `agent` has reached at `moment` (its own first, then the overall one), or undefined. */
  reached(agent: SdkAgent, moment: BudgetMoment): string | undefined {
    const own = budgetReached(agent.session.limits, agent.session.totals, moment);
    if (own !== undefined) return own;
    // The overall budget counts every session in the store, so closing a pane or
    // restarting does not reset what was spent. With no overall limit there is nothing to sum
    // (a 1,000-agent run checks before every turn and call; the store lists every session).
    const overall = this.d.overall.get();
    if (overall.tokens === undefined && overall.usd === undefined && overall.turns === undefined) return undefined;
    const all = budgetReached(overall, this.storeTotals(), moment);
    return all === undefined ? undefined : `overall ${all}`;
  }

  /** Tokens, cost and turns over every session in the store (what `budget --all` caps). */
  storeTotals(): UsageTotals {
    // The store's own memoized sums when it keeps them (read every frame by the status bar).
    return this.d.store.totals?.() ?? storeTotalsOf(this.d.store.list());
  }

  /** `budget`: sets (or with `clear`, replaces) an agent's or the overall limits. */
  set(target: BudgetTarget, limits: BudgetLimits, clear: boolean): Result<string> {
    const overall = this.d.overall;
    if (target.kind === 'all') {
      overall.set(mergeLimits(clear ? {} : overall.get(), limits));
      // Agents held by the overall cap alone may go on once it is raised or cleared.
      for (const a of this.d.agents()) this.releaseIfUnder(a);
      return ok(`overall budget: ${describeLimits(overall.get())}${unknownCostWarning(overall.get(), this.storeTotals())}`);
    }
    const agent = this.d.usable(target.agent, 'budget');
    if (!agent.ok) return agent;
    const a = agent.value;
    const session = a.session;
    const written = session.record({ t: 'budget', limits: mergeLimits(clear ? {} : session.limits, limits) });
    if (!written.ok) return err(written.error);
    this.d.summarize(a);
    this.releaseIfUnder(a);
    return ok(`${a.name} budget: ${describeLimits(session.limits)}${unknownCostWarning(session.limits, session.totals)}`);
  }

  /** `budget` with no limits: what is spent against what is allowed. */
  report(target: BudgetTarget): Result<string> {
    const overall = `overall: ${describeSpend(this.d.overall.get(), this.storeTotals())}`;
    if (target.kind === 'all') return ok(overall);
    const agent = this.d.usable(target.agent, 'budget');
    if (!agent.ok) return agent;
    const session = agent.value.session;
    return ok(`${agent.value.name}: ${describeSpend(session.limits, session.totals)} · ${overall}`);
  }

  /** The moment to check an agent at: within a turn the next model call, else the next turn's start. */
  momentOf(agent: SdkAgent): BudgetMoment {
    return isTurnOpen(agent.phase) ? 'model-call' : 'turn-start';
  }

  private releaseIfUnder(a: Agent): void {
    if (a.kind === 'sdk' && a.state === 'over-budget' && this.reached(a, this.momentOf(a)) === undefined) {
      a.hold('budget raised: resume to continue');
    }
  }
}

/** "tokens 10,000 · USD 2 · turns 5", or "none". */
export function describeLimits(limits: BudgetLimits): string {
  const parts: string[] = [];
  if (limits.tokens !== undefined) parts.push(`tokens ${limits.tokens.toLocaleString('en-US')}`);
  if (limits.usd !== undefined) parts.push(`USD ${limits.usd}`);
  if (limits.turns !== undefined) parts.push(`turns ${limits.turns}`);
  return parts.length === 0 ? 'none' : parts.join(' · ');
}
