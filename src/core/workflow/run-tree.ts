// A run as a tree (DESIGN.md §9 "The run view"): the run, its phases (meta order, then others in
// the order they appear), the agents and `log()` lines under each, and the end. Kept up to date
// incrementally: each record line or agent event changes what it touches, counters included;
// nothing is rebuilt per tick. Time comes in with each input, so tests use their own clock.
import type { AgentState } from '../agent-state.js';
import type { JsonValue } from '../json-value.js';
import type { TurnOutcome } from '../turn-ledger.js';
import type { UsageTotals } from '../usage-totals.js';
import { CallTally, type CallCounts, type CallOutcome } from './call-tally.js';
import { agentRowState, isPending, type RunAgentNode, type WaitingReason } from './run-agent-node.js';
import type { RunRecordLine, RunStatus, ValueRef } from './run-record.js';
import { StaleTracker } from './stale-tracker.js';

/** An item under a phase, in arrival order. */
export type PhaseItem = { readonly kind: 'agent'; readonly agent: RunAgentNode } | { readonly kind: 'log'; readonly text: string };

/** A phase group; `key` '' holds what came before any phase. Its counts are per call key (call-tally.ts). */
export type PhaseNode = CallCounts & {
  readonly key: string;
  readonly title: string;
  readonly inMeta: boolean;
  readonly items: PhaseItem[];
};

/** A call waiting for a concurrency slot: named already, no agent yet (DESIGN.md §9, "queued"). */
export type QueuedCallNode = { name: string; readonly phase: string; readonly since: number };

/** How the run ended (its `done` line). */
export type RunTreeEnd = { readonly status: RunStatus; readonly result: JsonValue | undefined; readonly error: string | undefined };

/** The phase key of a title: titles match case-insensitively, spaces as `-` (as `-t @RUN/PHASE`). */
export function phaseKeyOf(title: string): string {
  return title.trim().toLowerCase().replace(/\s+/gu, '-');
}

/** One run's tree; see the file comment. */
export class RunTree {
  name: string;
  private startedAt: number;
  private endedAt: number | undefined;
  end: RunTreeEnd | undefined;
  /** Calls waiting for a concurrency slot (they have no agent yet). */
  queued = 0;
  /** Bumped when rows come or go (record lines, renames): the run view's rows are rebuilt only then. */
  version = 0;
  /** Bumped when an agent's state or wait changes: what a filter by state matches. */
  stateVersion = 0;
  private readonly phaseMap = new Map<string, PhaseNode>();
  private readonly phaseList: PhaseNode[] = [];
  private readonly agentMap = new Map<string, RunAgentNode>();
  /** Each call key's latest agent: a call asked again after a continue replaces its row. */
  private readonly agentByKey = new Map<string, RunAgentNode>();
  private readonly tally = new CallTally<PhaseNode>();
  private readonly pendingAgents = new Set<RunAgentNode>();
  private readonly stale = new StaleTracker();
  private readonly queuedCalls = new Map<string, QueuedCallNode>();
  private currentPhase: string | undefined;
  private tokens = 0;
  private cost = 0;
  private unknownCosts = 0;

  constructor(
    readonly id: string,
    name: string,
    now: number,
  ) {
    this.name = name;
    this.startedAt = now;
  }

  /** Applies one record line; `model` names the agent's model for a `started` line. */
  applyRecord(line: RunRecordLine, now: number, model = ''): void {
    this.version += 1;
    if (this.stale.add(line)) this.stateVersion += 1;
    switch (line.type) {
      case 'meta':
        this.name = line.name;
        this.startedAt = now;
        for (const phase of line.phases) this.phase(phase.title, true);
        return;
      case 'phase':
        this.currentPhase = this.phase(line.title, false).key;
        return;
      case 'log':
        this.phase(this.currentPhase, false).items.push({ kind: 'log', text: line.text });
        return;
      case 'started':
        this.queuedCalls.delete(line.agent);
        this.started(line.agent, line.key, line.label ?? line.agent, line.phase ?? this.currentPhaseTitle(), model, now);
        return;
      case 'result':
        // Found by its call key: the record names the agent as it started, a person may have renamed it since.
        this.resolved(line.key, line.edited === true ? { kind: 'done', edited: true } : { kind: 'done' }, undefined, now);
        return;
      case 'failed':
        // No agent: a call skipped or stopped while queued, counted in the phase its line names.
        this.resolved(line.key, { kind: 'null', reason: line.reason }, line.phase, now);
        return;
      // A continued run (issue 15): it is live again; its calls served from the record count as done.
      case 'continued':
        this.end = undefined;
        this.endedAt = undefined;
        return;
      case 'reused':
        this.resolved(line.key, { kind: 'done' }, undefined, now);
        return;
      // A revised answer changes no count; the calls that saw its earlier value are marked stale (above).
      case 'revised':
        return;
      // A held answer is shown live by the call's state (issue 16); the record's line changes no count.
      case 'held':
      case 'sent-back':
        return;
      case 'done':
        this.end = { status: line.status, result: line.result, error: line.error };
        this.endedAt = now;
        this.queued = 0;
        this.queuedCalls.clear();
        return;
    }
  }

