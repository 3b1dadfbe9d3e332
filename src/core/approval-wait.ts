// The runner's side of approvals: decide whether a call must wait, and wait for the user's
// answer (or an abort) with the agent in `awaiting-approval`.
import type { SdkAgent } from './agent.js';
import { describeCall, type ApprovalDecision } from './approval-decision.js';
import { alwaysAllowEntry, needsApproval } from './approval-policy.js';
import type { ToolCall, ToolHost, ToolOutcome } from './tools.js';

/**
 * How a call may go on: run it, send the user's refusal back, send the tool's own error back
 * without asking (`invalid`: its precheck found it would fail), or stop (aborted while waiting).
 */
export type Clearance =
  | { readonly kind: 'run' }
  | { readonly kind: 'refused'; readonly reason: string | undefined }
  | { readonly kind: 'invalid'; readonly outcome: ToolOutcome }
  | { readonly kind: 'aborted' };

/**
 * Runs `call` at once when the policy allows it; else, unless the tool's precheck already
 * knows it would fail, waits for `Controller.decide` or an abort.
 */
export async function clearCall(agent: SdkAgent, tools: ToolHost, call: ToolCall): Promise<Clearance> {
  const spec = tools.specs().find((candidate) => candidate.name === call.name);
  if (spec === undefined || !needsApproval(agent.approval, call, spec)) return { kind: 'run' };
  // Not worth the user's attention: the model gets the error at once and can correct the call.
  const failure = await tools.precheck?.(call, agent.config.cwd);
  if (failure !== undefined) return { kind: 'invalid', outcome: failure };
  const decision = await waitForDecision(agent, call);
  if (decision === 'aborted') return { kind: 'aborted' };
  if (decision.kind === 'no') return { kind: 'refused', reason: decision.reason };
  if (decision.kind === 'always') {
    const entry = alwaysAllowEntry(call);
    if (entry !== undefined && !agent.approval.allow.includes(entry)) {
      agent.approval = { ...agent.approval, allow: [...agent.approval.allow, entry] };
      // Kept in the journal, so a restart (or a reattach) still allows it. A failed write
      // only costs asking again later; the call itself was approved.
      agent.session.record({ t: 'allow', entry });
    }
  }
  return { kind: 'run' };
}

// The abort controller makes interrupt and shutdown end the wait like they end a tool.
function waitForDecision(agent: SdkAgent, call: ToolCall): Promise<ApprovalDecision | 'aborted'> {
  const controller = new AbortController();
  agent.move({ kind: 'step-start', controller });
  return new Promise<ApprovalDecision | 'aborted'>((resolve) => {
    const onAbort = (): void => resolve('aborted');
    controller.signal.addEventListener('abort', onAbort, { once: true });
    agent.pendingApproval = {
      call,
      decide: (decision) => {
        controller.signal.removeEventListener('abort', onAbort);
        resolve(decision);
      },
    };
    agent.setState('awaiting-approval', describeCall(call));
  }).finally(() => {
    agent.pendingApproval = undefined;
    agent.move({ kind: 'step-end' });
  });
}
