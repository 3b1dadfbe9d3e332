// An agent: an SDK agent (a session plus the runtime state its loop and commands share), a PTY
// agent (a hosted command), or a broken one (its journal did not load). One union, by `kind`.
import type { AgentState } from './agent-state.js';
import type { PendingApproval } from './approval-decision.js';
import { DEFAULT_APPROVAL_POLICY, type ApprovalPolicy } from './approval-policy.js';
import type { SandboxPolicy } from './tools.js';
import type { MessageOrigin } from './entry.js';
import type { ControllerEvent, Emitter } from './events.js';
import type { PtyAgent } from './pty-agent.js';
import type { SessionState } from './session-state.js';
import type { ToolHost } from './tools.js';
import { TurnLedger } from './turn-ledger.js';
import { IDLE, nextPhase, type AbortIntent, type TurnEvent, type TurnPhase } from './turn-phase.js';

export type { AbortIntent } from './turn-phase.js';

/** What a layout says about an SDK agent (DESIGN.md §5). */
export type AgentConfig = {
  readonly name: string;
  readonly model: string;
  readonly system?: string;
  readonly cwd: string;
  readonly baseURL?: string;
  readonly maxTokens?: number;
  /** Which writing calls wait for the user; absent means ask, allow nothing. */
  readonly approval?: ApprovalPolicy;
  /** What its sandboxed bash may reach (layout `sandbox`); absent: no network. */
  readonly sandbox?: SandboxPolicy;
  /** Extended thinking's token budget (a workflow call's `effort`); absent: no thinking. */
  readonly thinkingBudget?: number;
  /** A named endpoint of the providers file: its key is read from `apiKeyEnv` in the environment, never stored. */
  readonly endpoint?: { readonly name: string; readonly baseURL: string; readonly apiKeyEnv?: string };
  /** The workflow run this agent belongs to (its session is grouped under it, never reattached by name). */
  readonly run?: string;
};

/** A message waiting to be delivered: a queued send, or a nudge for the next safe point. `id` is its delivery id. */
export type PendingMessage = { readonly id: string; readonly text: string; readonly origin: MessageOrigin };

/**
 * The states a caller may set. `paused` is not one of them: an SDK agent is paused when its turn
 * phase says so (`phase.kind === 'paused'`), and its title follows the phase (`SdkAgent.move`).
 */
export type SettableState = Exclude<AgentState, 'paused'>;

/**
 * What every agent has, whatever runs it: its configuration, the state its title shows, and the
 * events that tell views about changes to that state.
 */
abstract class AgentBase {
  #state: AgentState = 'idle';
  detail = '';

  constructor(
    public config: AgentConfig,
    private readonly events: Emitter<ControllerEvent>,
  ) {}

  get name(): string {
    return this.config.name;
  }

  /** The state its title shows (DESIGN.md §4). */
  get state(): AgentState {
    return this.#state;
  }

  /** Moves to a state and tells subscribers (only when something changed). */
  setState(state: SettableState, detail = ''): void {
    this.show(state, detail);
  }

  /** Keeps the state and changes what the title says about it. */
  setDetail(detail: string): void {
    this.show(this.#state, detail);
  }

  protected show(state: AgentState, detail: string): void {
    if (state === this.#state && detail === this.detail) return;
    this.#state = state;
    this.detail = detail;
    this.events.emit({ type: 'state', agent: this.name, state, detail });
  }
}

/** An agent the SDK runs (DESIGN.md §4): it always has its session, and the loop's runtime state. */
export class SdkAgent extends AgentBase {
  readonly kind = 'sdk';
  /** Sends that start the next turns, oldest first. */
  readonly queue: PendingMessage[] = [];
  /** Nudges that join the running turn at its next safe point. */
  readonly nudges: PendingMessage[] = [];
  /** The deliveries the current (or last) turn answered, and its one `turn-finished`. */
  readonly ledger = new TurnLedger();
  #phase: TurnPhase = IDLE;
  /** True when the journal ended on a turn left without an answer at the last quit (shown, then retried). */
  unansweredAtLoad = false;
  /** The policy in force: the layout's, plus what `always` answers added (kept in the journal). */
  approval: ApprovalPolicy;
  /** The call waiting for the user's y/a/n, while the state is `awaiting-approval`. */
  pendingApproval: PendingApproval | undefined;
  /** This agent's own tools (a workflow agent's StructuredOutput, an agentType's subset); else the controller's. */
  tools: ToolHost | undefined;

  constructor(
    config: AgentConfig,
    readonly session: SessionState,
    events: Emitter<ControllerEvent>,
  ) {
    super(config, events);
    const policy = config.approval ?? DEFAULT_APPROVAL_POLICY;
    const added = session.allowed.filter((entry) => !policy.allow.includes(entry));
    this.approval = added.length === 0 ? policy : { ...policy, allow: [...policy.allow, ...added] };
  }

  /** Whether the loop runs, a turn is open, what holds it, the step in flight (turn-phase.ts). */
  get phase(): TurnPhase {
    return this.#phase;
  }

  /**
   * Moves the turn phase by its table; false (nothing changed) when the event does not apply.
   * `paused` is one fact, the phase's: the title shows `paused` when the phase becomes paused
   * (unless it says why it is held: `over-budget`) and `idle` when it leaves it.
   */
  move(event: TurnEvent): boolean {
    const wasPaused = this.#phase.kind === 'paused';
    const next = nextPhase(this.#phase, event);
    if (!next.ok) return false;
    this.#phase = next.value;
    const paused = next.value.kind === 'paused';
    if (paused && !wasPaused && this.state !== 'over-budget') this.show('paused', this.waitingDetail());
    if (!paused && wasPaused && this.state === 'paused') this.show('idle', '');
    return true;
  }

  /** `pause` of an agent whose loop does not run: held at once, the title saying `detail` (default: what waits). */
  hold(detail?: string): void {
    this.move({ kind: 'pause' });
    if (this.#phase.kind === 'paused') this.show('paused', detail ?? this.waitingDetail());
  }

  /** `N waiting` when messages wait for the agent, else ''. */
  waitingDetail(): string {
    const waiting = this.queue.length + this.nudges.length;
    return waiting > 0 ? `${waiting} waiting` : '';
  }

  /** Aborts the stream, wait or tool in flight, recording why; false when nothing is in flight. */
  abort(intent: AbortIntent): boolean {
    if (!this.move({ kind: 'abort', intent })) return false;
    const phase = this.#phase;
    if (phase.kind === 'running' && phase.step.kind === 'aborting') phase.step.controller.abort();
    return true;
  }
}

/** A PTY agent (DESIGN.md §4): a hosted command, no session; everything it does goes through `pty`. */
export class HostedAgent extends AgentBase {
  readonly kind = 'pty';
  readonly pty: PtyAgent;

  /** `host` builds the PTY side, which reports its state to this agent. */
  constructor(config: AgentConfig, events: Emitter<ControllerEvent>, host: (agent: HostedAgent) => PtyAgent) {
    super(config, events);
    this.pty = host(this);
  }
}

/** An agent whose journal failed to load: it shows why in its pane and never runs. */
export class BrokenAgent extends AgentBase {
  readonly kind = 'broken';

  constructor(
    config: AgentConfig,
    readonly loadError: string,
    events: Emitter<ControllerEvent>,
  ) {
    super(config, events);
    this.show('error', loadError);
  }
}

/** One pane's agent: run by the SDK, hosting a command, or broken (its journal did not load). */
export type Agent = SdkAgent | HostedAgent | BrokenAgent;
