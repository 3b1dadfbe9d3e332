// The agent loop of DESIGN.md §4: context → stream → tools → repeat, with nudges joined at
// safe points, queued sends starting later turns, pause, budgets, retries and interrupts.
import type { SdkAgent, PendingMessage } from './agent.js';
import type { AssistantEntry, Entry, ToolUseBlock } from './entry.js';
import type { ControllerEvent, Emitter } from './events.js';
import { describeProviderError, isRetriable, type ModelProvider, type PartialAnswer, type ProviderError } from './provider.js';
import { buildRequest } from './request.js';
import { messageOf } from './result.js';
import { refusalText } from './approval-decision.js';
import { clearCall } from './approval-wait.js';
import { settleMessage } from './pending-messages.js';
import { setAsideRefused } from './set-aside.js';
import { hasCrashedCalls, intentRecorder, settleCrashedCalls } from './crashed-calls.js';
import type { ToolHost, ToolOutcome } from './tools.js';
import type { TurnOutcome } from './turn-ledger.js';
import { isTurnOpen, pendingAbort } from './turn-phase.js';

export type RunnerDeps = {
  readonly events: Emitter<ControllerEvent>;
  readonly providerFor: (agent: SdkAgent) => ModelProvider;
  readonly tools: ToolHost;
  readonly newId: () => string;
  readonly now: () => number;
  /** Delay before each retry of a failed request; its length is the number of retries. */
  readonly retryDelaysMs: readonly number[];
  readonly idleTimeoutMs: number;
  /** Resolves after `ms`, or early (false) when the signal aborts. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<boolean>;
  /** The limit reached by this agent or overall, if any. */
  readonly budgetReached: (agent: SdkAgent, moment: 'model-call' | 'turn-start') => string | undefined;
  /** Called after the agent's totals change (catalog, overall budget). */
  readonly totalsChanged: (agent: SdkAgent) => void;
};

const DEFAULT_MAX_TOKENS = 8192;

type CallOutcome =
  | { kind: 'answered'; entry: AssistantEntry }
  | { kind: 'aborted' }
  | { kind: 'failed' };

/** Starts the loop unless it is already running; it ends when the agent has nothing to do. */
export function kick(agent: SdkAgent, deps: RunnerDeps): void {
  let settle: () => void = () => undefined;
  const loop = new Promise<void>((resolve) => {
    settle = resolve;
  });
  // The phase says `running` before the loop's first line: it runs synchronously up to its first wait.
  if (!agent.move({ kind: 'loop-start', loop })) return;
  drive(agent, deps)
    .catch((thrown: unknown) => {
      // Ports return errors as values; a throw here is a bug. Show it rather than hang in a state.
      agent.move({ kind: 'turn-close' });
      agent.setState('error', `internal error: ${messageOf(thrown)}`);
      endTurn(agent, deps, 'error');
      deps.events.emit({ type: 'notice', agent: agent.name, level: 'error', message: `internal error: ${messageOf(thrown)}` });
    })
    .finally(() => {
      agent.move({ kind: 'loop-end' });
      settle();
    });
}

/** Reports the end of the agent's turn (once per stop: see turn-ledger.ts). */
function endTurn(agent: SdkAgent, deps: Pick<RunnerDeps, 'events'>, outcome: TurnOutcome): void {
  agent.ledger.finish(agent.name, agent.session, outcome, deps.events);
}

