// What commands may ask of the controller. Commands parse and validate; this interface acts.
// Every method returns a value: a message for the status bar, or an error naming the problem.
import type { TurnAddress } from './address.js';
import type { AgentState } from './agent-state.js';
import type { ApprovalDecision } from './approval-decision.js';
import type { BudgetLimits } from './budget-limits.js';
import type { RewindOptions, UndoOptions } from './history-files.js';
import type { SwitchOptions } from './switch-files.js';
import type { JsonValue } from './json-value.js';
import type { Result } from './result.js';

/** An agent as commands see it; `pane` is its 1-based pane number. */
export type AgentRef = { readonly name: string; readonly pane: number; readonly state: AgentState };

/**
 * What a delivered message did: started a turn, joins the running one (a nudge), waits (`queued`:
 * a send to a busy agent starts its next turn; anything sent to a paused agent waits for resume),
 * or was typed into a PTY agent (which has no turns).
 */
export type DeliveryJoin = 'started-turn' | 'joined-turn' | 'queued' | 'typed';

/**
 * Per-agent outcome of a send, nudge or broadcast (DESIGN.md §4, §5). An accepted message has a
 * delivery id, which `turn-finished` lists for the turn that answered it; a refused one has none.
 */
export type DeliveryReceipt =
  | {
      readonly id: string;
      readonly agent: string;
      readonly outcome: 'delivered' | 'queued';
      readonly joined: DeliveryJoin;
      readonly detail: string;
    }
  | { readonly agent: string; readonly outcome: 'refused'; readonly detail: string };

/** Where an agent's active branch ends: its head entry and how many turns it holds. */
export type BranchPosition = { readonly head: string | null; readonly turns: number };

/** A turn range of `graft`; undefined ends mean "from the first" / "to the last". */
export type TurnRange = { readonly from?: number; readonly to?: number };

export type BudgetTarget = { readonly kind: 'agent'; readonly agent: string } | { readonly kind: 'all' };

/** Caps and spend, owned by core/budgets.ts: what `budget` sets (`clear` first drops the target's caps) and reports. */
export interface BudgetsApi {
  set(target: BudgetTarget, limits: BudgetLimits, clear: boolean): Result<string>;
  /** Spend against caps (the target's and the overall ones), for `budget` with no limits. */
  report(target: BudgetTarget): Result<string>;
}

/** Delivery (core/delivery.ts): what `send`, `nudge` and `broadcast` do, reached on its owner, not through forwards. */
export interface DeliveryApi {
  send(agent: string, text: string): DeliveryReceipt;
  nudge(agent: string, text: string, options: { interrupt: boolean }): DeliveryReceipt;
  /** A nudge to every agent, or to `agents` only (`-t @RUN`). */
  broadcast(text: string, options: { interrupt: boolean; agents?: readonly string[] }): readonly DeliveryReceipt[];
}

/** Opening, closing, renaming and focusing panes: their owner itself (core/agent-admin.ts). */
export interface PanesApi {
  /** The focused agent's name, if any agent exists. */
  focused(): string | undefined;
  focus(agent: string): Result<string>;
  /** Opens a new SDK agent (reattaching a stored session of that name) and focuses it. */
  newAgent(name: string, options: { model?: string }): Result<string>;
  /** Opens exactly this stored session (by id) in a new pane, with its own model, system prompt and directory (or `cwd`). */
  openSession(sessionId: string, cwd?: string): Result<string>;
  /** Opens a PTY agent hosting `command` (DESIGN.md §4) and focuses it. */
  newPtyAgent(name: string, command: readonly string[]): Result<string>;
  /** Starts a PTY agent's command again in its pane (killing it first if it still runs). */
  restart(agent: string): Result<string>;
  /** Stops an agent and removes its pane; its session stays in the store. */
  close(agent: string): Result<string>;
  /** Renames an agent (or a queued workflow call's reserved name, issue 14). */
  rename(agent: string, name: string): Result<string>;
}

