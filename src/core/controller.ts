// The controller: owns every agent and its session, runs their loops, and answers commands.
// Views subscribe to `events`; keys, the `:` prompt and tests all reach it through `dispatch`.
import { SdkAgent, type Agent, type AgentConfig, type BrokenAgent, type HostedAgent } from './agent.js';
import { AgentAdmin, type DefaultAgentConfig, type FreshWorkspace } from './agent-admin.js';
import { commit, kick, type RunnerDeps } from './agent-runner.js';
import { isBusy } from './agent-state.js';
import { alwaysAnswerText, describeCall, noAlwaysText, type ApprovalDecision } from './approval-decision.js';
import { Budgets, inMemoryOverallBudget, type OverallBudgetSetting } from './budgets.js';
import type { AgentRef, CockpitApi } from './cockpit-api.js';
import type { WorkflowRunsApi } from './workflow/workflow-runs-api.js';
import { RunCommands } from './workflow/run-commands.js';
import { renameQueuedCall } from './workflow/queued-rename.js';
import { Emitter, type ControllerEvent } from './events.js';
import type { WorkspaceFiles } from './file-checkpoint.js';
import { HistoryCommands } from './history-commands.js';
import { HistoryOps } from './history-ops.js';
import { BackgroundRestores, DEFAULT_RESTORE_PACE, type RestorePace } from './background-restore.js';
import type { TranscriptReader } from './transcript-import.js';
import type { ModelProvider } from './provider.js';
import type { PtyAgentSpec } from './pty-agent.js';
import { ptyDoesNotApply } from './pty-refusal.js';
import type { PtyLauncher } from './pty-session.js';
import { err, ok, type Result } from './result.js';
import { deliverWaiting } from './deliver-waiting.js';
import { abortableSleep, randomDeliveryId, randomEntryId } from './runner-defaults.js';
import { Delivery } from './delivery.js';
import type { SessionStore } from './store.js';
import { StoredSessions } from './stored-sessions.js';
import type { ToolHost } from './tools.js';
import { isTurnOpen } from './turn-phase.js';
import type { DirectoryCheck } from './session-cwd.js';
import { sumTotals, type UsageTotals } from './usage-totals.js';

// Re-exported: benches and older callers import them from here.
export { abortableSleep, randomEntryId };
export { describeLimits, type OverallBudgetSetting } from './budgets.js';

export type ControllerOptions = {
  readonly store: SessionStore;
  readonly providerFor: (config: AgentConfig) => ModelProvider;
  readonly tools: ToolHost;
  readonly newId?: () => string;
  /** Delivery ids of sent, nudged and broadcast messages (default: short random ids). */
  readonly newDeliveryId?: () => string;
  readonly now?: () => number;
  readonly retryDelaysMs?: readonly number[];
  readonly idleTimeoutMs?: number;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<boolean>;
  readonly overallBudget?: OverallBudgetSetting;
  /** What `new` starts from when no agent is open to copy. */
  readonly defaultAgent?: DefaultAgentConfig;
  /** Reads transcript files named as a graft SOURCE. */
  readonly transcripts?: TranscriptReader;
  /** Starts PTY agents' commands (the node-pty adapter); without it PTY agents are refused. */
  readonly ptyLauncher?: PtyLauncher;
  /** Workspace files as blobs (file checkpoints); without it rewind and undo leave files alone. */
  readonly files?: WorkspaceFiles;
  /** When a file restore goes to the background and how it is sliced (default: background-restore.ts). */
  readonly restorePace?: RestorePace;
  /** Hands the event loop back between a background restore's slices (default: setImmediate). */
  readonly yieldToLoop?: () => Promise<void>;
  /** Whether a reopened session's recorded directory can still be worked in (default: any can). */
  readonly directoryProblem?: DirectoryCheck;
  /** The demo: each agent `new` makes works in a fresh copy of the sample project. */
  readonly freshWorkspace?: FreshWorkspace;
  /** A workflow agent's session opened where its run is not live: its call's own tools (StructuredOutput) and a note, if any (issue 15). */
  readonly callTools?: (agent: SdkAgent) => { readonly tools: ToolHost; readonly note: string } | undefined;
};

/**
 * Owns the agents and their loops; each other concern lives with its owner (delivery.ts,
 * budgets.ts, stored-sessions.ts, history-ops.ts, agent-admin.ts). Delivery, budgets and stored
 * sessions are reached through their owners (`delivery`, `budgets`, `storedSessions`), not through forwards.
 */
