// Delivery (DESIGN.md §3, §4): `send`, `nudge` and `broadcast` hand a message to an agent, give
// it a delivery id, and say what it did: started a turn, joins the running one, waits (queued),
// or was refused. The runner later puts each id in the `turn-finished` of the turn it joined.
import type { Agent, SdkAgent } from './agent.js';
import { kick, type RunnerDeps } from './agent-runner.js';
import type { DeliveryApi, DeliveryReceipt } from './cockpit-api.js';
import type { MessageOrigin } from './entry.js';
import { acceptMessage } from './pending-messages.js';
import type { PtyAgent } from './pty-agent.js';
import type { Result } from './result.js';
import { isTurnOpen } from './turn-phase.js';

/** What delivery needs from the controller. */
export type DeliveryDeps = {
  readonly find: (name: string) => Agent | undefined;
  /** The agent as an SDK agent that can run, or why not. */
  readonly usable: (name: string) => Result<SdkAgent>;
  readonly agents: () => readonly Agent[];
  readonly runner: RunnerDeps;
  readonly newDeliveryId: () => string;
  /** A message to a workflow agent still queued for a slot: kept for its first turn (true), or not such an agent. */
  readonly toQueued?: (name: string, text: string) => boolean;
};

/** Hands messages to agents by the rules of DESIGN.md §4 and reports each delivery. */
export class Delivery implements DeliveryApi {
  constructor(private readonly d: DeliveryDeps) {}

  /** TEXT becomes the agent's next user message: it starts a turn now, or the next one when busy. */
  send(name: string, text: string): DeliveryReceipt {
    const held = this.heldForQueued(name, text);
    if (held !== undefined) return held;
    const found = this.d.find(name);
    if (found?.kind === 'pty') return this.typed(name, text, found.pty);
    const agent = this.d.usable(name);
    if (!agent.ok) return { agent: name, outcome: 'refused', detail: agent.error };
    const a = agent.value;
    if (text.trim() === '') return { agent: name, outcome: 'refused', detail: 'TEXT is required' };
    const id = this.d.newDeliveryId();
    const accepted = acceptMessage(a, this.d.runner, { id, text, origin: 'typed', nudge: false });
    if (!accepted.ok) return { agent: name, outcome: 'refused', detail: accepted.error };
    if (a.phase.kind === 'running' || isTurnOpen(a.phase)) return queued(id, name, 'starts its next turn');
    if (a.phase.kind === 'paused' || a.state === 'over-budget') {
      if (a.state === 'paused') a.setDetail(a.waitingDetail());
      return queued(id, name, a.state);
    }
    return this.start(a, id);
  }

  /** Joins TEXT to the running turn at its next safe point (at once with `interrupt`), or starts a turn. */
  nudge(name: string, text: string, options: { interrupt: boolean }): DeliveryReceipt {
    return this.join(name, text, options.interrupt, 'nudge');
  }

  /** A nudge to every agent (or to `agents`, `-t @RUN`); the receipts also go out as one `receipt` event. */
  broadcast(text: string, options: { interrupt: boolean; agents?: readonly string[] }): readonly DeliveryReceipt[] {
    const names = options.agents ?? this.d.agents().map((agent) => agent.name);
    const receipts = names.map((name) => this.join(name, text, options.interrupt, 'broadcast'));
    this.d.runner.events.emit({ type: 'receipt', receipts });
    return receipts;
  }

  // A nudge or one agent's share of a broadcast (`origin` tells them apart in the transcript).
  private join(name: string, text: string, interrupt: boolean, origin: MessageOrigin): DeliveryReceipt {
    const held = this.heldForQueued(name, text);
    if (held !== undefined) return held;
    const found = this.d.find(name);
    if (found?.kind === 'pty') return this.typed(name, text, found.pty);
    const agent = this.d.usable(name);
    if (!agent.ok) return { agent: name, outcome: 'refused', detail: agent.error };
    const a = agent.value;
    if (text.trim() === '') return { agent: name, outcome: 'refused', detail: 'empty text' };
    const id = this.d.newDeliveryId();
    const accepted = acceptMessage(a, this.d.runner, { id, text, origin, nudge: true });
    if (!accepted.ok) return { agent: name, outcome: 'refused', detail: accepted.error };
    if (a.phase.kind === 'running') {
      if (interrupt && a.abort('nudge')) return { id, agent: name, outcome: 'delivered', joined: 'joined-turn', detail: 'interrupted the stream' };
      return { id, agent: name, outcome: 'queued', joined: 'joined-turn', detail: 'joins at the next safe point' };
    }
    if (a.phase.kind === 'paused' || a.state === 'over-budget') {
      const joined = isTurnOpen(a.phase) ? 'joined-turn' : 'queued';
      return { id, agent: name, outcome: 'queued', joined, detail: `${a.state}: delivered on resume` };
    }
    return this.start(a, id);
  }

  // A workflow agent queued for a slot has no agent yet: the text joins its first turn (DESIGN.md §9).
  private heldForQueued(name: string, text: string): DeliveryReceipt | undefined {
    if (this.d.find(name) !== undefined || text.trim() === '' || this.d.toQueued?.(name, text) !== true) return undefined;
    return { id: this.d.newDeliveryId(), agent: name, outcome: 'queued', joined: 'queued', detail: 'it waits for a slot; your message joins its first turn' };
  }

  // An idle agent starts a turn, unless a cap already reached holds the message (the runner
  // shows over-budget): then it says so, not "started".
  private start(agent: SdkAgent, id: string): DeliveryReceipt {
    const cap = this.d.runner.budgetReached(agent, 'turn-start');
    kick(agent, this.d.runner);
    if (cap !== undefined) return queued(id, agent.name, `over budget (${cap})`);
    return { id, agent: agent.name, outcome: 'delivered', joined: 'started-turn', detail: 'started a turn' };
  }

  // A PTY agent has no turns: its text is typed now or when its `ready` pattern matches.
  private typed(name: string, text: string, pty: PtyAgent): DeliveryReceipt {
    if (text.trim() === '') return { agent: name, outcome: 'refused', detail: 'TEXT is required' };
    const outcome = pty.deliver(name, text);
    if (outcome.outcome === 'refused') return { agent: name, outcome: 'refused', detail: outcome.detail };
    const id = this.d.newDeliveryId();
    const joined = outcome.outcome === 'delivered' ? 'typed' : 'queued';
    return { id, agent: name, outcome: outcome.outcome, joined, detail: outcome.detail };
  }
}

function queued(id: string, agent: string, detail: string): DeliveryReceipt {
  return { id, agent, outcome: 'queued', joined: 'queued', detail };
}
