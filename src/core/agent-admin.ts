// Opening, closing, renaming and focusing agents (DESIGN.md §5 `new`, `close`, `rename`,
// `focus`): the controller's pane list changes only here, so the store, the provider cache,
// the focus and the events stay in step with it.
import { crashedCalls } from './tool-intent.js';
import { lastTurnDeliveries } from './turn-ledger.js';
import { interruptedRestoreNotice } from './restore-intent.js';
import { dropWaiting, restorePending } from './pending-messages.js';
import { BrokenAgent, SdkAgent, type Agent, type AgentConfig, type HostedAgent } from './agent.js';
import type { ToolHost } from './tools.js';
import type { ControllerEvent, Emitter } from './events.js';
import { agentNameProblem } from './layout-file.js';
import type { PanesApi } from './cockpit-api.js';
import type { ModelProvider } from './provider.js';
import { buildPtyAgent, type PtyAdminDeps } from './pty-admin.js';
import type { PtyAgentSpec } from './pty-agent.js';
import { err, ok, type Result } from './result.js';
import { describeReplayProblem, SessionState, type ReplayProblem } from './session-state.js';
import type { SessionStore } from './store.js';
import { JOURNAL_VERSION, type SessionHeader } from './journal-record.js';
import { describeSessionCwd, sessionCwd, type DirectoryCheck } from './session-cwd.js';
import { AgentNames } from './agent-names.js';

/** What a new agent starts from when no agent is open to copy (everything but its name). */
export type DefaultAgentConfig = Omit<AgentConfig, 'name'>;

export type AgentAdminDeps = {
  readonly store: SessionStore;
  readonly events: Emitter<ControllerEvent>;
  readonly newId: () => string;
  readonly now: () => number;
  /** The controller's agents in pane order, shared: this class adds and removes them. */
  readonly agents: Agent[];
  /** The controller's provider cache, keyed by agent name, shared. */
  readonly providers: Map<string, ModelProvider>;
  readonly defaultAgent: DefaultAgentConfig | undefined;
  /** Writes the agent's catalog row (`touched` false: no activity of its own, e.g. closing). */
  readonly summarize: (agent: Agent, touched?: boolean) => void;
  /** How PTY agents are started (DESIGN.md §4). */
  readonly pty: PtyAdminDeps;
  /** Whether a session's recorded directory can still be worked in (default: any can). */
  readonly directoryProblem?: DirectoryCheck;
  /** The demo: a fresh copy of the sample project for each agent `new` makes (DESIGN.md §3). */
  readonly freshWorkspace?: FreshWorkspace;
  /** `rename` of a queued workflow call (issue 14): its answer, or undefined when NAME is no queued call. */
  readonly renameQueued?: (name: string, to: string) => Result<string> | undefined;
  /** A workflow agent's session opened where its run is not live: its call's own tools (StructuredOutput) and a note, if any (issue 15). */
  readonly callTools?: (agent: SdkAgent) => { readonly tools: ToolHost; readonly note: string } | undefined;
  /** Starts the loop of a reattached session with messages or crash-cut calls waiting (the controller's runner). */
  readonly deliverWaiting: (agent: SdkAgent) => void;
};

/** Makes a working directory of its own for a new agent named NAME. */
export type FreshWorkspace = (name: string) => Result<string>;

/** How a stored session is reopened: with its header's model and system prompt, and where it works. */
type OwnHeader = { readonly cwd: { readonly given: string | undefined } } | 'model-only';

/** A replay failure in the store's form `PATH:LINE: problem (copy kept at PATH2)`; record N is line N of the journal. */
function replayProblem(store: SessionStore, sessionId: string, problem: ReplayProblem): string {
  if (store.reportCorrupt === undefined) return `${sessionId}: ${describeReplayProblem(problem)}`;
  return store.reportCorrupt(sessionId, problem.record, problem.problem);
}