  /** The agent's state changed; work starting again ends a wait for the person. */
  agentState(name: string, state: AgentState, now: number): void {
    const agent = this.agentMap.get(name);
    if (agent === undefined) return;
    agent.agentState = state;
    agent.lastActivity = now;
    if (state === 'requesting' || state === 'streaming' || state === 'tool') agent.waiting = undefined;
    this.stateVersion += 1;
  }

  /** A stream event or tool output: the agent shows life (only the clock moves). */
  activity(name: string, now: number): void {
    const agent = this.agentMap.get(name);
    if (agent !== undefined) agent.lastActivity = now;
  }

  /** The agent's work ended: an interrupt or an API error leaves it waiting on the person (§9). */
  turnEnded(name: string, outcome: TurnOutcome): void {
    const agent = this.agentMap.get(name);
    if (agent === undefined || !isPending(agent)) return;
    if (outcome === 'interrupted' || outcome === 'error') this.setWaiting(name, outcome === 'error' ? 'api-error' : 'interrupted');
  }

  /** Marks (or clears) why an agent waits on the person: the seam for steering's own state. */
  setWaiting(name: string, reason: WaitingReason | undefined): void {
    const agent = this.agentMap.get(name);
    if (agent === undefined || !isPending(agent) || agent.waiting === reason) return;
    agent.waiting = reason;
    this.stateVersion += 1;
  }

  /** The agent's session totals (tokens both ways, cost). */
  usage(name: string, totals: UsageTotals): void {
    const agent = this.agentMap.get(name);
    if (agent === undefined) return;
    this.tokens += totals.inputTokens + totals.outputTokens - agent.tokensIn - agent.tokensOut;
    this.cost += totals.costUsd - agent.costUsd;
    this.unknownCosts += totals.unknownCosts - agent.unknownCosts;
    agent.tokensIn = totals.inputTokens;
    agent.tokensOut = totals.outputTokens;
    agent.costUsd = totals.costUsd;
    agent.unknownCosts = totals.unknownCosts;
  }

  /** A person renamed the agent. */
  renamed(from: string, to: string): void {
    const agent = this.agentMap.get(from);
    if (agent === undefined) return;
    this.agentMap.delete(from);
    agent.name = to;
    this.agentMap.set(to, agent);
    this.stale.renamed(from, to);
    this.version += 1;
  }

  /** The revised values that made the agent's call stale (issue 15), or undefined when it is not stale. */
  staleBecause(name: string): readonly ValueRef[] | undefined {
    return this.stale.staleBecause(name);
  }

  /** The agents whose calls are stale. */
  staleAgents(): ReadonlySet<string> {
    return this.stale.agents();
  }

  /** A call of this run waits for a slot (its reserved name; its phase title, else the current phase). */
  callQueued(name: string, phaseTitle: string | null, now: number): void {
    if (this.end !== undefined || this.queuedCalls.has(name) || this.agentMap.has(name)) return;
    const phase = this.phase(phaseTitle ?? this.currentPhaseTitle(), false);
    this.queuedCalls.set(name, { name, phase: phase.key, since: now });
    this.version += 1;
  }

  /** The call left the queue (started, skipped, or the run stopped). */
  callLeftQueue(name: string): void {
    if (this.queuedCalls.delete(name)) this.version += 1;
  }

  /** A queued call took another name (renamed while queued, or its name was taken at start): its row keeps its place. */
  queuedRenamed(from: string, to: string): boolean {
    const call = this.queuedCalls.get(from);
    if (call === undefined) return false;
    const entries = [...this.queuedCalls].map(([name, node]): [string, QueuedCallNode] => (name === from ? [to, { ...node, name: to }] : [name, node]));
    this.queuedCalls.clear();
    for (const [name, node] of entries) this.queuedCalls.set(name, node);
    this.version += 1;
    return true;
  }

  /** The queued calls of phase `key`, oldest first. */
  queuedIn(key: string): readonly QueuedCallNode[] {
    return [...this.queuedCalls.values()].filter((call) => call.phase === key);
  }

  /** Calls waiting for a slot. */
  setQueued(count: number): void {
    if (count === this.queued || this.end !== undefined) return;
    this.queued = count;
  }

  /** True until the `done` line. */
  get live(): boolean {
    return this.end === undefined;
  }

