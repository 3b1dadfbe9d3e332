// Where each workflow agent's `agent()` call stands (DESIGN.md §9, "When a call resolves, and
// steering"): queued for a slot, working, *waiting on you* (after Esc, a rewind, an edit, a graft,
// an API error, or while an approval is pending), or done with its value. Pure: the host reports
// what it sees of the agent, `nextCallState` decides, and `CallStates` keeps one entry per call
// and emits a `call-state` event on each change (the run view, the status bar, ctl events).
import { WORKING_STATES, type AgentState } from '../agent-state.js';
import type { JsonValue } from '../json-value.js';
import type { TurnOutcome } from '../turn-ledger.js';
import { HoldRules, type HeldAnswer } from './call-hold.js';
import { phaseMatches } from './phase-match.js';

export { phaseMatches };

/** Why a pending call waits on the person. */
export type WaitReason = 'interrupted' | 'api-error' | 'rewound' | 'edited' | 'grafted' | 'approval' | 'held';

export type CallState =
  | { readonly kind: 'queued' }
  | { readonly kind: 'working' }
  | { readonly kind: 'waiting-on-you'; readonly reason: WaitReason }
  /** The call resolved: `value` is what the script got (null: skipped, stopped, failed, with `reason`). */
  | { readonly kind: 'done'; readonly value: JsonValue | null; readonly reason: string | null };

/** What the host saw happen to the call's agent. */
export type CallObservation =
  /** The call got its slot and its agent exists. */
  | { readonly kind: 'started' }
  | { readonly kind: 'agent-state'; readonly state: AgentState }
  /** A turn's work ended; `pending`: a message, nudge or approval is still waiting (the work goes on). */
  | { readonly kind: 'turn-ended'; readonly outcome: TurnOutcome; readonly pending: boolean }
  /** The person rewound (or undid, or switched branch), edited or grafted while the agent was not working. */
  | { readonly kind: 'history'; readonly op: 'rewind' | 'edit' | 'graft' }
  /** Its answer is held for the person (issue 16, `--hold`): the script waits until they act. */
  | { readonly kind: 'held' }
  /** The person sent a held answer back with a note: the agent works on. */
  | { readonly kind: 'sent-back' }
  | { readonly kind: 'resolved'; readonly value: JsonValue | null; readonly reason: string | null };

const HISTORY_REASON = { rewind: 'rewound', edit: 'edited', graft: 'grafted' } as const;

/** The call's next state after `seen`; a done call never changes again. */
export function nextCallState(current: CallState, seen: CallObservation): CallState {
  if (current.kind === 'done') return current;
  switch (seen.kind) {
    case 'resolved':
      return { kind: 'done', value: seen.value, reason: seen.reason };
    case 'started':
      return current.kind === 'queued' ? { kind: 'working' } : current;
    case 'agent-state':
      if (current.kind === 'queued') return current;
      if (seen.state === 'awaiting-approval') return { kind: 'waiting-on-you', reason: 'approval' };
      if (WORKING_STATES.has(seen.state)) return { kind: 'working' };
      // Back to idle from an approval (refused and ended, say): the turn's end decides.
      return current;
    case 'turn-ended':
      if (current.kind === 'queued') return current;
      if (seen.outcome === 'interrupted') return { kind: 'waiting-on-you', reason: 'interrupted' };
      if (seen.outcome === 'error') return { kind: 'waiting-on-you', reason: 'api-error' };
      return seen.pending ? { kind: 'working' } : current;
    case 'history':
      if (current.kind === 'queued') return current;
      return { kind: 'waiting-on-you', reason: HISTORY_REASON[seen.op] };
    case 'held':
      return { kind: 'waiting-on-you', reason: 'held' };
    case 'sent-back':
      return { kind: 'working' };
  }
}

/** Whether two states read the same (an unchanged state emits nothing). */
export function sameCallState(a: CallState, b: CallState): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'waiting-on-you' && b.kind === 'waiting-on-you') return a.reason === b.reason;
  return a.kind !== 'done';
}

/** The event a change emits (also a line of `agentmux ctl events`). */
export type CallStateEvent = {
  readonly type: 'call-state';
  readonly run: string;
  /** The agent's name (reserved while queued: a queued call has no agent yet). */
  readonly agent: string;
  readonly phase: string | null;
  readonly state: CallState;
};

