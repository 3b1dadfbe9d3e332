// One agent of a run as the run view shows it (DESIGN.md §9 "The run view"): its label, model,
// tokens, cost, when it started and last showed life (a stream event or tool output), whether
// its call resolved, and whether it waits on the person. What it shows *now* is derived here,
// from an injected clock, so a silent agent turns `stalled` without anything being rebuilt.
import { isWorking, type AgentState } from '../agent-state.js';
import { dashControls } from './agent-naming.js';

/** Why an agent waits on the person: its call resolves only after they act (§9 "steering"). */
export type WaitingReason = 'approval' | 'interrupted' | 'api-error' | 'rewound' | 'edited' | 'grafted' | 'held';

/** How the agent's call ended, or that it has not. */
export type CallEnd = { readonly kind: 'pending' } | { readonly kind: 'done'; readonly edited?: true } | { readonly kind: 'null'; readonly reason: string };

/** What a row shows for an agent: one word, also what the filter matches. */
export const AGENT_ROW_STATES = ['working', 'stalled', 'waiting', 'paused', 'over-budget', 'idle', 'done', 'null'] as const;
export type AgentRowState = (typeof AGENT_ROW_STATES)[number];

/** One agent of a run (mutable: the tree updates it in place as events arrive). */
export type RunAgentNode = {
  name: string;
  /** Its call's key (DESIGN.md §9 "Call keys"). */
  readonly key: string;
  readonly label: string;
  /** The phase group's key ('' when the agent has none). */
  readonly phase: string;
  readonly model: string;
  readonly startedAt: number;
  endedAt: number | undefined;
  /** Last stream event, tool output or state change (ms). */
  lastActivity: number;
  agentState: AgentState;
  waiting: WaitingReason | undefined;
  end: CallEnd;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  unknownCosts: number;
};

/** The state an agent's row shows at `now`: a working agent silent for `stallAfterMs` or more is stalled. */
export function agentRowState(agent: RunAgentNode, now: number, stallAfterMs: number): AgentRowState {
  if (agent.end.kind === 'done') return 'done';
  if (agent.end.kind === 'null') return 'null';
  if (agent.waiting !== undefined || agent.agentState === 'awaiting-approval' || agent.agentState === 'error') return 'waiting';
  if (agent.agentState === 'paused') return 'paused';
  if (agent.agentState === 'over-budget') return 'over-budget';
  if (isWorking(agent.agentState)) return now - agent.lastActivity >= stallAfterMs ? 'stalled' : 'working';
  return 'idle';
}

/** Why the agent waits on the person, if it does (approval pending shows even before the event is folded). */
export function waitingReasonOf(agent: RunAgentNode): WaitingReason | undefined {
  if (agent.end.kind !== 'pending') return undefined;
  if (agent.agentState === 'awaiting-approval') return 'approval';
  if (agent.agentState === 'error') return 'api-error';
  return agent.waiting;
}

/**
 * What the run view's first column shows for an agent: its name (what `-t` takes), and the label
 * the script gave when the name no longer reads as it — a person renamed the agent, queued or
 * working (`triage (reviewer-3)`) — so the row stays recognisable against the script.
 */
export function agentRowName(agent: RunAgentNode): string {
  return agent.name.includes(dashControls(agent.label)) ? agent.name : `${agent.name} (${agent.label})`;
}

/** True while the agent's call has not resolved. */
export function isPending(agent: RunAgentNode): boolean {
  return agent.end.kind === 'pending';
}
