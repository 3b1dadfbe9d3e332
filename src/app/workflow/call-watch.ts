// Follows one workflow agent for its pending call (DESIGN.md §9): turns the controller's events
// into observations of the call's state (working, waiting on you after Esc, an API error, a
// rewind, an edit, a graft, or while an approval is pending), and tells the resolution when its
// work ends. Dispose when the call resolves.
import type { SdkAgent } from '../../core/agent.js';
import type { Disposable } from '../../core/events.js';
import type { TurnEnd } from '../../core/workflow/call-resolution.js';
import type { CallEntry, CallObservation } from '../../core/workflow/call-state.js';
import { watchWorkEnds } from './work-ends.js';
import type { AgentEventRouter } from './agent-event-router.js';

/** Feeds `entry` what happens to `agent`; `workEnded` hears each end of its work; `rewound` each rewind. */
export function watchCall(events: AgentEventRouter, agent: SdkAgent, entry: CallEntry, hooks: { workEnded(end: TurnEnd): void; rewound(): void }): Disposable {
  const observe = (seen: CallObservation): void => {
    if (entry.agent !== agent.name) entry.renamed(agent.name);
    entry.observe(seen);
  };
  const ends = watchWorkEnds(events, agent, (end) => {
    observe({ kind: 'turn-ended', outcome: end.outcome, pending: end.pending });
    hooks.workEnded(end);
  });
  const steps = events.on(agent, (event) => {
    if (event.type === 'agent-renamed' && event.to === agent.name) observe({ kind: 'agent-state', state: agent.state });
    if (!('agent' in event) || event.agent !== agent.name) return;
    // History operations run only while the agent is not working (the controller refuses them otherwise).
    const idle = agent.phase.kind !== 'running';
    if (event.type === 'state') observe({ kind: 'agent-state', state: event.state });
    else if (event.type === 'entry' && idle && event.entry.kind === 'edit') observe({ kind: 'history', op: 'edit' });
    else if (event.type === 'entry' && idle && event.entry.kind === 'graft-marker') observe({ kind: 'history', op: 'graft' });
    else if (event.type === 'head' && idle) {
      hooks.rewound();
      observe({ kind: 'history', op: 'rewind' });
    }
  });
  return {
    dispose: () => {
      ends.dispose();
      steps.dispose();
    },
  };
}