export class Controller implements CockpitApi {
  readonly events = new Emitter<ControllerEvent>();
  /** A PTY agent's screen changed (its name): many per second in a flood, so kept off `events`. */
  readonly screens = new Emitter<string>();
  private readonly list: Agent[] = [];
  private readonly providers = new Map<string, ModelProvider>();
  /** When each session (by id) last saw an action in this process: its catalog row's "last activity". */
  private readonly touchedAt = new Map<string, number>();
  readonly deps: RunnerDeps;
  private readonly historyOps: HistoryOps;
  private readonly admin: AgentAdmin;
  /** Rewind, undo, switch, edit, graft, fork by agent name (history-commands.ts). */
  readonly history: HistoryCommands;
  /** Opening, closing, renaming, focusing panes (agent-admin.ts). */
  readonly panes: AgentAdmin;
  /** Workflow runs and their calls (workflow/run-commands.ts), over `workflows` once attached. */
  readonly runs = new RunCommands(() => this.workflows);
  /** Sends, nudges and broadcasts (delivery.ts): reached here, not through forwards. */
  readonly delivery: Delivery;
  /** Caps and spend (budgets.ts): `budget`, the runner's check, the store's totals. */
  readonly budgets: Budgets;
  /** The store's sessions (stored-sessions.ts): rows, trash, restore, rename. */
  readonly storedSessions: StoredSessions;
  /** File restores too big to finish inside a command (background-restore.ts). */
  readonly restores: BackgroundRestores;
  /** Whatever hosts workflow runs, once attached: `runs` answers on it. */
  workflows: WorkflowRunsApi | undefined;

  constructor(private readonly options: ControllerOptions) {
    const overall: OverallBudgetSetting = options.overallBudget ?? inMemoryOverallBudget();
    this.budgets = new Budgets({
      store: options.store,
      overall,
      agents: () => this.list,
      usable: (name, operation) => this.usable(name, operation),
      summarize: (agent) => this.summarize(agent),
    });
    this.storedSessions = new StoredSessions({
      store: options.store,
      agents: () => this.list,
      find: (name) => this.find(name),
      renameAgent: (name, to) => this.admin.rename(name, to),
    });
    this.deps = {
      events: this.events,
      providerFor: (agent) => this.providerOf(agent),
      tools: options.tools,
      newId: options.newId ?? randomEntryId,
      now: options.now ?? Date.now,
      retryDelaysMs: options.retryDelaysMs ?? [1000, 2000, 4000, 8000, 16000],
      idleTimeoutMs: options.idleTimeoutMs ?? 30_000,
      sleep: options.sleep ?? abortableSleep,
      budgetReached: (agent, moment) => this.budgets.reached(agent, moment),
      totalsChanged: (agent) => this.summarize(agent),
    };
    this.restores = new BackgroundRestores({
      events: this.events,
      now: this.deps.now,
      yieldToLoop: options.yieldToLoop ?? (() => new Promise<void>((resolve) => setImmediate(resolve))),
      pace: options.restorePace ?? DEFAULT_RESTORE_PACE,
      settled: (agent) => this.summarize(agent),
    });
    this.admin = new AgentAdmin({
      store: options.store,
      events: this.events,
      newId: this.deps.newId,
      now: this.deps.now,
      agents: this.list,
      providers: this.providers,
      defaultAgent: options.defaultAgent,
      summarize: (agent, touched) => this.summarize(agent, touched),
      pty: { launch: options.ptyLauncher, events: this.events, screens: this.screens },
      ...(options.directoryProblem === undefined ? {} : { directoryProblem: options.directoryProblem }),
      ...(options.freshWorkspace === undefined ? {} : { freshWorkspace: options.freshWorkspace }),
      // A queued workflow call has no agent yet, only its name (issue 14).
      renameQueued: (name, to) => renameQueuedCall(this.workflows?.calls, name, to, (candidate) => this.find(candidate) !== undefined),
      ...(options.callTools === undefined ? {} : { callTools: options.callTools }),
      deliverWaiting: (agent) => deliverWaiting(agent, this.deps),
    });
    this.panes = this.admin;
    this.historyOps = new HistoryOps({
      store: options.store,
      deps: this.deps,
      find: (name) => this.find(name),
      agents: () => this.list,
      addForked: (config, session) => {
        const forked = this.admin.register(new SdkAgent(config, session, this.events));
        this.summarize(forked); // its row shows the copied turns at once (B10)
        return forked;
      },
      removeAgent: (name) => {
        this.admin.close(name);
      },
      commit: (agent, entry) => commit(agent, this.deps, entry),
      transcripts: options.transcripts,
      files: options.files,
    });
    this.history = new HistoryCommands({
      ops: this.historyOps,
      usable: (name, operation) => this.usable(name, operation),
      summarize: (agent) => this.summarize(agent),
      restores: this.restores,
    });
    this.delivery = new Delivery({
      find: (name) => this.find(name),
      usable: (name) => this.usable(name),
      agents: () => this.list,
      runner: this.deps,
      newDeliveryId: options.newDeliveryId ?? randomDeliveryId,
      toQueued: (name, text) => this.workflows?.calls.find(name)?.steering.sendQueued(text) === true,
    });
  }

