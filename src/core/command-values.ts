// The typed values commands return beside their status text (command.ts): what each did, for
// scripts and `agentmux ctl --json`. Every type here is JSON-safe (see json-value.ts).
import type { BudgetLimits } from './budget-limits.js';
import type { AgentRef, BranchPosition, CockpitApi, DeliveryReceipt } from './cockpit-api.js';
import { fromResult, type CommandOutcome } from './command.js';
import type { Result } from './result.js';
import type { SessionSummary } from './store.js';

/** `send`, `nudge`, `broadcast`: one receipt per agent, with the delivery id `turn-finished` will list. */
export type DeliveriesValue = { readonly deliveries: readonly DeliveryReceipt[] };

/** `new`, `fork`: the agent that was opened. */
export type OpenedValue = { readonly agent: AgentRef };

/** `rewind`, `undo`, `edit`, `graft`, `switch`: where the agent's head was and is (null once closed, e.g. undoing a fork). */
export type MovedValue = {
  readonly agent: string;
  readonly before: BranchPosition | null;
  readonly after: BranchPosition | null;
};

/** What a command did to one agent: its answer, and the agent's state afterwards (null once closed). */
export type TargetOutcome = {
  readonly agent: string;
  readonly ok: boolean;
  readonly message: string;
  readonly state: AgentRef['state'] | null;
};

/** `interrupt`, `pause`, `resume` (also with `-t all`), `retry`, `restart`, `approve`, `close`, `focus`, `rename`, `budget -t`. */
export type TargetsValue = { readonly targets: readonly TargetOutcome[] };

/** Budget limits as JSON: null where no limit is set. */
export type LimitsValue = { readonly tokens: number | null; readonly usd: number | null; readonly turns: number | null };

/** Limits as `LimitsValue`. */
export function limitsValue(limits: BudgetLimits): LimitsValue {
  return { tokens: limits.tokens ?? null, usd: limits.usd ?? null, turns: limits.turns ?? null };
}

/** A catalog row as JSON: `model` is null when the session never named one. */
export type SessionRow = Omit<SessionSummary, 'model' | 'budget' | 'run' | 'branchTurns'> & {
  readonly model: string | null;
  /** Turns on its current branch (copies included), or null until the session was first summarized. */
  readonly branchTurns: number | null;
  readonly budget: LimitsValue;
  /** The workflow run the session belongs to, or null for a session a person started. */
  readonly run: string | null;
};

/** `budget`: the agent it applies to (null: overall), the limits given, and whether the old ones were cleared first. */
export type BudgetValue = { readonly target: string | null; readonly set: LimitsValue; readonly clear: boolean };

/** `budget` with no limits given: the caps and spend it reports, as the status line reads. */
export type BudgetReportValue = { readonly target: string | null; readonly report: string };

/** `sessions`: the catalog's rows. */
export type SessionsValue = { readonly sessions: readonly SessionRow[] };

/** `session-rename` / `session-restore`: the stored session as it is now (a restore may rename it `NAME-restored`). */
export type StoredSessionValue = { readonly session: SessionRow };

/** `session-trash`: the session moved to the trash. */
export type TrashedValue = { readonly trashed: string };

/** A catalog row as the `sessions` value carries it. */
export function sessionRow(summary: SessionSummary): SessionRow {
  const { run, branchTurns, ...rest } = summary;
  return { ...rest, model: summary.model ?? null, budget: limitsValue(summary.budget), run: run ?? null, branchTurns: branchTurns ?? null };
}

/** The state of `agent` now, or null when it no longer exists. */
export function stateOf(agents: readonly AgentRef[], agent: string): AgentRef['state'] | null {
  return agents.find((candidate) => candidate.name === agent)?.state ?? null;
}

/** The first agent in `after` that was not in `before` (the one a command opened). */
export function openedAgent(before: readonly AgentRef[], after: readonly AgentRef[]): AgentRef | undefined {
  const known = new Set(before.map((agent) => agent.name));
  return after.find((agent) => !known.has(agent.name));
}

/** Runs a history operation on `agent` and reports where its head moved. */
export function moveOf(api: CockpitApi, commandName: string, agent: string, act: () => Result<string>): CommandOutcome<MovedValue> {
  const before = api.history.branchPosition(agent) ?? null;
  const answer = act();
  return fromResult(commandName, answer, () => ({ agent, before, after: api.history.branchPosition(agent) ?? null }));
}

/** Reports a controller answer about one agent as a one-target value. */
export function targetOf(api: CockpitApi, commandName: string, agent: string, answer: Result<string>): CommandOutcome<TargetsValue> {
  return fromResult(commandName, answer, () => ({ targets: [targetOutcome(api, agent, answer)] }));
}

/** One agent's answer and its state afterwards. */
export function targetOutcome(api: CockpitApi, agent: string, answer: Result<string>): TargetOutcome {
  return { agent, ok: answer.ok, message: answer.ok ? answer.value : answer.error, state: stateOf(api.agents(), agent) };
}

/** `skip`, `accept`: the workflow agent whose pending call was resolved, and how. */
export type ResolvedCallValue = { readonly agent: string; readonly resolved: 'skipped' | 'accepted' };
