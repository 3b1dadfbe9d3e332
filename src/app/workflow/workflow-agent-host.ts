// The WorkflowAgentHost over the controller (DESIGN.md §9): each `agent()` call becomes a cockpit
// agent with a new session grouped under its run, the prompt as its first message, and its value
// taken when its work ends — steerable like any agent meanwhile.
import { createWorktree, settleWorktree, worktreePath, type Worktree } from '../../adapters/workflow/git-worktree.js';
import type { Agent, SdkAgent } from '../../core/agent.js';
import type { SessionAnswer } from '../../core/workflow/session-revision.js';
import { laterAnswer } from './later-answer.js';
import type { Controller } from '../../core/controller.js';
import type { Disposable } from '../../core/events.js';
import type { AgentCall, AgentCallContext, AgentCallOutcome, RunContext, WorkflowAgentHost } from '../../core/workflow/agent-host.js';
import type { Result } from '../../core/result.js';
import { callSystemPrompt, STRUCTURED_OUTPUT_REMINDER } from '../../core/workflow/call-system-prompt.js';
import { CallResolution, type ResolutionStep } from '../../core/workflow/call-resolution.js';
import { planCall, type CallPlan, type CallSetupDeps } from './call-setup.js';
import { uniqueAgentName } from './unique-name.js';
import { agentSecretVariables } from '../agent-tool-host.js';
import { dropWaiting } from '../../core/pending-messages.js';
import { acceptedValue } from '../../core/workflow/call-answer.js';
import { CallStates, type CallEntry } from '../../core/workflow/call-state.js';
import { watchCall } from './call-watch.js';
import { holdGate } from './held-call.js';
import { QueuedCall } from './queued-call.js';
import { RunSpending } from './run-spending.js';
import { AgentEventRouter } from './agent-event-router.js';
import { StartPacer } from './start-pacer.js';
import { watchRevisions, type ResolutionSlot } from './revision-watch.js';
import { reopenCallAgent, resumeCall } from './resume-call.js';
import { resumeAction } from '../../core/workflow/resume-action.js';

export type ControllerAgentHostOptions = CallSetupDeps & {
  readonly controller: Controller;
  /** The store directory: worktrees go under DIR/worktrees/RUN/NAME. */
  readonly storeDir: string;
  /** Where a run's agents work instead of its cwd (the demo's copy of the sample project). */
  readonly cwdFor?: (run: RunContext) => Result<string>;
};

export const RUN_STOPPED = 'run stopped';
/** The reason a skipped call records (DESIGN.md §9). */
export const SKIPPED = 'skipped by the user';

/** Why the run cut a call: the reason it aborted with (the budget spent, the run stopped), else RUN_STOPPED. */
function stopReason(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  return typeof reason === 'string' && reason !== '' ? reason : RUN_STOPPED;
}

/** Resolves when `promise` does, or with 'aborted' when `signal` aborts first. */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | 'aborted'> {
  if (signal.aborted) return Promise.resolve('aborted');
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve('aborted');
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (thrown: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(thrown instanceof Error ? thrown : new Error(String(thrown)));
      },
    );
  });
}

/** Runs `agent()` calls as agents of `controller`. */
export class ControllerAgentHost implements WorkflowAgentHost {
  /** The live agents of each run, for `budgetSpent`. */
  private readonly runAgents = new Map<string, Set<SdkAgent>>();
  /** Where each pending call stands (the run view, `skip`, `accept`, `-t @RUN`); changes go out as controller events. */
  readonly calls: CallStates;
  /** Every agent each run opened, finished ones too (they may be revised, or still winding down). */
  private readonly allAgents = new Map<string, Set<SdkAgent>>();
  /** What the runs' agents spend, for their budgets (run-spending.ts). */
  private readonly spending: RunSpending;
  /** Each agent's events for its watchers, one controller subscription for all (agent-event-router.ts). */
  private readonly agentEvents: AgentEventRouter;
  /** Agent starts, one per event-loop turn (start-pacer.ts). */
  private readonly pacer = new StartPacer();

  constructor(private readonly options: ControllerAgentHostOptions) {
    this.calls = new CallStates((event) => options.controller.events.emit(event));
    this.spending = new RunSpending(options.controller);
    this.agentEvents = new AgentEventRouter(options.controller);
  }

  async run(given: AgentCall, context: AgentCallContext): Promise<AgentCallOutcome> {
    if (context.signal.aborted) return { kind: 'null', reason: stopReason(context.signal) };
    const cwd = this.options.cwdFor?.(given.run);
    if (cwd !== undefined && !cwd.ok) return { kind: 'throw', message: cwd.error };
    const call = cwd === undefined ? given : { ...given, run: { ...given.run, cwd: cwd.value } };
    const plan = planCall(call, this.options);
    if (!plan.ok) return { kind: 'throw', message: plan.error };
    const { controller } = this.options;
    // Named while queued, so `skip`, `send` and `-t @RUN` reach it before it has an agent.
    const reserved = uniqueAgentName(call.baseName, (candidate) => controller.find(candidate) !== undefined || this.calls.find(candidate) !== undefined);
    const named: { entry?: CallEntry } = {};
    const queue = new QueuedCall(() => named.entry?.agent ?? reserved, call.prompt);
    const entry = this.calls.add(call.run.id, call.phase ?? null, reserved, queue.steering);
    named.entry = entry;
    const outcome = await this.afterSlot(call, context, plan.value, queue, entry);
    entry.observe(outcome.kind === 'value' ? { kind: 'resolved', value: outcome.value, reason: null } : { kind: 'resolved', value: null, reason: outcome.kind === 'null' ? outcome.reason : outcome.message });
    return outcome;
  }

