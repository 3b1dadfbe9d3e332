// The controller's events of one agent, for the workflow host's watchers (its call, its work
// ends, its revisions): one controller subscription routes each event to the listeners of the
// agent it names, so an event costs the same whether a run has made 4 agents or 1,000 (before,
// every finished agent kept listeners that every event of every agent ran through).
import type { Agent } from '../../core/agent.js';
import type { Controller } from '../../core/controller.js';
import type { ControllerEvent, Disposable } from '../../core/events.js';

type Listener = (event: ControllerEvent) => void;
type Watch = { readonly agent: Agent; readonly listener: Listener };

/** Subscribes listeners to one agent's events (followed across renames); see the file comment. */
export class AgentEventRouter implements Disposable {
  private readonly byName = new Map<string, Set<Watch>>();
  private readonly keyOf = new Map<Watch, string>();
  private subscription: Disposable | undefined;

  constructor(private readonly controller: Controller) {}

  /** Calls `listener` with each event that names `agent` (and its `agent-renamed`); dispose to stop. */
  on(agent: Agent, listener: Listener): Disposable {
    this.subscription ??= this.controller.events.on((event) => this.route(event));
    const watch: Watch = { agent, listener };
    this.add(agent.name, watch);
    return { dispose: () => this.remove(watch) };
  }

  dispose(): void {
    this.subscription?.dispose();
    this.subscription = undefined;
    this.byName.clear();
    this.keyOf.clear();
  }

  private route(event: ControllerEvent): void {
    if (event.type === 'agent-renamed') {
      const moved = this.byName.get(event.from);
      if (moved !== undefined) {
        this.byName.delete(event.from);
        for (const watch of moved) this.add(event.to, watch);
      }
      this.deliver(event.to, event);
      return;
    }
    if ('agent' in event && event.agent !== undefined) this.deliver(event.agent, event);
  }

  private deliver(name: string, event: ControllerEvent): void {
    const watches = this.byName.get(name);
    if (watches === undefined) return;
    for (const watch of [...watches]) {
      try {
        watch.listener(event);
      } catch {
        // As the controller's emitter: one watcher's fault does not starve the others.
      }
    }
  }

  private add(name: string, watch: Watch): void {
    const watches = this.byName.get(name) ?? new Set<Watch>();
    watches.add(watch);
    this.byName.set(name, watches);
    this.keyOf.set(watch, name);
  }

  private remove(watch: Watch): void {
    const name = this.keyOf.get(watch);
    if (name === undefined) return;
    this.keyOf.delete(watch);
    const watches = this.byName.get(name);
    watches?.delete(watch);
    if (watches?.size === 0) this.byName.delete(name);
  }
}
