// A queued workflow call's prompt (DESIGN.md §9, issue 14): until its agent starts, the prompt the
// script gave is only the agent's first message-to-be, so the person may read it and replace it
// (`queued-prompt`, the run view's `e` through $EDITOR). Once the agent exists, its first message
// is in its session: a rewind or an edit changes it, as for any agent.
import { err, ok, type Result } from '../result.js';
import type { CallEntry } from './call-state.js';
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

/** A queued call's prompt opened for editing: the call waits to start until `release`. */
export type PromptEditing = { readonly prompt: string; readonly entry: CallEntry; readonly release: () => void };

/** Opens queued `agent`'s prompt for an editor: it will not start before `release` (prompt-edit, the run view's `e`). */
export function editQueuedPrompt(runs: WorkflowRunsApi | undefined, agent: string): Result<PromptEditing> {
  const entry = pendingCall(runs, agent);
  if (!entry.ok) return entry;
  const prompt = entry.value.steering.queuedPrompt();
  const release = entry.value.steering.holdStart();
  if (prompt === undefined || release === undefined) return err(notQueued(agent));
  return ok({ prompt, entry: entry.value, release });
}

/** What the person saved in the editor becomes the call's prompt (before `release` lets it start); says why not when it cannot. */
export function saveEditedPrompt(editing: PromptEditing, text: string): Result<string> {
  const { entry, prompt } = editing;
  const { state } = entry;
  // The call ended while the editor was open (skipped, or its run stopped): it never starts.
  if (state.kind === 'done') return err(`${entry.agent}'s call ended while you edited its prompt (${state.reason ?? 'resolved'}): it never started`);
  if (text === prompt) return ok(`${entry.agent}'s prompt is unchanged`);
  if (text.trim() === '') return err(`the prompt for ${entry.agent} would be empty (skip the call instead)`);
  if (!entry.steering.replacePrompt(text)) return err(notQueued(entry.agent));
  return ok(`${entry.agent} will start with the new prompt (${text.length} characters)`);
}