async function drive(agent: SdkAgent, deps: RunnerDeps): Promise<void> {
  // Calls cut short by a crash get their results (and recorded changes) before anything else.
  // Only then does the loop yield before its first turn: a send followed at once by a nudge
  // must find the send's turn open (the nudge joins it rather than opening its own).
  if (hasCrashedCalls(agent) && !(await settleCrashedCalls(agent, { ...deps, commit: (a, entry) => commit(a, deps, entry) }, toolsOf(agent, deps)))) return;
  // An open turn at the start is continued (retry, resume): its end is reported again.
  if (isTurnOpen(agent.phase)) agent.ledger.continue();
  for (;;) {
    if (!isTurnOpen(agent.phase) && !startTurn(agent, deps)) return;
    // Safe point: after the tool results in flight, before the next model call.
    if (!flushNudges(agent, deps)) {
      endTurn(agent, deps, 'error');
      return;
    }
    // A pause stops here; the phase's move to `paused` at the loop's end shows it.
    if (stopsHere(agent)) return;
    const reached = deps.budgetReached(agent, 'model-call');
    if (reached !== undefined) {
      agent.setState('over-budget', reached);
      endTurn(agent, deps, 'over-budget');
      return;
    }
    const outcome = await callModel(agent, deps);
    if (outcome.kind === 'failed') {
      agent.move({ kind: 'turn-close' });
      endTurn(agent, deps, 'error');
      // Messages waiting behind a failed turn stay queued; say so, and how to go on.
      const waiting = agent.queue.length + agent.nudges.length;
      if (waiting > 0 && agent.state === 'error') {
        agent.setState('error', `${agent.detail} — ${waiting} waiting: :retry, or send to go on`);
      }
      return;
    }
    if (outcome.kind === 'aborted') {
      if (!afterAbort(agent, deps)) return;
      continue;
    }
    const calls = outcome.entry.blocks.filter((b): b is ToolUseBlock => b.type === 'tool_use');
    if (calls.length > 0) {
      const tools = await runTools(agent, deps, calls);
      if (tools === 'failed') {
        endTurn(agent, deps, 'error');
        return;
      }
      if (tools === 'aborted' && !afterAbort(agent, deps)) return;
      // A call that ends the work (a valid StructuredOutput) ends the turn like a final answer.
      if (tools === 'ended' && agent.nudges.length === 0) {
        agent.move({ kind: 'turn-close' });
        endTurn(agent, deps, agent.ledger.answeredOutcome());
      }
      continue;
    }
    // The model ended its turn; a nudge that arrived meanwhile keeps it going.
    if (agent.nudges.length === 0) {
      agent.move({ kind: 'turn-close' });
      endTurn(agent, deps, agent.ledger.answeredOutcome());
    }
  }
}

// After an abort: a nudge with --interrupt continues the turn; an interrupt ends it (queued
// messages then start the next turn); shutdown stops everything.
function afterAbort(agent: SdkAgent, deps: RunnerDeps): boolean {
  const intent = pendingAbort(agent.phase);
  agent.move({ kind: 'abort-handled' });
  if (intent === 'nudge') return true;
  agent.move({ kind: 'turn-close' });
  endTurn(agent, deps, 'interrupted');
  if (intent === 'shutdown') {
    agent.setState('idle', 'interrupted at quit');
    return false;
  }
  agent.setState('idle', 'interrupted');
  return true;
}

// A pause or a close stops the loop at its safe points.
function stopsHere(agent: SdkAgent): boolean {
  return agent.phase.kind === 'running' && agent.phase.hold !== 'none';
}

// Opens a turn with the oldest waiting message; false when there is nothing to do.
function startTurn(agent: SdkAgent, deps: RunnerDeps): boolean {
  const source = agent.nudges.length > 0 ? agent.nudges : agent.queue;
  const next = source[0];
  if (next === undefined) {
    // A pause asked for while the turn was running takes effect at the loop's end, visibly (the
    // phase's move to `paused`): left idle, the agent would look free while the next send was held.
    // Keep an idle detail such as "interrupted"; any other state ends here as plain idle.
    if (!stopsHere(agent) && agent.state !== 'idle') agent.setState('idle', '');
    return false;
  }
  if (stopsHere(agent)) return false;
  const reached = deps.budgetReached(agent, 'turn-start');
  if (reached !== undefined) {
    agent.setState('over-budget', reached);
    return false;
  }
  if (!commitUser(agent, deps, next, true)) return false;
  source.shift();
  agent.move({ kind: 'turn-open' });
  agent.ledger.open(next.id);
  deps.totalsChanged(agent);
  return true;
}

function flushNudges(agent: SdkAgent, deps: RunnerDeps): boolean {
  while (agent.nudges.length > 0) {
    const nudge = agent.nudges[0];
    if (nudge === undefined) break;
    if (!commitUser(agent, deps, nudge, false)) return false;
    agent.nudges.shift();
    agent.ledger.join(nudge.id);
  }
  return true;
}

function commitUser(agent: SdkAgent, deps: RunnerDeps, message: PendingMessage, opensTurn: boolean): boolean {
  const committed = commit(agent, deps, {
    kind: 'user',
    id: deps.newId(),
    parent: null,
    at: deps.now(),
    provenance: { kind: 'local' },
    origin: message.origin,
    opensTurn,
    text: message.text,
  });
  // Delivered: out of the journal's pending set (a failed mark only risks a second delivery).
  if (committed) settleMessage(agent.session, message, 'delivered');
  return committed;
}

