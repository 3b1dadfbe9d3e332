// One run of a workflow script, on the main thread (DESIGN.md §9): takes the script's requests
// from its worker, gives each `agent()` call its key, name, phase and slot, hands it to the host,
// writes the record, enforces the limits (1000 agents, concurrency, budget) and ends the run.
import { Emitter, type Disposable } from '../events.js';
import { JsonValueSchema, type JsonValue } from '../json-value.js';
import type { AgentCall, AgentCallOutcome, RunContext, WorkflowAgentHost } from './agent-host.js';
import { baseNameOf } from './agent-naming.js';
import { parseAgentOptions } from './agent-options.js';
import { insideWorkflow, type CallPath } from './call-path.js';
import { CallKeys, callHash } from './call-key.js';
import type { LoadedWorkflow, WorkflowLoader } from './loaded-workflow.js';
import { RunBudget, type BudgetCaps } from './run-budget.js';
import { BUDGET_EXHAUSTED, endAfterScript } from './budget-end.js';
import type { RunEnd, RunEvent, ScriptChannel } from './run-events.js';
import type { RunRecordLine, ValueRef } from './run-record.js';
import { RunSlots } from './run-slots.js';
import { SpentNotice } from './spent-notice.js';
import { RunMemory } from './run-memory.js';
import { DeliveredValues } from './value-sight.js';
import { servedValue } from './session-revision.js';
import type { ScriptMessage } from './script-protocol.js';

/** The most agents one run may start; the next `agent()` throws. */
export const MAX_AGENTS_PER_RUN = 1000;
/** The most items `parallel` and `pipeline` take. */
export const MAX_ITEMS = 4096;
export { BUDGET_EXHAUSTED } from './budget-end.js';

export type WorkflowRunOptions = {
  readonly context: RunContext;
  readonly workflow: LoadedWorkflow;
  readonly args: JsonValue | undefined;
  readonly concurrency: number;
  readonly caps: BudgetCaps;
  readonly host: WorkflowAgentHost;
  /** Finds `workflow(ref)` scripts. */
  readonly loader: WorkflowLoader;
  /** Appends one line to the run's record; an error is reported as a notice. */
  readonly record: (line: RunRecordLine) => { readonly ok: boolean; readonly error?: string };
  /** ISO time for the record's `at`. */
  readonly clock: () => string;
  /** A continue (issue 15): the record's memory serves finished keys; absent for a fresh run. */
  readonly continued?: { readonly memory: RunMemory; readonly version: number; readonly recorded: boolean };
};

type PendingCall = { readonly key: string; readonly phase: string | undefined; readonly controller: AbortController; agent: string | null; readonly settled: Promise<void> };

type RunState = { kind: 'created' } | { kind: 'running'; channel: ScriptChannel } | { kind: 'ending' } | { kind: 'ended'; end: RunEnd };

/** A live run; `finished` resolves once its `done` line is written. */
export class WorkflowRun {
  readonly finished: Promise<RunEnd>;
  private resolveFinished: (end: RunEnd) => void = () => undefined;
  private state: RunState = { kind: 'created' };
  private readonly events = new Emitter<RunEvent>();
  private readonly keys = new CallKeys();
  private readonly slots: RunSlots;
  private readonly budget: RunBudget;
  private readonly pending = new Set<PendingCall>();
  /** `budget.spent()` for the worker, coalesced (spent-notice.ts). */
  private readonly spentNotice = new SpentNotice((outputTokens) => this.post({ t: 'spent', outputTokens }));
  /** Aborted once `done` is written: what agents spend after that counts for no run. */
  private readonly ended = new AbortController();
  private agentsRequested = 0;
  private currentPhase: string | undefined;
  private readonly runName: string;
  private readonly memory: RunMemory;
  /** Values handed to the script, for each call's `saw`. */
  private readonly delivered = new DeliveredValues();
  /** Each key's latest value version (for `revised`). */
  private readonly versions = new Map<string, number>();