  /** The agent by its current name. */
  agent(name: string): RunAgentNode | undefined {
    return this.agentMap.get(name);
  }

  /** The phases in display order: meta's, then the others as they appeared. */
  phases(): readonly PhaseNode[] {
    return this.phaseList;
  }

  /** The phase a status line names: the last `phase()`, else the last agent's. */
  current(): PhaseNode | undefined {
    return this.currentPhase === undefined ? undefined : this.phaseMap.get(this.currentPhase);
  }

  /** Run-wide counts at `now`, per call key (a call asked again counts once; an answer served from the record is done). */
  counts(now: number, stallAfterMs: number): RunCounts {
    let waiting = 0;
    let stalled = 0;
    for (const agent of this.pendingAgents) {
      const state = agentRowState(agent, now, stallAfterMs);
      if (state === 'waiting') waiting += 1;
      else if (state === 'stalled') stalled += 1;
    }
    // An agent waiting on you (an approval, an interrupt, a held answer) is not working: it is counted as waiting.
    const { done, nulls } = this.tally.run;
    return { done, working: this.pendingAgents.size - waiting, queued: this.queued, nulls, waiting, stalled };
  }

  /** Tokens (both ways) and cost of every agent of the run. */
  spent(): { readonly tokens: number; readonly costUsd: number; readonly unknownCosts: number } {
    return { tokens: this.tokens, costUsd: this.cost, unknownCosts: this.unknownCosts };
  }

  /** Milliseconds from the run's start to its end, or to `now` while live. */
  elapsed(now: number): number {
    return (this.endedAt ?? now) - this.startedAt;
  }

  private currentPhaseTitle(): string | undefined {
    return this.currentPhase === undefined ? undefined : this.phaseMap.get(this.currentPhase)?.title;
  }

  private started(name: string, key: string, label: string, phaseTitle: string | undefined, model: string, now: number): void {
    const earlier = this.agentByKey.get(key);
    const phase = earlier === undefined ? this.phase(phaseTitle, false) : (this.phaseMap.get(earlier.phase) ?? this.phase(phaseTitle, false));
    const agent: RunAgentNode = {
      name,
      key,
      label,
      phase: phase.key,
      model,
      startedAt: now,
      endedAt: undefined,
      lastActivity: now,
      agentState: 'idle',
      waiting: undefined,
      end: { kind: 'pending' },
      tokensIn: 0,
      tokensOut: 0,
      costUsd: 0,
      unknownCosts: 0,
    };
    this.agentByKey.set(key, agent);
    this.pendingAgents.add(agent);
    // The same call asked again (a continue): its new agent takes the earlier one's row.
    const row = earlier === undefined ? -1 : phase.items.findIndex((item) => item.kind === 'agent' && item.agent === earlier);
    if (earlier !== undefined) {
      this.pendingAgents.delete(earlier);
      if (this.agentMap.get(earlier.name) === earlier) this.agentMap.delete(earlier.name);
    }
    this.agentMap.set(name, agent);
    if (row >= 0) phase.items[row] = { kind: 'agent', agent };
    else phase.items.push({ kind: 'agent', agent });
    this.tally.set(key, phase, 'pending');
    if (this.currentPhase === undefined && phase.key !== '') this.currentPhase = phase.key;
  }

  /** Call `key` resolved: its agent (if one started) ends, and the key counts done or null in its phase. */
  private resolved(key: string, end: Exclude<RunAgentNode['end'], { kind: 'pending' }>, phaseTitle: string | undefined, now: number): void {
    const agent = this.agentByKey.get(key);
    if (agent !== undefined && isPending(agent)) {
      agent.end = end;
      agent.endedAt = now;
      agent.waiting = undefined;
      this.pendingAgents.delete(agent);
    }
    const outcome: CallOutcome = end.kind === 'done' ? 'done' : 'null';
    const phase = this.tally.phaseOf(key) ?? this.phase(phaseTitle ?? this.currentPhaseTitle(), false);
    this.tally.set(key, phase, outcome);
  }

  private phase(title: string | undefined, inMeta: boolean): PhaseNode {
    const key = title === undefined ? '' : phaseKeyOf(title);
    const known = this.phaseMap.get(key);
    if (known !== undefined) return known;
    const node: PhaseNode = { key, title: title ?? '', inMeta, items: [], calls: 0, done: 0, nulls: 0 };
    this.phaseMap.set(key, node);
    this.phaseList.push(node);
    return node;
  }
}

/** A run's counts per call: done, working (started, not resolved, not waiting on you; stalled ones included), queued, null, waiting on you, stalled. */
export type RunCounts = {
  readonly done: number;
  readonly working: number;
  readonly queued: number;
  readonly nulls: number;
  readonly waiting: number;
  readonly stalled: number;
};
