// Revised answers (issue 15): once a workflow agent's call has resolved, the person may still
// steer, rewind or edit it; each later piece of work that ends with an answer (by the same rule
// as the first, call-resolution.ts) is the call's revised value, reported to the run's record.
// Lives until the agent is closed.
import type { SdkAgent } from '../../core/agent.js';
import type { Controller } from '../../core/controller.js';
import type { Disposable } from '../../core/events.js';
import type { JsonValue } from '../../core/json-value.js';
import { STRUCTURED_OUTPUT_REMINDER } from '../../core/workflow/call-system-prompt.js';
import { CallResolution } from '../../core/workflow/call-resolution.js';
import { watchWorkEnds } from './work-ends.js';
import type { AgentEventRouter } from './agent-event-router.js';

/** Where a valid StructuredOutput call goes: the call's first resolution, then each revision's. */
export type ResolutionSlot = { current: CallResolution };

/** Watches `agent` after its call resolved; `revised` hears each new value. */
export function watchRevisions(
  controller: Controller,
  events: AgentEventRouter,
  agent: SdkAgent,
  slot: ResolutionSlot,
  options: { readonly schema: boolean; readonly headless: boolean },
  revised: (agent: string, value: JsonValue) => void,
): Disposable {
  slot.current = new CallResolution(options);
  const ends = watchWorkEnds(events, agent, (end) => {
    const step = slot.current.turnEnded(end);
    if (step.kind === 'remind') controller.delivery.send(agent.name, STRUCTURED_OUTPUT_REMINDER);
    if (step.kind !== 'resolve') return;
    slot.current = new CallResolution(options);
    if (step.outcome.kind === 'value') revised(agent.name, step.outcome.value);
  });
  const closed = events.on(agent, (event) => {
    if (event.type === 'agent-removed' && event.agent === agent.name) dispose();
  });
  const dispose = (): void => {
    ends.dispose();
    closed.dispose();
  };
  return { dispose };
}