  private async afterSlot(call: AgentCall, context: AgentCallContext, plan: CallPlan, queue: QueuedCall, entry: CallEntry): Promise<AgentCallOutcome> {
    if ((await unlessAborted(context.slot(queue.skipped), context.signal)) === 'aborted') return { kind: 'null', reason: stopReason(context.signal) };
    // Its prompt is open in an editor (prompt-edit): it starts with what the person saves, holding its slot meanwhile.
    if (queue.editing && (await unlessAborted(queue.editsClosed(), AbortSignal.any([context.signal, queue.skipped]))) === 'aborted' && context.signal.aborted) return { kind: 'null', reason: stopReason(context.signal) };
    // One start per loop turn (start-pacer.ts): a wave of starts never holds a key back.
    await this.pacer.turn();
    if (context.signal.aborted) return { kind: 'null', reason: stopReason(context.signal) };
    if (queue.skipped.aborted) return { kind: 'null', reason: SKIPPED };
    const { controller } = this.options;
    const name = entry.agent;
    let worktree: Worktree | undefined;
    if (call.options.isolation === 'worktree') {
      const created = await createWorktree(call.run.cwd, worktreePath(this.options.storeDir, call.run.id, name), agentSecretVariables(this.options.providers));
      if (!created.ok) return { kind: 'throw', message: created.error };
      worktree = created.value;
      if (context.signal.aborted) return this.withWorktree({ kind: 'null', reason: stopReason(context.signal) }, worktree);
    }
    // A person may have opened an agent by that name while the call was queued.
    const free = uniqueAgentName(name, (candidate) => controller.find(candidate) !== undefined);
    entry.renamed(free);
    const outcome = await this.runAgent(call, context, plan, free, worktree, queue, entry);
    return worktree === undefined ? outcome : this.withWorktree(outcome, worktree);
  }

  budgetSpent(runId: string, reason: string): void {
    const pending = this.runAgents.get(runId) ?? new Set<SdkAgent>();
    for (const agent of pending) {
      if (agent.phase.kind === 'running') this.pauseOverBudget(agent, reason);
      else if (agent.phase.kind !== 'paused') agent.setState('over-budget', reason);
    }
    // A finished agent a person set working again spends from the same budget: it stops too.
    for (const agent of this.allAgents.get(runId) ?? []) {
      if (!pending.has(agent) && agent.phase.kind === 'running') this.pauseOverBudget(agent, reason);
    }
  }

  private pauseOverBudget(agent: SdkAgent, reason: string): void {
    const phase = agent.phase;
    if (phase.kind !== 'running') return;
    this.options.controller.pause(agent.name);
    // Shown as over-budget (not paused) once it stops at its safe point.
    void phase.loop.then(() => {
      if (agent.phase.kind === 'paused') agent.setState('over-budget', reason);
    });
  }

