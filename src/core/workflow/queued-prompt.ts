// A queued workflow call's prompt (DESIGN.md §9, issue 14): until its agent starts, the prompt the
// script gave is only the agent's first message-to-be, so the person may read it and replace it
// (`queued-prompt`, the run view's `e` through $EDITOR). Once the agent exists, its first message
// is in its session: a rewind or an edit changes it, as for any agent.
import { err, ok, type Result } from '../result.js';
import { pendingCall } from './call-steering.js';
import type { WorkflowRunsApi } from './workflow-runs-api.js';

/** Why `agent`'s prompt can no longer be replaced (it started, or it was skipped). */
function notQueued(agent: string): string {
  return `${agent} is not queued: its prompt is its first message now (rewind or edit it like any agent's)`;
}

/** The prompt queued `agent` will start with. */
export function queuedPromptOf(runs: WorkflowRunsApi | undefined, agent: string): Result<string> {
  const entry = pendingCall(runs, agent);
  if (!entry.ok) return entry;
  const prompt = entry.value.steering.queuedPrompt();
  return prompt === undefined ? err(notQueued(agent)) : ok(prompt);
}

/** Replaces queued `agent`'s prompt with `text`: the agent starts with it instead of the script's. */
export function replaceQueuedPrompt(runs: WorkflowRunsApi | undefined, agent: string, text: string): Result<string> {
  if (text.trim() === '') return err(`the prompt for ${agent} would be empty (skip the call instead)`);
  const entry = pendingCall(runs, agent);
  if (!entry.ok) return entry;
  if (!entry.value.steering.replacePrompt(text)) return err(notQueued(agent));
  return ok(`${agent} will start with the new prompt (${text.length} characters)`);
}