  constructor(private readonly options: WorkflowRunOptions) {
    this.slots = new RunSlots(options.concurrency);
    this.budget = new RunBudget(options.caps);
    this.runName = options.context.name.replace(/\s+/gu, '-');
    this.memory = options.continued?.memory ?? RunMemory.empty();
    this.finished = new Promise((resolve) => {
      this.resolveFinished = resolve;
    });
  }

  /** The run's id. */
  get id(): string {
    return this.options.context.id;
  }

  /** Subscribes to the run's events (record lines, busy, notices). */
  onEvent(listener: (event: RunEvent) => void): Disposable {
    return this.events.on(listener);
  }

  /** Writes the `meta` line and lets the script's worker talk to this run. */
  start(channel: ScriptChannel): void {
    if (this.state.kind !== 'created') return;
    this.state = { kind: 'running', channel };
    const { workflow, args, context, continued } = this.options;
    if (continued !== undefined) {
      this.write({ type: 'continued', at: this.options.clock(), script: workflow.path, version: continued.version, recorded: continued.recorded });
      return;
    }
    this.write({
      type: 'meta',
      at: this.options.clock(),
      run: context.id,
      name: workflow.meta.name,
      description: workflow.meta.description,
      ...(workflow.meta.whenToUse === undefined ? {} : { whenToUse: workflow.meta.whenToUse }),
      phases: workflow.meta.phases ?? [],
      script: workflow.path,
      ...(args === undefined ? {} : { args }),
      cwd: context.cwd,
    });
  }

  /** Output tokens spent so far (`budget.spent()`). */
  spentTokens(): number {
    return this.budget.spentTokens();
  }

  /** How many agents hold a slot, and how many wait for one. */
  slotUse(): { readonly held: number; readonly queued: number } {
    return { held: this.slots.inUse(), queued: this.slots.queued() };
  }

  /** `run-stop`: every pending and later call resolves to null, the worker ends, the run ends `stopped`. */
  stop(reason = 'stopped by the user'): Promise<RunEnd> {
    void this.end({ status: 'stopped', error: reason });
    return this.finished;
  }

  /** One message from the script's worker. */
  receive(message: ScriptMessage): void {
    if (this.state.kind !== 'running') return;
    switch (message.t) {
      case 'heartbeat':
        return;
      case 'agent':
        void this.callAgent(message.id, message.path, message.prompt, message.options);
        return;
      case 'workflow':
        this.inlineWorkflow(message.id, message.path, message.ref);
        return;
      case 'phase':
        this.currentPhase = message.title;
        this.write({ type: 'phase', at: this.options.clock(), title: message.title });
        return;
      case 'log':
        this.write({ type: 'log', at: this.options.clock(), text: message.text });
        return;
      case 'done':
        void this.end(endAfterScript(this.completed(message.result), this.budget.exhausted()));
        return;
      case 'failed':
        void this.end(endAfterScript({ status: 'failed', error: message.message }, this.budget.exhausted()));
        return;
    }
  }

  /** The worker died or could not start. */
  scriptGone(message: string): void {
    if (this.state.kind === 'running') void this.end({ status: 'failed', error: message });
  }

  /** The script has not yielded for `seconds` (true) or is responsive again (false). */
  busy(seconds: number | undefined): void {
    this.events.emit(seconds === undefined ? { kind: 'responsive' } : { kind: 'busy', seconds });
  }

  private completed(json: string): RunEnd {
    try {
      const value = JsonValueSchema.safeParse(JSON.parse(json));
      if (value.success) return { status: 'completed', result: value.data };
    } catch {
      // Reported below.
    }
    return { status: 'failed', error: 'the script returned a value that is not JSON' };
  }

  private send(message: Parameters<ScriptChannel['send']>[0]): void {
    // The spent total first: the script sees the budget as it stood before this message.
    this.spentNotice.flush();
    this.post(message);
  }

