// The bell for workflow agents (DESIGN.md §9 Approvals): a run never stalls silently, and a
// fan-out of agents asking for approvals rings once per agent, not once per tool call.
import type { CallStateEvent } from '../core/workflow/call-state.js';

/** Rings when a workflow agent first waits on an approval; later approvals of that agent are silent. */
export class WaitingBell {
  private readonly rung = new Set<string>();

  constructor(private readonly ring: () => void) {}

  /** Hears every call-state change; rings for the first pending approval of each agent of each run. */
  heard(event: CallStateEvent): void {
    if (event.state.kind === 'done') return;
    if (event.state.kind !== 'waiting-on-you' || event.state.reason !== 'approval') return;
    const key = `${event.run}\u0000${event.agent}`;
    if (this.rung.has(key)) return;
    this.rung.add(key);
    this.ring();
  }
}
