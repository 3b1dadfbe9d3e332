// Events out (DESIGN.md §2): the controller reports what happens; views and stores subscribe.
import type { AgentState } from './agent-state.js';
import type { DeliveryReceipt } from './cockpit-api.js';
import type { Entry, EntryId } from './entry.js';
import type { StreamEvent } from './provider.js';
import type { TurnFinished } from './turn-ledger.js';
import type { UsageTotals } from './usage-totals.js';
import type { CallRenamedEvent, CallStateEvent } from './workflow/call-state.js';

export type ControllerEvent =
  | { type: 'agent-added'; agent: string }
  | { type: 'agent-removed'; agent: string }
  | { type: 'agent-renamed'; from: string; to: string }
  | { type: 'focus'; agent: string }
  | { type: 'state'; agent: string; state: AgentState; detail: string }
  | { type: 'delta'; agent: string; event: StreamEvent }
  /** Raw output of a running tool call (bash), as it arrives; shown live, never persisted. */
  | { type: 'tool-output'; agent: string; toolUseId: string; chunk: string }
  | { type: 'entry'; agent: string; entry: Entry }
  | { type: 'head'; agent: string; head: EntryId | null }
  | { type: 'usage'; agent: string; totals: UsageTotals }
  | { type: 'receipt'; receipts: readonly DeliveryReceipt[] }
  /** A turn's work ended: its outcome, final answer text and the deliveries it answered (turn-ledger.ts). */
  | TurnFinished
  /** A workflow agent's call changed state: queued, working, waiting on you, done (workflow/call-state.ts). */
  | CallStateEvent
  | CallRenamedEvent
  | { type: 'notice'; agent: string | undefined; level: 'info' | 'error'; message: string };

export type Disposable = { dispose(): void };

/** A typed event fan-out whose subscriptions are disposables (xterm.js style ownership). */
export class Emitter<E> {
  private readonly listeners = new Set<(event: E) => void>();

  /** Subscribes; dispose the result to unsubscribe. */
  on(listener: (event: E) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Delivers to every listener; one listener's throw does not starve the others. */
  emit(event: E): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A view bug must not stop the controller; listeners log their own faults.
      }
    }
  }

  /** Drops every listener (owner teardown). */
  clear(): void {
    this.listeners.clear();
  }
}