/** Appends an entry at the head; a journal failure puts the agent in `error` (nothing is lost on disk). */
export function commit(agent: SdkAgent, deps: Pick<RunnerDeps, 'events'>, entry: Entry): boolean {
  const session = agent.session;
  const placed: Entry = { ...entry, parent: session.tree.head };
  const written = session.commit(placed);
  if (!written.ok) {
    agent.move({ kind: 'turn-close' });
    agent.setState('error', `journal: ${written.error}`);
    // The title has no room for a path and an errno: the whole cause goes in the pane.
    deps.events.emit({ type: 'notice', agent: agent.name, level: 'error', message: `cannot record in the journal: ${written.error}` });
    return false;
  }
  deps.events.emit({ type: 'entry', agent: agent.name, entry: placed });
  return true;
}

async function callModel(agent: SdkAgent, deps: RunnerDeps): Promise<CallOutcome> {
  const session = agent.session;
  const provider = deps.providerFor(agent);
  for (let attempt = 0; ; attempt++) {
    const request = buildRequest(session.view(), {
      model: agent.config.model,
      maxTokens: agent.config.maxTokens ?? DEFAULT_MAX_TOKENS,
      ...(agent.config.system === undefined ? {} : { system: agent.config.system }),
      tools: toolsOf(agent, deps).specs(),
      ...(agent.config.thinkingBudget === undefined ? {} : { thinkingBudget: agent.config.thinkingBudget }),
      setAside: session.setAside,
    });
    const controller = new AbortController();
    agent.move({ kind: 'step-start', controller });
    if (attempt === 0) agent.setState('requesting', '');
    const outcome = await provider.stream(request, {
      signal: controller.signal,
      idleTimeoutMs: deps.idleTimeoutMs,
      onEvent: (event) => {
        if (agent.state !== 'streaming') agent.setState('streaming', '');
        deps.events.emit({ type: 'delta', agent: agent.name, event });
      },
    });
    agent.move({ kind: 'step-end' });
    if (outcome.kind === 'complete') {
      const entry: AssistantEntry = {
        kind: 'assistant',
        id: deps.newId(),
        parent: null,
        at: deps.now(),
        provenance: { kind: 'local' },
        model: agent.config.model,
        blocks: outcome.blocks,
        stopReason: outcome.stopReason,
        usage: outcome.usage,
      };
      if (!commit(agent, deps, entry)) return { kind: 'failed' };
      deps.events.emit({ type: 'usage', agent: agent.name, totals: session.totals });
      deps.totalsChanged(agent);
      return { kind: 'answered', entry };
    }
    const { error, partial } = outcome;
    if (error.kind === 'aborted' || controller.signal.aborted) {
      commitPartial(agent, deps, partial, pendingAbort(agent.phase) === 'shutdown' ? 'quit' : 'interrupted by the user');
      return { kind: 'aborted' };
    }
    const delay = retryDelay(deps.retryDelaysMs[attempt], error);
    if (!isRetriable(error) || delay === undefined) {
      commitPartial(agent, deps, partial, `error: ${describeProviderError(error)}`);
      const setAside = setAsideRefused(session, agent.name, error, deps.events);
      agent.setState('error', setAside.ok ? setAside.value : describeProviderError(error));
      return { kind: 'failed' };
    }
    const waiter = new AbortController();
    agent.move({ kind: 'step-start', controller: waiter });
    agent.setState(
      'retrying',
      `attempt ${attempt + 2}/${deps.retryDelaysMs.length + 1} in ${(delay / 1000).toFixed(1)} s: ${describeProviderError(error)}`,
    );
    const waited = await deps.sleep(delay, waiter.signal);
    agent.move({ kind: 'step-end' });
    if (!waited) {
      commitPartial(agent, deps, partial, pendingAbort(agent.phase) === 'shutdown' ? 'quit' : 'interrupted by the user');
      return { kind: 'aborted' };
    }
  }
}

// The back-off step, stretched to a 429's retry-after: retrying sooner only earns another 429.
function retryDelay(scheduled: number | undefined, error: ProviderError): number | undefined {
  if (scheduled === undefined || error.kind !== 'rate-limited' || error.retryAfterMs === undefined) return scheduled;
  return Math.max(scheduled, error.retryAfterMs);
}