  private async runAgent(call: AgentCall, context: AgentCallContext, plan: CallPlan, name: string, worktree: Worktree | undefined, queue: QueuedCall, entry: CallEntry): Promise<AgentCallOutcome> {
    const { controller } = this.options;
    const resolutionOptions = { schema: plan.schema, headless: call.run.headless };
    const slot: ResolutionSlot = { current: new CallResolution(resolutionOptions) };
    const resolution = slot.current;
    let settle: (step: ResolutionStep) => void = () => undefined;
    const settled = new Promise<AgentCallOutcome>((resolve) => {
      settle = (step) => {
        if (step.kind === 'resolve') resolve(step.outcome);
      };
    });
    // The agent's current name (a person may rename it), once it exists.
    const current: { agent?: Agent } = {};
    const tools = plan.tools(() => current.agent?.name ?? name, {
      valid: (value) => slot.current.structuredValue(value),
      gaveUp: (reason) => settle(resolution.resolve({ kind: 'null', reason })),
    });
    const system = callSystemPrompt({ runName: call.run.name, agentTypeBody: plan.agentType?.body, schema: plan.schema, worktree: worktree?.path });
    const config = { ...plan.config, name, cwd: worktree?.cwd ?? call.run.cwd, system };
    const opened = call.resume === undefined ? controller.openAgent(config, tools) : reopenCallAgent(controller, call.resume, config, tools);
    if (!opened.ok) return { kind: 'throw', message: `could not open agent ${name}: ${opened.error}` };
    const agent = opened.value;
    current.agent = agent;
    if (agent.kind === 'broken') return { kind: 'throw', message: `could not open agent ${name}: ${agent.loadError}` };
    const session = agent.session;
    this.track(call.run.id, agent, true);
    this.everyAgent(call.run.id).add(agent);
    context.started(agent.name, session.id);
    entry.observe({ kind: 'started' });
    // From here `skip` and `accept` act on the agent: its call resolves now and its work stops.
    // Nothing runs after a skip or an accept: messages still waiting for the agent are dropped
    // (journaled as such), so an interrupt does not let them start another turn.
    const stopWork = (): void => {
      dropWaiting(agent);
      if (agent.phase.kind === 'running') controller.interrupt(agent.name);
    };
    queue.started({
      skip: () => {
        settle(resolution.resolve({ kind: 'null', reason: SKIPPED }));
        stopWork();
        return `skipped ${agent.name}: its call resolved to null`;
      },
      accept: () => {
        const schema = plan.check === undefined ? undefined : { check: plan.check, valid: resolution.validValue() };
        const value = acceptedValue(agent.name, agent.session.view(), schema);
        if (!value.ok) return { ok: false, error: value.error };
        settle(resolution.resolve({ kind: 'value', value: value.value }));
        stopWork();
        return { ok: true, value: `accepted ${agent.name}'s answer as its call's value` };
      },
    });
    // Counted until the run ends, not until the call resolves: a finished agent nudged later spends too.
    this.spending.track(agent, context.spent, context.runEnded);
    const subscriptions: Disposable[] = [];
    // A held phase's answer waits for the person before the script sees it (issue 16).
    const hold = holdGate({
      controller,
      agent,
      entry,
      resolution,
      check: plan.check,
      settle,
      held: () => this.calls.holds.holds(call.run.id, call.phase ?? null),
      recorded: (change) => context.held?.(agent.name, change),
    });
    subscriptions.push(
      watchCall(this.agentEvents, agent, entry, {
        workEnded: (end) => {
          const step = resolution.turnEnded(end);
          if (step.kind === 'remind') controller.delivery.send(agent.name, STRUCTURED_OUTPUT_REMINDER);
          else if (!hold(step)) settle(step);
        },
        rewound: () => resolution.rewound(),
      }),
    );
    const onStop = (): void => {
      settle(resolution.resolve({ kind: 'null', reason: stopReason(context.signal) }));
      controller.interrupt(agent.name);
    };
    context.signal.addEventListener('abort', onStop, { once: true });
    const first = call.resume === undefined || call.held !== undefined ? undefined : resumeAction(session.view());
    if (call.held !== undefined) {
      // Its answer was held when the run stopped (issue 16): held again as it was, no model call.
      const step = resolution.resolve({ kind: 'value', value: call.held.value });
      if (!hold(step)) settle(step);
    } else if (first === undefined || first.kind === 'send') {
      // The script's prompt, or what the person replaced it with while the call was queued.
      const sent = controller.delivery.send(agent.name, queue.prompt);
      if (sent.outcome === 'refused') settle(resolution.resolve({ kind: 'throw', message: `${agent.name}: ${sent.detail}` }));
      // What the person sent while the call was queued joins its first turn.
      else for (const text of queue.texts()) controller.delivery.nudge(agent.name, text, { interrupt: false });
    } else settle(resumeCall(controller, agent, first, resolution, plan.schema));
    if (context.signal.aborted) onStop();
    const outcome = await settled;
    context.signal.removeEventListener('abort', onStop);
    for (const subscription of subscriptions) subscription.dispose();
    this.track(call.run.id, agent, false);
    if (outcome.kind === 'value') watchRevisions(controller, this.agentEvents, agent, slot, resolutionOptions, context.revised);
    // The work may still be winding down (a stop's interrupt): a worktree is judged once it has.
    const phase = agent.phase;
    if (worktree !== undefined && phase.kind === 'running') await phase.loop;
    return outcome;
  }

  /** The run's agents still working (a continue is refused meanwhile, issue 15). */
  workingAgents(runId: string): readonly string[] {
    return [...(this.allAgents.get(runId) ?? [])].filter((agent) => agent.phase.kind === 'running').map((agent) => agent.name);
  }

  readonly sessionAnswer: SessionAnswer = (session, sinceMs, schema) => laterAnswer(this.options.controller, session, sinceMs, schema);

  private everyAgent(runId: string): Set<SdkAgent> {
    const agents = this.allAgents.get(runId) ?? new Set<SdkAgent>();
    this.allAgents.set(runId, agents);
    return agents;
  }

  private track(runId: string, agent: SdkAgent, live: boolean): void {
    const agents = this.runAgents.get(runId) ?? new Set<SdkAgent>();
    if (live) agents.add(agent);
    else agents.delete(agent);
    if (agents.size === 0) this.runAgents.delete(runId);
    else this.runAgents.set(runId, agents);
  }

  private async withWorktree(outcome: AgentCallOutcome, worktree: Worktree): Promise<AgentCallOutcome> {
    const settled = await settleWorktree(worktree, agentSecretVariables(this.options.providers));
    if (settled === 'removed' || outcome.kind === 'throw') return outcome;
    return { ...outcome, worktree: worktree.path };
  }
}
