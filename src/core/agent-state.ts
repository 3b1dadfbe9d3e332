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

/** States in which the agent is doing work (quit asks to confirm; sends are queued). */
export function isBusy(state: AgentState): boolean {
  return (
    state === 'requesting' ||
    state === 'streaming' ||
    state === 'tool' ||
    state === 'awaiting-approval' ||
    state === 'retrying'
  );
}