/** Rewind, undo, edit, graft, fork and branches of an agent, by name: their owner itself (core/history-commands.ts). */
export interface HistoryApi {
  /** Without options: move the head and restore files, refusing if a file changed since. */
  rewind(agent: string, address: TurnAddress, options?: RewindOptions): Result<string>;
  undo(agent: string, options?: UndoOptions): Result<string>;
  /** Moves the head to another branch: its number as the timeline lists it (1 = the first side branch) or its tip's id; files follow as for rewind. */
  switchBranch(agent: string, branch: string, options?: SwitchOptions): Result<string>;
  /** The current text of an entry, for an editor. */
  entryText(agent: string, address: TurnAddress): Result<string>;
  edit(agent: string, address: TurnAddress, text: string): Result<string>;
  graft(agent: string, source: string, range: TurnRange): Result<string>;
  fork(agent: string, address: TurnAddress | undefined): Result<string>;
  /** The agent's head and turn count (undefined for a PTY agent, a broken one, or no such agent). */
  branchPosition(agent: string): BranchPosition | undefined;
}

/** Workflow runs and their calls (DESIGN.md §9): their owner itself (core/workflow/run-commands.ts). */
export interface RunsApi {
  /** `run [--yes] ARG [ARGS-JSON]`: starts a workflow run (on the runs host once attached); `yes` skips --confirm-over-usd. */
  start(ref: string, args: JsonValue | undefined, yes?: boolean): Result<string>;
  /** `run-stop [RUN]`. */
  stop(ref: string | undefined): Result<string>;
  /** `run-continue [--recorded] [RUN]` (issue 15). */
  continue(run: string | undefined, recorded: boolean): Result<string>;
  /** `skip`: a workflow agent's pending call resolves to null ("skipped by the user"). */
  skip(agent: string): Result<string>;
  /** `accept`: a workflow agent's pending call resolves to its last answer as it stands. */
  accept(agent: string): Result<string>;
  /** The agents `-t @RUN` or `-t @RUN/PHASE` names (those with a pending call). */
  agents(reference: string): Result<readonly string[]>;
  /** `run-hold RUN PHASE` (issue 16): answers of PHASE's agents (`all`: every phase) wait for the person. */
  hold(run: string, phase: string): Result<string>;
  /** `hold-accept`: the script gets the agent's held answer as it stands. */
  acceptHeld(agent: string): Result<string>;
  /** `hold-value JSON`: the script gets VALUE instead of the held answer (re-validated against the schema). */
  replaceHeld(agent: string, value: JsonValue): Result<string>;
  /** `hold-send TEXT`: the held agent gets TEXT and goes on working; its next answer is held again. */
  sendBackHeld(agent: string, note: string): Result<string>;
  /** `queued-prompt` (issue 14): the prompt a queued workflow agent will start with. */
  queuedPrompt(agent: string): Result<string>;
  /** `queued-prompt TEXT` (issue 14): a queued workflow agent starts with TEXT instead of the script's prompt. */
  replaceQueuedPrompt(agent: string, text: string): Result<string>;
}

/**
 * What commands may ask of the controller. The controller answers what it owns itself (agents and
 * their loops); every other concern is reached on its owner (`delivery`, `budgets`, `history`,
 * `panes`, `runs`), never through forwards.
 */
export interface CockpitApi {
  /** Agents in pane order. */
  agents(): readonly AgentRef[];
  /** Resolves `-t` (a name or a pane number) to an agent name. */
  resolveAgent(reference: string): Result<string>;

  /** Sends, nudges and broadcasts: their owner itself (core/delivery.ts). */
  readonly delivery: DeliveryApi;
  interrupt(agent: string): Result<string>;
  /** Answers the tool call the agent is waiting on (the only way a call gets approved). */
  decide(agent: string, decision: ApprovalDecision): Result<string>;
  pause(agent: string): Result<string>;
  resume(agent: string): Result<string>;
  retry(agent: string): Result<string>;
  /** Caps and spend: their owner itself, not forwards (core/budgets.ts). */
  readonly budgets: BudgetsApi;
  readonly history: HistoryApi;
  readonly panes: PanesApi;
  readonly runs: RunsApi;
}