/** `config` with the model and system prompt its session was created with (a header without a model keeps config's). */
function withHeader(config: AgentConfig, header: SessionHeader): AgentConfig {
  const { system: _focusedSystem, ...rest } = config;
  return { ...rest, model: header.model ?? config.model, ...(header.system === undefined ? {} : { system: header.system }) };
}

/** The pane list of one controller: which agents exist, under which names, and which has focus. */
export class AgentAdmin implements PanesApi {
  private focusName: string | undefined;
  /** Agents closed while their loop was winding down, by name, until their journal is closed. */
  private readonly closing = new Map<string, Promise<void>>();
  /** `find` in O(1) (agent-names.ts); kept current where this class changes the list. */
  private readonly names: AgentNames;

  constructor(private readonly d: AgentAdminDeps) {
    this.names = new AgentNames(d.agents);
  }

  find(name: string): Agent | undefined {
    return this.names.find(name);
  }

  /** The focused agent: the one last focused, else the first pane. */
  focused(): string | undefined {
    return this.focusName ?? this.d.agents[0]?.name;
  }

  /** Moves the focus and tells the views. */
  focus(name: string): Result<string> {
    if (this.find(name) === undefined) return err(`no agent "${name}"`);
    this.focusName = name;
    this.d.events.emit({ type: 'focus', agent: name });
    return ok(`focused ${name}`);
  }

  /**
   * Adds an agent, reattaching its stored session (`sessionId`, else the newest of its name) or
   * starting a new one; what waited in a reattached session (messages accepted before the last
   * stop, calls a crash cut short) goes out at once, with `tools` (given the agent) in place first.
   * Every person's path (layout, saved panes, `new NAME`, the session browser) comes through here.
   */
  add(requested: AgentConfig, sessionId?: string, ownHeader?: OwnHeader, tools?: (agent: SdkAgent) => ToolHost | undefined): Result<SdkAgent | BrokenAgent> {
    const added = this.attach(requested, sessionId, ownHeader);
    if (!added.ok || added.value.kind !== 'sdk') return added;
    const own = tools?.(added.value);
    if (own !== undefined) added.value.tools = own;
    this.d.deliverWaiting(added.value);
    return added;
  }

  /**
   * `add` without delivering what waits: a workflow's continued call, whose run decides what its
   * agent does next (resume-call.ts retries or sends).
   */
  attach(requested: AgentConfig, sessionId?: string, ownHeader?: OwnHeader): Result<SdkAgent | BrokenAgent> {
    let config = requested;
    if (this.find(config.name) !== undefined) return err(`an agent named "${config.name}" already exists`);
    if (this.closing.has(config.name)) return err(`${config.name} is still closing: try again in a moment`);
    const store = this.d.store;
    const existing = sessionId ?? store.findByName(config.name);
    if (existing === undefined) return this.createSession(config);
    const loaded = store.load(existing);
    if (loaded.ok && ownHeader !== undefined) config = withHeader(config, loaded.value.header);
    if (!loaded.ok) return ok(this.register(new BrokenAgent(config, loaded.error.message, this.d.events)));
    if (ownHeader !== undefined && ownHeader !== 'model-only') {
      const where = sessionCwd(loaded.value.header, { given: ownHeader.cwd.given, fallback: config.cwd }, this.d.directoryProblem ?? (() => undefined));
      if (!where.ok) return where;
      config = { ...config, cwd: where.value };
    }
    const session = SessionState.replay(loaded.value.header, loaded.value.records);
    if (!session.ok) {
      const message = replayProblem(store, existing, session.error);
      return ok(this.register(new BrokenAgent(config, message, this.d.events)));
    }
    const writer = store.openWriter(existing);
    if (!writer.ok) return ok(this.register(new BrokenAgent(config, writer.error, this.d.events)));
    session.value.attach(writer.value);
    const agent = new SdkAgent(config, session.value, this.d.events);
    // The last turn keeps the ids of the messages it answers: a `retry` after the restart reports them.
    agent.ledger.restore(lastTurnDeliveries(session.value));
    // A turn that was waiting for the model when agentmux last quit left no answer behind:
    // say so, so the person knows `retry` re-runs it.
    const last = session.value.view().items.at(-1);
    if (last?.kind === 'message' && (last.entry.kind === 'user' || last.entry.kind === 'tool-result')) {
      agent.unansweredAtLoad = true;
      agent.detail = 'interrupted at quit: retry re-runs the turn';
    } else if (crashedCalls(session.value).length > 0) {
      agent.unansweredAtLoad = true;
      agent.detail = 'interrupted by a crash: retry continues the turn';
    } else if (last?.kind === 'message' && last.entry.kind === 'interrupted') {
      agent.detail = 'interrupted';
    }
    const restored = restorePending(agent);
    this.register(agent);
    if (restored > 0) {
      const what = restored === 1 ? '1 message' : `${restored} messages`;
      this.d.events.emit({ type: 'notice', agent: agent.name, level: 'info', message: `${what} accepted before agentmux last stopped, not yet delivered: delivering now` });
    }
    const cutShort = interruptedRestoreNotice(session.value);
    if (cutShort !== undefined) this.d.events.emit({ type: 'notice', agent: agent.name, level: 'error', message: cutShort });
    for (const notice of loaded.value.notices) {
      this.d.events.emit({ type: 'notice', agent: agent.name, level: 'info', message: notice });
    }
    return ok(agent);
  }

