// A WorkflowAgentHost opened once, at `open()` (a headless run calls it as the run starts, so its
// control socket listens from the start: DESIGN.md §9 Headless) or else at the first agent() call.
// A script the loader refuses never opens it. A failed opening fails each agent() call, not the run.
import type { Result } from '../../core/result.js';
import type { AgentCall, AgentCallContext, AgentCallOutcome, WorkflowAgentHost } from '../../core/workflow/agent-host.js';

/** A host and how to close what it opened. */
export type OpenedHost = { readonly host: WorkflowAgentHost; close(): Promise<void> };

/** A host opened once; `open` starts the opening now (it resolves when the host is open or failed). */
export type LazyHost = { readonly host: WorkflowAgentHost; open(): Promise<Result<OpenedHost>>; close(): Promise<void> };

/** Wraps `open` so it runs once, at `open()` or the first call; `close` closes it if it was opened. */
export function lazyWorkflowHost(open: () => Promise<Result<OpenedHost>>): LazyHost {
  let opening: Promise<Result<OpenedHost>> | undefined;
  let opened: OpenedHost | undefined;
  const start = (): Promise<Result<OpenedHost>> => {
    opening ??= open().then((result) => {
      if (result.ok) opened = result.value;
      return result;
    });
    return opening;
  };
  const host: WorkflowAgentHost = {
    async run(call: AgentCall, context: AgentCallContext): Promise<AgentCallOutcome> {
      const result = await start();
      if (!result.ok) return { kind: 'throw', message: `agent(): ${result.error}` };
      return result.value.host.run(call, context);
    },
    budgetSpent(runId: string, reason: string): void {
      opened?.host.budgetSpent(runId, reason);
    },
    workingAgents(runId: string): readonly string[] {
      return opened?.host.workingAgents(runId) ?? [];
    },
    sessionView(session: string) {
      return opened?.host.sessionView?.(session);
    },
  };
  return {
    host,
    open: start,
    close: async () => {
      const result = await opening;
      if (result?.ok === true) await result.value.close();
    },
  };
}
