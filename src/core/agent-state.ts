// Agent states of DESIGN.md §4, shown in every pane title.
export const AGENT_STATES = [
  'idle',
  'requesting',
  'streaming',
  'tool',
  'awaiting-approval',
  'paused',
  'retrying',
  'error',
  'over-budget',
  // A pane drawn at start before its agent's journal is read (no agent is ever in this state).
  'loading',
] as const;
export type AgentState = (typeof AGENT_STATES)[number];

/**
 * The states of a turn under way (a request, its stream, a tool, a retry): one set for everyone
 * who asks "is it working?" — the run view (working vs stalled), a call's state, the pane's jump
 * scroll, the transcript's stream — so they never drift apart. An approval waits on the person.
 */
export const WORKING_STATES: ReadonlySet<AgentState> = new Set<AgentState>(['requesting', 'streaming', 'tool', 'retrying']);

/** Whether the agent is in a turn under way (WORKING_STATES). */
export function isWorking(state: AgentState): boolean {
  return WORKING_STATES.has(state);
}

/** States in which the agent is doing work (quit asks to confirm; sends are queued). */
export function isBusy(state: AgentState): boolean {
  return isWorking(state) || state === 'awaiting-approval';
}