  private post(message: Parameters<ScriptChannel['send']>[0]): void {
    if (this.state.kind === 'running') this.state.channel.send(message);
  }

  private fail(id: number, message: string, name = 'Error'): void {
    this.send({ t: 'throw', id, name, message });
  }

  private inlineWorkflow(id: number, path: CallPath, ref: string): void {
    if (insideWorkflow(path)) {
      this.fail(id, 'workflow() runs another workflow only one level deep');
      return;
    }
    const loaded = this.options.loader(ref);
    if (!loaded.ok) {
      this.fail(id, loaded.error);
      return;
    }
    this.send({ t: 'script', id, body: loaded.value.body, filename: loaded.value.path, ref });
  }

  private async callAgent(id: number, path: CallPath, prompt: string, optionsJson: string): Promise<void> {
    this.agentsRequested += 1;
    const position = this.agentsRequested;
    if (position > MAX_AGENTS_PER_RUN) {
      this.fail(id, `agent(): a run starts at most ${MAX_AGENTS_PER_RUN} agents (this is call ${position})`, 'RangeError');
      return;
    }
    const spent = this.budget.exhausted();
    if (spent !== undefined) {
      this.fail(id, `${BUDGET_EXHAUSTED}: ${spent}`, BUDGET_EXHAUSTED);
      return;
    }
    const options = parseAgentOptions(optionsJson);
    if (!options.ok) {
      this.fail(id, options.error, 'TypeError');
      return;
    }
    const key = this.keys.next(callHash(path, prompt, options.value, this.options.args));
    const saw = this.delivered.seenIn(prompt);
    const remembered = this.memory.value(key);
    if (remembered !== undefined) {
      // Served from the record: no agent, no slot, no model call (issue 15) — with the answer its
      // session now ends on when it was steered where this run was not live.
      const { agent } = remembered;
      const served = servedValue(remembered, options.value.schema, this.options.host.sessionAnswer?.bind(this.options.host));
      // Reused first, then the revision it found: a reader takes them in either order (stale-calls.ts, run-memory.ts).
      this.write({ type: 'reused', at: this.options.clock(), agent: remembered.agent, key, version: served.version, saw });
      if (served.revised && agent !== null) this.write({ type: 'revised', at: this.options.clock(), agent, key, version: served.version, value: served.value });
      this.deliver(id, key, served.version, served.value);
      return;
    }
    const interrupted = this.memory.interrupted(key);
    const held = this.memory.held(key);
    const phase = options.value.phase ?? this.currentPhase;
    const call: AgentCall = {
      run: this.options.context,
      key,
      baseName: baseNameOf(options.value.label, this.runName, position),
      phase,
      prompt,
      options: options.value,
      ...(interrupted === undefined ? {} : { resume: interrupted }),
      ...(held === undefined ? {} : { held: { value: held } }),
    };
    let finish: () => void = () => undefined;
    const pending: PendingCall = { key, phase, controller: new AbortController(), agent: null, settled: new Promise((resolve) => (finish = resolve)) };
    this.pending.add(pending);
    try {
      const outcome = await this.runCall(call, pending, saw);
      this.settle(id, pending, outcome);
    } finally {
      this.pending.delete(pending);
      finish();
    }
  }