  /** Adds an agent, reattaching its stored session by name or starting a new one. */
  addAgent(config: AgentConfig): Result<SdkAgent | BrokenAgent> {
    // What waited in a reattached session goes out there (agent-admin.ts `add`, deliver-waiting.ts).
    return this.admin.add(config);
  }

  /**
   * Adds an agent with a new session (never reattached by name) and, when given, its own tools:
   * what a workflow's `agent()` call opens (DESIGN.md §9).
   */
  openAgent(config: AgentConfig, tools?: ToolHost): Result<SdkAgent> {
    const added = this.admin.addNew(config);
    if (added.ok && tools !== undefined) added.value.tools = tools;
    return added;
  }

  /** Reattaches a workflow agent's own stored session (a continued run, issue 15), with its own tools. */
  reopenAgent(config: AgentConfig, sessionId: string, tools?: ToolHost): Result<SdkAgent | BrokenAgent> {
    const added = this.admin.attach(config, sessionId, 'model-only');
    if (added.ok && added.value.kind === 'sdk' && tools !== undefined) added.value.tools = tools;
    return added;
  }

  /** Adds a PTY agent (a layout agent with `command`) and starts its command. */
  addPtyAgent(name: string, cwd: string, spec: PtyAgentSpec): Result<HostedAgent> {
    return this.admin.addPty(name, cwd, spec);
  }

  /**
   * At quit, before the control socket closes: every loop stops (a running turn is kept as
   * interrupted), nothing starts again (messages sent now stay journaled for the next start), and
   * every turn left open, running or paused, reports `turn-finished` `interrupted` (DESIGN.md §5).
   */
  async endTurns(): Promise<void> {
    const sdk = this.list.filter((agent): agent is SdkAgent => agent.kind === 'sdk');
    for (const agent of sdk) {
      agent.move({ kind: 'close' });
      agent.abort('shutdown');
    }
    await Promise.all(sdk.flatMap((agent) => (agent.phase.kind === 'running' ? [agent.phase.loop] : [])));
    // A turn already reported (answered, error, over-budget) stays as reported: finish is once per stop.
    for (const agent of sdk) agent.ledger.finish(agent.name, agent.session, 'interrupted', this.events);
  }

  /** Stops every loop (a running turn is kept as interrupted, every open turn reported) and closes the journals. */
  async shutdown(): Promise<void> {
    await this.restores.stop();
    for (const agent of this.list) if (agent.kind === 'pty') agent.pty.dispose();
    await this.endTurns();
    await this.admin.closed();
    for (const agent of this.list) {
      this.summarize(agent, false);
      if (agent.kind === 'sdk') agent.session.close();
    }
  }

  find(name: string): Agent | undefined {
    return this.admin.find(name);
  }

  /** Resolves once every agent closed with `close` has ended its turn and closed its journal. */
  closed(): Promise<void> {
    return this.admin.closed();
  }

  /** The agents in pane order. */
  allAgents(): readonly Agent[] {
    return this.list;
  }

  /** The clock entries and catalog rows are stamped with: "last activity" ages are counted on it too. */
  clock(): number {
    return this.deps.now();
  }

  /** Tokens, cost and turns over every agent in this cockpit. */
  totals(): UsageTotals {
    return sumTotals(this.list.flatMap((agent) => (agent.kind === 'sdk' ? [agent.session.totals] : [])));
  }

  // CockpitApi -------------------------------------------------------------------------

  agents(): readonly AgentRef[] {
    return this.list.map((agent, index) => ({ name: agent.name, pane: index + 1, state: agent.state }));
  }

  resolveAgent(reference: string): Result<string> {
    if (/^\d+$/.test(reference)) {
      const agent = this.list[Number(reference) - 1];
      if (agent !== undefined) return ok(agent.name);
    }
    const byName = this.find(reference);
    if (byName !== undefined) return ok(byName.name);
    // A workflow agent queued for a slot (DESIGN.md §9) is named before its agent exists.
    if (this.workflows?.calls.find(reference) !== undefined) return ok(reference);
    const names = this.list.map((agent) => agent.name).join(', ');
    return err(`no agent "${reference}" (agents: ${names === '' ? 'none' : names})`);
  }

  interrupt(name: string): Result<string> {
    const found = this.find(name);
    if (found?.kind === 'pty') return found.pty.interrupt(name);
    const agent = this.usable(name);
    if (!agent.ok) return agent;
    if (agent.value.abort('interrupt')) return ok(`interrupted ${name}`);
    return ok(`${name} is not working: nothing to interrupt`);
  }