  /** Adds an agent with a new session, whatever the store holds under its name (a workflow agent, DESIGN.md §9). */
  addNew(config: AgentConfig): Result<SdkAgent> {
    if (this.find(config.name) !== undefined) return err(`an agent named "${config.name}" already exists`);
    if (this.closing.has(config.name)) return err(`${config.name} is still closing: try again in a moment`);
    return this.createSession(config);
  }

  private createSession(config: AgentConfig): Result<SdkAgent> {
    const header = {
      t: 'session' as const,
      v: JOURNAL_VERSION,
      id: this.d.newId(),
      name: config.name,
      created: this.d.now(),
      model: config.model,
      cwd: config.cwd,
      ...(config.system === undefined ? {} : { system: config.system }),
      ...(config.run === undefined ? {} : { run: config.run }),
    };
    const writer = this.d.store.create(header);
    if (!writer.ok) return err(writer.error);
    const session = SessionState.create(header, writer.value);
    if (!session.ok) return err(session.error);
    const agent = this.register(new SdkAgent(config, session.value, this.d.events));
    this.d.summarize(agent);
    return ok(agent);
  }

  /** Adds a PTY agent (no session: it hosts `spec.command`) and starts its command. */
  addPty(name: string, cwd: string, spec: PtyAgentSpec): Result<HostedAgent> {
    if (this.find(name) !== undefined) return err(`an agent named "${name}" already exists`);
    if (this.closing.has(name)) return err(`${name} is still closing: try again in a moment`);
    const built = buildPtyAgent(this.d.pty, name, cwd, spec);
    if (!built.ok) return built;
    const agent = this.register(built.value);
    agent.pty.start();
    return ok(agent);
  }

  /** `new NAME -- COMMAND ARGS…`: a PTY agent in the focused agent's cwd (or the default one). */
  newPtyAgent(name: string, command: readonly string[]): Result<string> {
    const problem = agentNameProblem(name);
    if (problem !== undefined) return err(`agent name ${problem}`);
    const focused = this.focused();
    const cwd = (focused === undefined ? undefined : this.find(focused)?.config.cwd) ?? this.d.defaultAgent?.cwd;
    if (cwd === undefined) return err('no agent to take a working directory from, and no default one');
    const added = this.addPty(name, cwd, { command, env: {}, ready: undefined });
    if (!added.ok) return added;
    this.focus(name);
    const started = added.value.pty.running;
    return started ? ok(`new PTY agent ${name} (${command.join(' ')})`) : err(`${name}: ${added.value.detail}`);
  }