// An interrupt before the first delta commits nothing (no empty entries).
function commitPartial(agent: SdkAgent, deps: RunnerDeps, partial: PartialAnswer, reason: string): void {
  const blocks = partial.blocks.filter((b) => b.type !== 'text' || b.text.length > 0);
  if (blocks.length === 0) return;
  commit(agent, deps, {
    kind: 'interrupted',
    id: deps.newId(),
    parent: null,
    at: deps.now(),
    provenance: { kind: 'local' },
    model: agent.config.model,
    blocks,
    usage: partial.usage,
    reason,
  });
  deps.totalsChanged(agent);
}

const INTERRUPTED = '(interrupted by the user)';
const NOT_RUN_BEFORE_APPROVAL = '(not run: interrupted by the user before approval)';

// What an interrupted call reports: the output a tool produced before the abort (bash) stays,
// under a note, so neither the user nor the model loses it; other tools just say interrupted.
function interruptedOutcome(ran: ToolOutcome): ToolOutcome {
  if (ran.partial !== true) return { ...ran, content: INTERRUPTED, isError: true };
  return { ...ran, content: `${INTERRUPTED} — its output until then:\n${ran.content}`, isError: true };
}

// Runs each call in order and commits its result; stops at an abort or a journal failure.
async function runTools(
  agent: SdkAgent,
  deps: RunnerDeps,
  calls: readonly ToolUseBlock[],
): Promise<'done' | 'ended' | 'aborted' | 'failed'> {
  agent.ledger.toolRound();
  let ended = false;
  for (const call of calls) {
    const toolCall = { id: call.id, name: call.name, input: call.input };
    const clearance = await clearCall(agent, toolsOf(agent, deps), toolCall);
    let outcome: ToolOutcome;
    let aborted = clearance.kind === 'aborted';
    if (clearance.kind === 'refused') {
      agent.ledger.refused();
      outcome = { content: refusalText(clearance.reason), isError: true };
    } else if (clearance.kind === 'invalid') {
      outcome = clearance.outcome;
    } else if (clearance.kind === 'aborted') {
      outcome = { content: pendingAbort(agent.phase) === 'nudge' ? NOT_RUN_BEFORE_APPROVAL : INTERRUPTED, isError: true };
    } else {
      const controller = new AbortController();
      agent.move({ kind: 'step-start', controller });
      agent.setState('tool', call.name);
      // Output chunks go straight to the views (they may come thousands a second): one event
      // each, nothing stored; the committed result below replaces them.
      let running = true;
      const onOutput = (chunk: string): void => {
        if (running) deps.events.emit({ type: 'tool-output', agent: agent.name, toolUseId: call.id, chunk });
      };
      const sandbox = agent.config.sandbox === undefined ? {} : { sandbox: agent.config.sandbox };
      const recordIntent = intentRecorder(agent, call);
      const ran = await toolsOf(agent, deps).run(toolCall, { cwd: agent.config.cwd, signal: controller.signal, onOutput, recordIntent, ...sandbox });
      running = false;
      agent.move({ kind: 'step-end' });
      aborted = controller.signal.aborted;
      outcome = aborted ? interruptedOutcome(ran) : ran;
    }
    const committed = commit(agent, deps, {
      kind: 'tool-result',
      id: deps.newId(),
      parent: null,
      at: deps.now(),
      provenance: { kind: 'local' },
      toolUseId: call.id,
      toolName: call.name,
      content: outcome.content,
      isError: aborted || outcome.isError,
      // Kept even when aborted: a killed command may already have changed files.
      ...(outcome.fullOutput === undefined ? {} : { fullOutput: outcome.fullOutput }),
      ...(outcome.files === undefined || outcome.files.length === 0 ? {} : { files: [...outcome.files] }),
    });
    if (!committed) {
      agent.move({ kind: 'abort-handled' });
      return 'failed';
    }
    if (aborted) return 'aborted';
    if (outcome.endsTurn === true) ended = true;
  }
  return ended ? 'ended' : 'done';
}

/** The agent's own tools when it has them, else the controller's. */
function toolsOf(agent: SdkAgent, deps: RunnerDeps): ToolHost {
  return agent.tools ?? deps.tools;
}
