// The runner's side of tool intents (tool-intent.ts): it journals a call's intent when the
// tool host asks, and before an agent's next turn it answers the calls a crash cut short, so
// their file changes are on the branch (rewind puts them back) and the model reads that the
// call was interrupted by a crash instead of a bare missing result.
import type { SdkAgent } from './agent.js';
import type { Entry, ToolUseBlock } from './entry.js';
import type { Result } from './result.js';
import { CRASHED_CALL_TEXT, crashedCalls, UNRECORDED_CALL_TEXT, type ToolIntent } from './tool-intent.js';
import type { ToolHost, ToolOutcome } from './tools.js';

/** The `recordIntent` of a call's tool context: one journal line naming the call. */
export function intentRecorder(agent: SdkAgent, call: ToolUseBlock): (intent: ToolIntent) => Result<void> {
  return (intent) => {
    return agent.session.record({ t: 'tool-intent', toolUseId: call.id, tool: call.name, intent });
  };
}

/** True when a crash cut short one of the agent's tool calls (its next run answers them first). */
export function hasCrashedCalls(agent: SdkAgent): boolean {
  return crashedCalls(agent.session).length > 0;
}

export type SettleDeps = {
  readonly newId: () => string;
  readonly now: () => number;
  /** Appends an entry at the head (the runner's commit); false when the journal refused it. */
  readonly commit: (agent: SdkAgent, entry: Entry) => boolean;
};

/** Commits a result for each call a crash cut short; false when the journal refused one. */
export async function settleCrashedCalls(agent: SdkAgent, deps: SettleDeps, tools: ToolHost): Promise<boolean> {
  const session = agent.session;
  for (const crashed of crashedCalls(session)) {
    const intent = crashed.intent;
    const unrecorded: ToolOutcome = { content: UNRECORDED_CALL_TEXT, isError: true };
    const outcome = intent === undefined ? unrecorded : ((await tools.recover?.(crashed.tool, intent, agent.config.cwd)) ?? { content: CRASHED_CALL_TEXT, isError: true });
    const committed = deps.commit(agent, {
      kind: 'tool-result',
      id: deps.newId(),
      parent: null,
      at: deps.now(),
      provenance: { kind: 'local' },
      toolUseId: crashed.toolUseId,
      toolName: crashed.tool,
      content: outcome.content,
      isError: true,
      ...(outcome.files === undefined || outcome.files.length === 0 ? {} : { files: [...outcome.files] }),
    });
    if (!committed) return false;
  }
  return true;
}