  /** Puts an agent in the last pane and tells the views. */
  register<A extends Agent>(agent: A): A {
    this.d.agents.push(agent);
    this.names.added(agent);
    this.d.events.emit({ type: 'agent-added', agent: agent.name });
    return agent;
  }

  /**
   * `new NAME [--model M]`: an SDK agent configured like the focused one (or the default
   * configuration when there is no agent), with its stored session if the store has one.
   */
  newAgent(name: string, options: { model?: string }): Result<string> {
    const problem = agentNameProblem(name);
    if (problem !== undefined) return err(`agent name ${problem}`);
    if (this.find(name) !== undefined) return err(`an agent named "${name}" already exists`);
    if (this.closing.has(name)) return err(`${name} is still closing: try again in a moment`);
    const focused = this.focused();
    const base = (focused === undefined ? undefined : this.find(focused)?.config) ?? this.d.defaultAgent;
    if (base === undefined) return err('no agent to copy a configuration from, and no default configuration');
    const model = options.model ?? base.model;
    const stored = this.d.store.findByName(name) !== undefined;
    // In the demo every agent gets its own copy, never the focused agent's or the launch directory.
    const workspace = this.d.freshWorkspace?.(name);
    if (workspace !== undefined && !workspace.ok) return err(`${name}: no demo workspace: ${workspace.error}`);
    const added = this.add({ ...base, name, model, ...(workspace === undefined ? {} : { cwd: workspace.value }) });
    if (!added.ok) return added;
    this.focus(name);
    const agent = added.value;
    let message = `new agent ${name} (${model})`;
    if (stored) message += ': reattached its stored session';
    if (agent.kind === 'broken') message += `; it cannot run: ${agent.loadError}`;
    return ok(message);
  }

  /**
   * The session browser's open: reattaches exactly this stored session under its current name, with
   * the model, system prompt and working directory of its journal's header (`cwd` when given; the
   * focused agent's for a journal older than version 3); the approval policy is the focused agent's
   * (or the default configuration's). A session already open just gets the focus.
   */
  openSession(sessionId: string, cwd?: string): Result<string> {
    const open = this.d.agents.find((agent) => agent.kind === 'sdk' && agent.session.id === sessionId);
    if (open !== undefined) {
      this.focus(open.name);
      return ok(`${open.name} is already open: focused its pane`);
    }
    const summary = this.d.store.list().find((row) => row.id === sessionId);
    if (summary === undefined) return err(`no stored session ${sessionId}`);
    const name = summary.name;
    if (this.find(name) !== undefined) {
      return err(`an agent named "${name}" is open with another session: rename one of them first`);
    }
    const focused = this.focused();
    const base = (focused === undefined ? undefined : this.find(focused)?.config) ?? this.d.defaultAgent;
    if (base === undefined) return err('no agent to take a working directory from, and no default configuration');
    let note = '';
    const callTools = (opened: SdkAgent): ToolHost | undefined => {
      const own = this.d.callTools?.(opened);
      note = own?.note ?? '';
      return own?.tools;
    };
    const added = this.add({ ...base, name }, sessionId, { cwd: { given: cwd } }, callTools);
    if (!added.ok) return added;
    this.focus(name);
    const agent = added.value;
    const where = agent.kind === 'sdk' ? describeSessionCwd(agent.session.header, agent.config.cwd) : '';
    let message = `opened session ${name} (${agent.config.model})${where}`;
    if (agent.kind === 'broken') message += `; it cannot run: ${agent.loadError}`;
    return ok(message + note);
  }

