// What a run's agents spend, for its budget (DESIGN.md §9 `budget.spent()`, `--budget-tokens`,
// `--budget-usd`): every output token an agent of a live run spends counts — while its call is
// pending and after it resolved (a finished agent nudged later, the rest of a turn a resolution
// cut) — until the run ends. One controller subscription for every agent of every run: a usage
// event finds its agent by name, so the cost of an event does not grow with the agents a run made.
import type { SdkAgent } from '../../core/agent.js';
import type { Controller } from '../../core/controller.js';
import type { Disposable } from '../../core/events.js';

/** Where an agent's spending goes: its run's budget (output tokens, and cost when priced). */
export type SpendSink = (outputTokens: number, usd: number | undefined) => void;

type Tracked = { readonly agent: SdkAgent; readonly sink: SpendSink; tokens: number; usd: number };

/** The spending of the agents of live runs; see the file comment. */
export class RunSpending implements Disposable {
  private readonly byName = new Map<string, Tracked>();
  private subscription: Disposable | undefined;

  constructor(private readonly controller: Controller) {}

  /** Counts what `agent` spends from now on into `sink`, until `until` aborts (the run ended). */
  track(agent: SdkAgent, sink: SpendSink, until: AbortSignal): void {
    if (until.aborted) return;
    this.subscription ??= this.controller.events.on((event) => {
      if (event.type === 'usage') this.used(event.agent, event.totals.outputTokens, event.totals.costUsd);
      else if (event.type === 'agent-renamed') this.renamed(event.from, event.to);
      // A closed agent spends no more; a later agent by its name is another one.
      else if (event.type === 'agent-removed') this.forget(event.agent);
    });
    const tracked: Tracked = { agent, sink, tokens: agent.session.totals.outputTokens, usd: agent.session.totals.costUsd ?? 0 };
    this.byName.set(agent.name, tracked);
    until.addEventListener('abort', () => this.untrack(tracked), { once: true });
  }

  /** How many agents are counted now. */
  get size(): number {
    return this.byName.size;
  }

  dispose(): void {
    this.subscription?.dispose();
    this.subscription = undefined;
    this.byName.clear();
  }

  private used(name: string, outputTokens: number, cost: number | null): void {
    const tracked = this.byName.get(name);
    if (tracked === undefined) return;
    const spentTokens = outputTokens - tracked.tokens;
    const spentUsd = cost === null ? undefined : cost - tracked.usd;
    tracked.tokens = outputTokens;
    if (cost !== null) tracked.usd = cost;
    if (spentTokens > 0 || (spentUsd ?? 0) > 0) tracked.sink(spentTokens, spentUsd);
  }

  private renamed(from: string, to: string): void {
    const tracked = this.byName.get(from);
    if (tracked === undefined) return;
    this.byName.delete(from);
    this.byName.set(to, tracked);
  }

  private forget(name: string): void {
    const tracked = this.byName.get(name);
    if (tracked !== undefined) this.untrack(tracked);
  }

  private untrack(tracked: Tracked): void {
    if (this.byName.get(tracked.agent.name) === tracked) this.byName.delete(tracked.agent.name);
    if (this.byName.size > 0) return;
    this.subscription?.dispose();
    this.subscription = undefined;
  }
}