/** A call took another name: a person renamed it while queued, or its name was taken when it started (also a line of `ctl events`). */
export type CallRenamedEvent = {
  readonly type: 'call-renamed';
  readonly run: string;
  readonly from: string;
  readonly to: string;
};

/** What the registry emits. */
export type CallEvent = CallStateEvent | CallRenamedEvent;

/** What `skip`, `accept` and a send to a queued agent do to one call (the host implements it). */
export type CallSteering = {
  /** Resolves the call to null, "skipped by the user" (a queued one never starts). */
  skip(): string;
  /** Resolves the call to its last answer as it stands, or says why it cannot. */
  accept(): { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: string };
  /** Keeps TEXT for the agent's first turn; false once the agent exists (then it is an ordinary send). */
  sendQueued(text: string): boolean;
  /** The prompt the agent will start with (its first message), while queued; undefined once it exists. */
  queuedPrompt(): string | undefined;
  /** Replaces the prompt of a queued call before it starts; false once the agent exists (or it was skipped). */
  replacePrompt(text: string): boolean;
  /**
   * The person opened the queued call's prompt in an editor: the call does not start until they
   * close it (it may take a slot and wait), so it starts with what they save. Returns the release
   * (idempotent); undefined once the agent exists (or the call was skipped).
   */
  holdStart(): (() => void) | undefined;
};

/** One call as the registry holds it. */
export class CallEntry {
  private current: CallState = { kind: 'queued' };
  /** The answer held for the person (issue 16), while the call is held. */
  held: HeldAnswer | undefined;

  constructor(
    readonly run: string,
    readonly phase: string | null,
    private name: string,
    readonly steering: CallSteering,
    private readonly emit: (event: CallEvent) => void,
  ) {}

  /** The agent's name now (a person may rename it). */
  get agent(): string {
    return this.name;
  }

  get state(): CallState {
    return this.current;
  }

  /** Follows a rename of the agent (or of the queued call); emits `call-renamed` when the name changed. */
  renamed(name: string): void {
    const from = this.name;
    if (name === from) return;
    this.name = name;
    this.emit({ type: 'call-renamed', run: this.run, from, to: name });
  }

  /** Applies an observation; emits when the state changed. */
  observe(seen: CallObservation): void {
    const next = nextCallState(this.current, seen);
    if (sameCallState(next, this.current)) return;
    this.current = next;
    // A held answer stands only while the call waits on it (accepted, sent back, skipped: gone).
    if (next.kind !== 'waiting-on-you' || next.reason !== 'held') this.held = undefined;
    this.emit({ type: 'call-state', run: this.run, agent: this.name, phase: this.phase, state: next });
  }
}

/** Every pending call of the runs one host serves; done calls are dropped. */
export class CallStates {
  private readonly entries = new Set<CallEntry>();
  /** Which phases of which runs hold their answers for the person (`--hold`, `run-hold`). */
  readonly holds = new HoldRules();

  constructor(private readonly emit: (event: CallEvent) => void) {}

  /** A new call, queued; emits its first state. */
  add(run: string, phase: string | null, agent: string, steering: CallSteering): CallEntry {
    const entry = new CallEntry(run, phase, agent, steering, (event) => {
      if (event.type === 'call-state' && event.state.kind === 'done') this.entries.delete(entry);
      this.emit(event);
    });
    this.entries.add(entry);
    this.emit({ type: 'call-state', run, agent, phase, state: entry.state });
    return entry;
  }

  /** The pending call whose agent is named `agent`. */
  find(agent: string): CallEntry | undefined {
    for (const entry of this.entries) if (entry.agent === agent) return entry;
    return undefined;
  }

  /** Every pending call, in the order they were made. */
  all(): readonly CallEntry[] {
    return [...this.entries];
  }

  /** The pending calls of run `run`, of one phase when `phase` is given (matched as `-t @RUN/PHASE` writes it). */
  ofRun(run: string, phase?: string): readonly CallEntry[] {
    return this.all().filter((entry) => entry.run === run && (phase === undefined || (entry.phase !== null && phaseMatches(entry.phase, phase))));
  }
}
