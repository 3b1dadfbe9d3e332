// What a dry run projects (issue 16): the agents a script would start, per phase, and a cost range
// per phase from the price table and an assumed number of tokens per agent. Pure: the dry run
// feeds it the calls it answered, and prints `dryRunReport`.
import { formatCost, priceOf } from '../pricing.js';
import type { RunEnd } from './run-events.js';

/** The dry run's two assumptions, both stated in its report. */
export type DryRunAssumptions = { readonly items: number; readonly tokensPerAgent: number };

export const DEFAULT_ASSUME_ITEMS = 10;
export const DEFAULT_ASSUME_TOKENS = 30_000;
/** The phase of agents started before any `phase()` and without `opts.phase`. */
export const NO_PHASE = '(no phase)';

/** One `agent()` call the dry run answered: its phase and the model it would run on. */
export type DryRunCall = { readonly phase: string | undefined; readonly model: string };

/** What stopped the script early, beyond its own end. */
export type DryRunLimit = { readonly kind: 'none' } | { readonly kind: 'agent-cap'; readonly requested: number } | { readonly kind: 'budget'; readonly reason: string };

/** Agents and cost of one phase. `unpriced`: agents on a model missing from the price table. */
export type PhaseProjection = {
  readonly title: string;
  readonly agents: number;
  readonly models: readonly string[];
  readonly lowUsd: number;
  readonly highUsd: number;
  readonly unpriced: number;
};

export type DryRunProjection = {
  readonly phases: readonly PhaseProjection[];
  readonly agents: number;
  readonly lowUsd: number;
  readonly highUsd: number;
  readonly unpriced: number;
};

/** Groups the calls by phase (meta order first, then others as met) and prices each. */
export function projectDryRun(calls: readonly DryRunCall[], metaPhases: readonly string[], assumptions: DryRunAssumptions): DryRunProjection {
  const order = [...metaPhases];
  const byPhase = new Map<string, DryRunCall[]>();
  for (const call of calls) {
    const title = call.phase ?? NO_PHASE;
    if (!order.includes(title)) order.push(title);
    byPhase.set(title, [...(byPhase.get(title) ?? []), call]);
  }
  const perToken = assumptions.tokensPerAgent / 1_000_000;
  const phases = order.flatMap((title): PhaseProjection[] => {
    const group = byPhase.get(title) ?? [];
    if (group.length === 0 && !metaPhases.includes(title)) return [];
    let lowUsd = 0;
    let highUsd = 0;
    let unpriced = 0;
    for (const call of group) {
      const price = priceOf(call.model);
      if (price === undefined) unpriced += 1;
      else {
        lowUsd += price.input * perToken;
        highUsd += price.output * perToken;
      }
    }
    return [{ title, agents: group.length, models: [...new Set(group.map((call) => call.model))], lowUsd, highUsd, unpriced }];
  });
  const sum = (pick: (phase: PhaseProjection) => number): number => phases.reduce((total, phase) => total + pick(phase), 0);
  return { phases, agents: calls.length, lowUsd: sum((p) => p.lowUsd), highUsd: sum((p) => p.highUsd), unpriced: sum((p) => p.unpriced) };
}

/** "$0.090 – $0.450", with "+ ?" when some agents are unpriced, "?" when none is priced. */
export function costRangeText(low: number, high: number, unpriced: number, agents: number): string {
  if (agents === 0) return formatCost(0);
  if (unpriced === agents) return '?';
  const range = `${formatCost(low)} – ${formatCost(high)}`;
  return unpriced === 0 ? range : `${range} + ?`;
}

function limitText(limit: DryRunLimit): string[] {
  switch (limit.kind) {
    case 'none':
      return [];
    case 'agent-cap':
      return [`It hits the cap of 1000 agents per run (agent() call ${limit.requested} threw): the script keeps starting agents, e.g. a loop until the budget; a real run would stop there too.`];
    case 'budget':
      return [`It loops until the budget: ${limit.reason}, and later agent() calls throw BudgetExhausted.`];
  }
}

function endText(end: RunEnd): string {
  switch (end.status) {
    case 'completed':
      return 'The script completed on the stand-in answers.';
    case 'over-budget':
      return 'The script ended at the budget.';
    case 'failed':
      return `The script failed on the stand-in answers: ${end.error}`;
    case 'stopped':
      return `The dry run was stopped: ${end.error}`;
  }
}

/** The text `agentmux run --dry-run` prints: both assumptions, one row per phase, the total, what stopped it. */
export function dryRunReport(name: string, projection: DryRunProjection, assumptions: DryRunAssumptions, limit: DryRunLimit, end: RunEnd): string {
  const rows = projection.phases.map((phase) => [
    phase.title,
    String(phase.agents),
    costRangeText(phase.lowUsd, phase.highUsd, phase.unpriced, phase.agents),
    phase.models.join(', '),
  ]);
  rows.push(['total', String(projection.agents), costRangeText(projection.lowUsd, projection.highUsd, projection.unpriced, projection.agents), '']);
  const header = ['phase', 'agents', 'cost', 'model'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  return [
    `Dry run of ${name}: no model was called; every agent() was answered at once by a stand-in.`,
    `Assumed: ${assumptions.items} items in every array of a structured answer (--assume-items), and ${assumptions.tokensPerAgent.toLocaleString('en-US')} tokens per agent (--assume-tokens), priced all as input (low) to all as output (high).`,
    '',
    line(header),
    ...rows.map(line),
    '',
    endText(end),
    ...limitText(limit),
    ...(projection.unpriced > 0 ? [`${projection.unpriced} agent(s) run on a model missing from the price table: their cost is "?".`] : []),
  ].join('\n');
}