  private async runCall(call: AgentCall, pending: PendingCall, saw: readonly ValueRef[]): Promise<AgentCallOutcome> {
    let slot: Promise<'granted' | 'withdrawn'> | undefined;
    const { signal } = pending.controller;
    try {
      return await this.options.host.run(call, {
        slot: async (withdraw) => {
          slot ??= this.slots.acquire(withdraw === undefined ? signal : AbortSignal.any([signal, withdraw]));
          await slot;
        },
        started: (agent, session) => {
          pending.agent = agent;
          this.write({
            type: 'started',
            at: this.options.clock(),
            agent,
            session,
            ...(call.options.label === undefined ? {} : { label: call.options.label }),
            ...(call.phase === undefined ? {} : { phase: call.phase }),
            key: call.key,
            saw: [...saw],
            ...(call.resume === undefined ? {} : { resumed: true as const }),
            ...(call.options.schema === undefined ? {} : { schema: call.options.schema }),
          });
        },
        revised: (agent, value) => this.revise(agent, call.key, value),
        held: (agent, change) => this.write(change.kind === 'held' ? { type: 'held', at: this.options.clock(), agent, key: call.key, value: change.value } : { type: 'sent-back', at: this.options.clock(), agent, key: call.key }),
        spent: (outputTokens, usd) => this.spend(outputTokens, usd),
        signal,
        runEnded: this.ended.signal,
      });
    } catch (thrown) {
      return { kind: 'null', reason: `the agent host failed: ${thrown instanceof Error ? thrown.message : String(thrown)}` };
    } finally {
      if (slot !== undefined && (await slot) === 'granted') this.slots.release();
    }
  }

  private settle(id: number, pending: PendingCall, outcome: AgentCallOutcome): void {
    const base = { at: this.options.clock(), agent: pending.agent, key: pending.key };
    // A call that never started an agent has no `started` line to say its phase: its `failed` line does.
    const unstarted = pending.agent === null && pending.phase !== undefined ? { phase: pending.phase } : {};
    switch (outcome.kind) {
      case 'value':
        this.write({ type: 'result', ...base, value: outcome.value, ...(outcome.edited === true ? { edited: true as const } : {}) });
        this.deliver(id, pending.key, 1, outcome.value);
        return;
      case 'null':
        this.write({ type: 'failed', ...base, reason: outcome.reason, ...unstarted });
        this.send({ t: 'value', id, json: 'null' });
        return;
      case 'throw':
        this.write({ type: 'failed', ...base, reason: outcome.message, ...unstarted });
        this.fail(id, outcome.message);
        return;
    }
  }

  private deliver(id: number, key: string, version: number, value: JsonValue): void {
    this.versions.set(key, version);
    this.delivered.add(key, version, value);
    this.send({ t: 'value', id, json: JSON.stringify(value) });
  }

  /** A finished agent's answer changed after the script took it: the key's next version, recorded (even after the run ended). */
  private revise(agent: string, key: string, value: JsonValue): void {
    const version = (this.versions.get(key) ?? 1) + 1;
    this.versions.set(key, version);
    this.write({ type: 'revised', at: this.options.clock(), agent, key, version, value });
  }

  private spend(outputTokens: number, usd: number | undefined): void {
    const reached = this.budget.add(outputTokens, usd);
    this.spentNotice.changed(this.budget.spentTokens());
    if (reached === undefined) return;
    this.options.host.budgetSpent(this.id, reached);
    for (const pending of this.pending) pending.controller.abort(reached);
  }

  private write(line: RunRecordLine): void {
    const written = this.options.record(line);
    if (!written.ok) this.events.emit({ kind: 'notice', message: `the run's record could not be written: ${written.error ?? 'unknown error'}` });
    this.events.emit({ kind: 'record', line });
  }

  /** Ends the run once: stops the worker, resolves every pending call to null, writes `done`. */
  private async end(end: RunEnd): Promise<void> {
    const state = this.state;
    if (state.kind === 'ending' || state.kind === 'ended') return;
    this.state = { kind: 'ending' };
    if (state.kind === 'running') state.channel.terminate();
    const reason = end.status === 'stopped' ? 'the run was stopped' : 'the run ended';
    const waits = [...this.pending].map((pending) => {
      pending.controller.abort(reason);
      return pending.settled;
    });
    await Promise.all(waits);
    this.write({ type: 'done', at: this.options.clock(), ...end });
    this.state = { kind: 'ended', end };
    this.ended.abort();
    this.resolveFinished(end);
  }
}
