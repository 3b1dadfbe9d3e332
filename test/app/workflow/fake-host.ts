// An in-memory WorkflowAgentHost for runtime tests: every call "runs" for a chosen delay and
// answers from a function of the call; it follows the port's contract (slot before work,
// `started`, `spent`, null at once on abort) so the runtime's side can be tested alone.
import type { AgentCall, AgentCallContext, AgentCallOutcome, WorkflowAgentHost } from '../../../src/core/workflow/agent-host.js';

export type FakeAnswer = (call: AgentCall) => AgentCallOutcome;

export type FakeHostOptions = {
  /** Milliseconds a call works for (default 0). */
  readonly delay?: (call: AgentCall) => number;
  /** Output tokens each call spends (default 10). */
  readonly tokens?: number;
  readonly usd?: number;
  /** When given, every call works until this resolves (instead of its delay). */
  readonly gate?: Promise<void>;
};

/** Records every call and answers it after its delay. */
export class FakeHost implements WorkflowAgentHost {
  readonly calls: AgentCall[] = [];
  readonly budgetReasons: string[] = [];
  /** Calls holding a slot right now, and the most that ever did at once. */
  working = 0;
  maxWorking = 0;
  private sessions = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(
    private readonly answer: FakeAnswer,
    private readonly options: FakeHostOptions = {},
  ) {}

  async run(call: AgentCall, context: AgentCallContext): Promise<AgentCallOutcome> {
    this.calls.push(call);
    this.wake();
    if (context.signal.aborted) return { kind: 'null', reason: 'aborted before it started' };
    await context.slot();
    if (context.signal.aborted) return { kind: 'null', reason: 'aborted while queued' };
    this.working += 1;
    this.maxWorking = Math.max(this.maxWorking, this.working);
    this.sessions += 1;
    context.started(call.baseName, `session-${this.sessions}`);
    try {
      const aborted = await new Promise<boolean>((resolve) => {
        const done = (): void => {
          context.signal.removeEventListener('abort', onAbort);
          resolve(false);
        };
        const gate = this.options.gate;
        const timer = gate === undefined ? setTimeout(done, this.options.delay?.(call) ?? 0) : undefined;
        void gate?.then(done);
        const onAbort = (): void => {
          clearTimeout(timer);
          resolve(true);
        };
        context.signal.addEventListener('abort', onAbort, { once: true });
      });
      if (aborted) return { kind: 'null', reason: 'aborted' };
      context.spent(this.options.tokens ?? 10, this.options.usd);
      return this.answer(call);
    } finally {
      this.working -= 1;
    }
  }

  budgetSpent(_runId: string, reason: string): void {
    this.budgetReasons.push(reason);
  }

  workingAgents(): readonly string[] {
    return [];
  }

  /** Resolves once `test` holds of the calls so far (checked at each new call). */
  until(test: (calls: readonly AgentCall[]) => boolean): Promise<void> {
    if (test(this.calls)) return Promise.resolve();
    return new Promise((resolve) => {
      const check = (): void => {
        if (test(this.calls)) resolve();
        else this.waiters.push(check);
      };
      this.waiters.push(check);
    });
  }

  private wake(): void {
    const waiting = this.waiters.splice(0);
    for (const check of waiting) check();
  }
}

/** Answers with the prompt (text calls) — the simplest deterministic agent. */
export const echo: FakeAnswer = (call) => ({ kind: 'value', value: call.prompt });
