// One "working states" set (core/agent-state.ts): the run view's working vs idle, a workflow
// call's working state and the cockpit's busy check read the same set, so they cannot drift apart
// (the pane's jump scroll reads it too: pane-view.ts).
import { describe, expect, it } from 'vitest';
import { AGENT_STATES, isBusy, isWorking, WORKING_STATES } from '../../src/core/agent-state.js';
import { nextCallState } from '../../src/core/workflow/call-state.js';
import { agentRowState, type RunAgentNode } from '../../src/core/workflow/run-agent-node.js';

const node = (state: RunAgentNode['agentState']): RunAgentNode => ({
  name: 'a', key: 'k', label: 'a', phase: '', model: 'm', startedAt: 0, endedAt: undefined, lastActivity: 0,
  agentState: state, waiting: undefined, end: { kind: 'pending' }, tokensIn: 0, tokensOut: 0, costUsd: 0, unknownCosts: 0,
});

describe('the working states', () => {
  it('are a request, its stream, a tool and a retry', () => {
    expect([...WORKING_STATES].sort()).toEqual(['requesting', 'retrying', 'streaming', 'tool']);
  });

  it('the run view, a call and the busy check agree with them for every agent state', () => {
    for (const state of AGENT_STATES) {
      expect([state, agentRowState(node(state), 0, 60_000) === 'working']).toEqual([state, isWorking(state)]);
      expect([state, nextCallState({ kind: 'waiting-on-you', reason: 'interrupted' }, { kind: 'agent-state', state }).kind === 'working']).toEqual([state, isWorking(state)]);
      if (isWorking(state)) expect(isBusy(state)).toBe(true);
    }
  });
});