  decide(name: string, decision: ApprovalDecision): Result<string> {
    const agent = this.usable(name, 'approve');
    if (!agent.ok) return agent;
    const pending = agent.value.pendingApproval;
    if (pending === undefined) return err(`${name} is not waiting for an approval`);
    const call = describeCall(pending.call);
    const noAlways = decision.kind === 'always' ? noAlwaysText(name, pending.call) : undefined;
    if (noAlways !== undefined) return err(noAlways);
    pending.decide(decision);
    if (decision.kind === 'yes') return ok(`${name}: approved ${call}`);
    if (decision.kind === 'always') return ok(alwaysAnswerText(name, pending.call));
    return ok(`${name}: refused ${call}`);
  }

  pause(name: string): Result<string> {
    const agent = this.usable(name, 'pause');
    if (!agent.ok) return agent;
    const a = agent.value;
    if (a.phase.kind === 'paused' || a.state === 'over-budget') return ok(`${name} is already ${a.state}`);
    if (a.phase.kind === 'running') {
      a.move({ kind: 'pause' });
      a.setDetail('pausing at the next safe point');
      return ok(`${name} pauses at its next safe point`);
    }
    a.hold('');
    return ok(`paused ${name}`);
  }

  resume(name: string): Result<string> {
    const agent = this.usable(name, 'resume');
    if (!agent.ok) return agent;
    const a = agent.value;
    const wasPausing = a.phase.kind === 'running' && a.phase.hold === 'pause';
    const wasPaused = a.phase.kind === 'paused';
    a.move({ kind: 'resume' });
    if (a.state === 'over-budget') {
      const reached = this.budgets.reached(a, this.budgets.momentOf(a));
      if (reached !== undefined) return err(`${name} is over budget (${reached}): raise it with :budget`);
    } else if (!wasPaused) {
      if (wasPausing) {
        a.setDetail('');
        return ok(`${name} will not pause`);
      }
      return ok(`${name} is not paused`);
    }
    a.setState('idle', '');
    if (isTurnOpen(a.phase) || a.queue.length > 0 || a.nudges.length > 0) kick(a, this.deps);
    return ok(`resumed ${name}`);
  }

  retry(name: string): Result<string> {
    const agent = this.usable(name, 'retry');
    if (!agent.ok) return agent;
    const a = agent.value;
    if (a.phase.kind === 'running' || isBusy(a.state)) return err(`${name} is working: interrupt it first (Esc)`);
    if (a.phase.kind === 'paused' || a.state === 'over-budget') return err(`${name} is ${a.state}: resume it first`);
    const prepared = this.historyOps.prepareRetry(a);
    if (!prepared.ok) return prepared;
    a.move({ kind: 'turn-open' });
    a.setState('idle', '');
    kick(a, this.deps);
    return ok(`retrying ${name}'s last turn`);
  }

  // Internals ----------------------------------------------------------------------------

  private usable(name: string, operation = 'this command'): Result<SdkAgent> {
    const agent = this.find(name);
    if (agent === undefined) return err(`no agent "${name}"`);
    switch (agent.kind) {
      case 'pty':
        return err(ptyDoesNotApply(name, operation));
      case 'broken':
        return err(`${name} cannot run: ${agent.loadError}`);
      case 'sdk': {
        const restoring = this.restores.refusal(agent);
        return restoring === undefined ? ok(agent) : err(restoring);
      }
    }
  }

  private providerOf(agent: SdkAgent): ModelProvider {
    const cached = this.providers.get(agent.name);
    if (cached !== undefined) return cached;
    const provider = this.options.providerFor(agent.config);
    this.providers.set(agent.name, provider);
    return provider;
  }

  /**
   * Writes the agent's catalog row. `touched`: something happened to the session now; closing and
   * quitting are not activity, so "last activity" stays the last entry or action (B10).
   */
  private summarize(agent: Agent, touched = true): void {
    if (agent.kind !== 'sdk') return;
    const session = agent.session;
    if (touched) this.touchedAt.set(session.id, this.deps.now());
    this.options.store.updateSummary({
      id: session.id,
      name: session.name,
      model: agent.config.model,
      created: session.header.created,
      updated: Math.max(session.lastEntryAt, this.touchedAt.get(session.id) ?? 0),
      turns: session.totals.turns,
      branchTurns: session.view().turnCount,
      inputTokens: session.totals.inputTokens,
      outputTokens: session.totals.outputTokens,
      costUsd: session.totals.costUsd,
      unknownCosts: session.totals.unknownCosts,
      budget: session.limits,
      ...(session.header.run === undefined ? {} : { run: session.header.run }),
    });
  }
}