  /**
   * `close`: removes the pane at once; a running turn is aborted and kept as interrupted (as at
   * quit), then the journal is closed. The session stays in the store for a later `new NAME`.
   */
  close(name: string): Result<string> {
    const agents = this.d.agents;
    const index = agents.findIndex((agent) => agent.name === name);
    const agent = agents[index];
    if (agent === undefined) return err(`no agent "${name}"`);
    const wasFocused = this.focused() === name;
    agents.splice(index, 1);
    this.names.removed(agent);
    this.d.providers.delete(name);
    if (agent.kind === 'sdk') {
      // Nothing queued may start a turn while the loop winds down; it stops at its next safe point.
      dropWaiting(agent);
      agent.move({ kind: 'close' });
      agent.abort('shutdown');
    }
    if (agent.kind === 'pty') agent.pty.dispose();
    if (this.focusName === name) this.focusName = undefined;
    this.d.events.emit({ type: 'agent-removed', agent: name });
    if (wasFocused) {
      const next = agents[Math.min(index, agents.length - 1)];
      if (next !== undefined) this.focus(next.name);
    }
    if (agent.kind === 'sdk') this.closeJournal(agent);
    return ok(`closed ${name} (its session stays in the store)`);
  }

  // The journal of a closed agent closes once its loop has wound down (at once when none runs).
  private closeJournal(agent: SdkAgent): void {
    const name = agent.name;
    const finish = (): void => {
      this.d.summarize(agent, false);
      agent.session.close();
    };
    const phase = agent.phase;
    if (phase.kind !== 'running') {
      finish();
    } else {
      const done = phase.loop.then(finish, finish).finally(() => this.closing.delete(name));
      this.closing.set(name, done);
    }
  }

  /** `restart`: a PTY agent's command starts again (SDK agents re-run a turn with `retry` instead). */
  restart(name: string): Result<string> {
    const agent = this.find(name);
    if (agent === undefined) return err(`no agent "${name}"`);
    if (agent.kind !== 'pty') return err(`${name} is not a PTY agent: restart starts a hosted command again (retry re-runs a turn)`);
    return agent.pty.restart(name);
  }

  /** Resolves once every closed agent has finished its turn and closed its journal. */
  async closed(): Promise<void> {
    while (this.closing.size > 0) await Promise.all([...this.closing.values()]);
  }

  /**
   * `rename`: a journal record (so the store finds the session under the new name after a
   * restart), then the config, focus, provider cache and catalog follow.
   */
  rename(name: string, to: string): Result<string> {
    const queued = this.d.renameQueued?.(name, to);
    if (queued !== undefined) return queued;
    const agent = this.find(name);
    if (agent === undefined) return err(`no agent "${name}"`);
    if (to === name) return ok(`${name} is already named ${to}`);
    const problem = agentNameProblem(to);
    if (problem !== undefined) return err(`agent name ${problem}`);
    if (this.find(to) !== undefined || this.closing.has(to)) return err(`an agent named "${to}" already exists`);
    if (this.d.store.findByName(to) !== undefined) {
      return err(`the store already has a session named "${to}" (:sessions lists them)`);
    }
    if (agent.kind === 'pty') {
      // A PTY agent has no journal: only its pane changes name.
      agent.config = { ...agent.config, name: to };
      this.names.renamed(agent, name);
      if (this.focusName === name) this.focusName = to;
      this.d.events.emit({ type: 'agent-renamed', from: name, to });
      return ok(`renamed ${name} to ${to}`);
    }
    if (agent.kind === 'broken') return err(`${name} cannot be renamed: ${agent.loadError}`);
    const session = agent.session;
    const written = session.record({ t: 'rename', name: to });
    if (!written.ok) return written;
    agent.config = { ...agent.config, name: to };
    this.names.renamed(agent, name);
    const provider = this.d.providers.get(name);
    this.d.providers.delete(name);
    if (provider !== undefined) this.d.providers.set(to, provider);
    if (this.focusName === name) this.focusName = to;
    this.d.summarize(agent);
    this.d.events.emit({ type: 'agent-renamed', from: name, to });
    return ok(`renamed ${name} to ${to}`);
  }
}
