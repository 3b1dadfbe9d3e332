// Tells a workflow call when its agent's work ended (DESIGN.md §9, "When a call resolves"): the
// controller's `turn-finished` event, with whether a message, nudge or approval is still pending
// (then the work goes on and nothing is taken).
import type { SdkAgent } from '../../core/agent.js';
import type { Disposable } from '../../core/events.js';
import type { TurnEnd } from '../../core/workflow/call-resolution.js';
import type { AgentEventRouter } from './agent-event-router.js';

/** Calls `listener` each time one of `agent`'s turns ends (followed across renames); dispose to stop. */
export function watchWorkEnds(events: AgentEventRouter, agent: SdkAgent, listener: (end: TurnEnd) => void): Disposable {
  return events.on(agent, (event) => {
    if (event.type !== 'turn-finished' || event.agent !== agent.name) return;
    const pending = agent.queue.length + agent.nudges.length > 0 || agent.pendingApproval !== undefined;
    listener({ outcome: event.outcome, text: event.text, pending, detail: agent.detail });
  });
}
