// A WorkflowAgentHost opened at the first agent() call: a script that starts no agent (or is
// refused by the loader) never opens the store's catalog, a provider or the demo's model server.
import type { Result } from '../../core/result.js';
import type { AgentCall, AgentCallContext, AgentCallOutcome, WorkflowAgentHost } from '../../core/workflow/agent-host.js';

/** A host and how to close what it opened. */
export type OpenedHost = { readonly host: WorkflowAgentHost; close(): Promise<void> };

/** Wraps `open` so it runs once, at the first call; `close` closes it if it was opened. */
export function lazyWorkflowHost(open: () => Promise<Result<OpenedHost>>): { readonly host: WorkflowAgentHost; close(): Promise<void> } {
  let opening: Promise<Result<OpenedHost>> | undefined;
  let opened: OpenedHost | undefined;
  const host: WorkflowAgentHost = {
    async run(call: AgentCall, context: AgentCallContext): Promise<AgentCallOutcome> {
      opening ??= open().then((result) => {
        if (result.ok) opened = result.value;
        return result;
      });
      const result = await opening;
      if (!result.ok) return { kind: 'throw', message: `agent(): ${result.error}` };
      return result.value.host.run(call, context);
    },
    budgetSpent(runId: string, reason: string): void {
      opened?.host.budgetSpent(runId, reason);
    },
    workingAgents(runId: string): readonly string[] {
      return opened?.host.workingAgents(runId) ?? [];
    },
  };
  return {
    host,
    close: async () => {
      const result = await opening;
      if (result?.ok === true) await result.value.close();
    },
  };
}
