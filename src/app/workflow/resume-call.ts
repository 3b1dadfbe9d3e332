// A continued run's in-flight call (issue 15): its agent reopens ITS OWN session (named by the
// record's `started` line) and goes on from there — the interrupted turn retried with its earlier
// tool rounds kept, or an answer already given taken as the value — instead of a new agent
// being asked the prompt again.
import type { AgentConfig, BrokenAgent, SdkAgent } from '../../core/agent.js';
import type { Controller } from '../../core/controller.js';
import { ok, type Result } from '../../core/result.js';
import type { ToolHost } from '../../core/tools.js';
import { STRUCTURED_OUTPUT_REMINDER } from '../../core/workflow/call-system-prompt.js';
import type { CallResolution, ResolutionStep } from '../../core/workflow/call-resolution.js';
import type { ResumeAction } from '../../core/workflow/resume-action.js';

/** Reopens the session under its recorded name when free (else the name the call was given). */
export function reopenCallAgent(controller: Controller, resume: { readonly agent: string; readonly session: string }, config: AgentConfig, tools: ToolHost): Result<SdkAgent | BrokenAgent> {
  // Still open here (the run was stopped, not quit): the same agent goes on; a session is never opened twice.
  const open = controller.allAgents().find((agent): agent is SdkAgent => agent.kind === 'sdk' && agent.session.id === resume.session);
  if (open !== undefined) {
    open.tools = tools;
    return ok(open);
  }
  const name = controller.find(resume.agent) === undefined ? resume.agent : config.name;
  return controller.reopenAgent({ ...config, name }, resume.session, tools);
}

/** Starts the reopened agent's remaining work; a `resolve` step when it needs none. */
export function resumeCall(controller: Controller, agent: SdkAgent, action: Exclude<ResumeAction, { kind: 'send' }>, resolution: CallResolution, schema: boolean): ResolutionStep {
  if (action.kind === 'answered') {
    if (!schema) return resolution.resolve({ kind: 'value', value: action.text });
    // The valid StructuredOutput call was not kept with the answer: ask for it once more.
    controller.delivery.send(agent.name, STRUCTURED_OUTPUT_REMINDER);
    return { kind: 'wait' };
  }
  if (action.dropAnswer !== undefined) {
    const moved = agent.session.record({ t: 'head', head: action.dropAnswer, reason: 'retry' });
    if (!moved.ok) return resolution.resolve({ kind: 'null', reason: `could not continue ${agent.name}'s session: ${moved.error}` });
  }
  const retried = controller.retry(agent.name);
  return retried.ok ? { kind: 'wait' } : resolution.resolve({ kind: 'null', reason: `could not continue ${agent.name}'s session: ${retried.error}` });
}
