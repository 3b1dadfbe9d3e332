// The port between the workflow runtime (which runs the script: call keys, limits, the record)
// and the host that turns one `agent()` call into a cockpit agent and waits for its value
// (DESIGN.md §9). The runtime never sees a controller; the host never sees the script.
import type { JsonValue } from '../json-value.js';
import type { SessionAnswer } from './session-revision.js';

/** The `opts` of an `agent(prompt, opts)` call, validated by the runtime. */
export type AgentCallOptions = {
  readonly label?: string;
  readonly phase?: string;
  /** A JSON Schema exactly as the script gave it (wrapping a non-object schema is the host's job). */
  readonly schema?: { readonly [key: string]: JsonValue };
  readonly model?: string;
  readonly effort?: string;
  readonly isolation?: 'worktree';
  readonly agentType?: string;
};

/** The run an agent belongs to: what every call of it shares. */
export type RunContext = {
  readonly id: string;
  /** `meta.name` of the script. */
  readonly name: string;
  /** The directory agents work in (unless isolated in a worktree). */
  readonly cwd: string;
  readonly headless: boolean;
  readonly approve: 'ask' | 'auto';
  readonly allow: readonly string[];
  /** `--model`, used when a call names none. */
  readonly defaultModel: string | undefined;
};

/** One `agent()` call as the runtime hands it to the host. */
export type AgentCall = {
  readonly run: RunContext;
  /** The call key of DESIGN.md §9 (sha256 hex, then `#k`). */
  readonly key: string;
  /** The name the naming rule gives (label-derived or `RUNNAME-N`); the host makes it unique among live agents. */
  readonly baseName: string;
  /** The phase title it is grouped under (opts.phase, else the current `phase()`), if any. */
  readonly phase: string | undefined;
  readonly prompt: string;
  readonly options: AgentCallOptions;
  /** The call was in flight when the run last stopped (crash or quit): continue that agent's own session, not its prompt (issue 15). */
  readonly resume?: { readonly agent: string; readonly session: string };
  /** The answer that was held for the person when the run last stopped (issue 16): held again as it was, no model call. */
  readonly held?: { readonly value: JsonValue };
};

/** What the host tells the runtime while a call runs. */
export type AgentCallContext = {
  /**
   * Resolves when a concurrency slot is granted (the host awaits it before the first model
   * request), or at once when `withdraw` aborts first (a queued call skipped): then no slot is held.
   */
  readonly slot: (withdraw?: AbortSignal) => Promise<void>;
  /** The agent exists: its unique name and its new session's id (the record's `started` line). */
  readonly started: (agent: string, session: string) => void;
  /** Output tokens (and cost, when priced) the agent just spent, for `budget.spent()` and the run's caps. */
  readonly spent: (outputTokens: number, usd: number | undefined) => void;
  /** Aborted when the run stops or its budget is spent: resolve with `null` at once, start nothing. */
  readonly signal: AbortSignal;
  /** Aborted once the run has ended: until then `spent` counts all the agent spends, after its call resolved too. */
  readonly runEnded: AbortSignal;
  /** After the call resolved, the agent's answer changed (steered, rewound, edited): its revised value (issue 15). */
  readonly revised: (agent: string, value: JsonValue) => void;
  /** The agent's answer is held for the person (issue 16), or was sent back with a note: the record keeps which. */
  readonly held?: (agent: string, change: { readonly kind: 'held'; readonly value: JsonValue } | { readonly kind: 'sent-back' }) => void;
};

/**
 * How one call ends: a value for the script, `null` with a recorded reason, or a throw into the
 * script. `worktree`: the path of an `isolation: 'worktree'` checkout kept because the agent
 * changed it (the record's result line names it); absent when removed or not isolated.
 * `edited`: the person replaced a held answer with this value (issue 16; the result line says so).
 */
export type AgentCallOutcome =
  | { readonly kind: 'value'; readonly value: JsonValue; readonly worktree?: string; readonly edited?: true }
  | { readonly kind: 'null'; readonly reason: string; readonly worktree?: string }
  | { readonly kind: 'throw'; readonly message: string };

/** Runs `agent()` calls as cockpit agents (implemented in app/adapters over the controller). */
export interface WorkflowAgentHost {
  /** Runs one call to its outcome; never rejects (errors are outcomes). */
  run(call: AgentCall, context: AgentCallContext): Promise<AgentCallOutcome>;
  /** The run's budget is spent: pause its working agents as `over-budget`. */
  budgetSpent(runId: string, reason: string): void;
  /** The run's agents that are still working (a continue is refused while any is). */
  workingAgents(runId: string): readonly string[];
  /**
   * The answer a stored session (open or not) ended on after `sinceMs` (session-revision.ts), for
   * a continue to see answers revised where the run was not live (issue 15); undefined when none
   * or the session cannot be read.
   */
  sessionAnswer?: SessionAnswer;
}
