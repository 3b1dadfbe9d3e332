// Nothing a tool call changes is lost at a crash (issue 9, item 6): before a writing call runs,
// what it may change is journaled as its *intent* — the one file's version for write_file and
// edit_file, a baseline of the workspace (kept as a blob) for bash. A call whose intent has no
// result when the session loads was running when agentmux stopped; its changes are recorded
// against that intent and its result says it was interrupted by a crash.
import * as z from 'zod';
import { FileVersion } from './entry.js';
import type { SessionState } from './session-state.js';

/** What a call may change, as it stood just before the call ran. */
export const ToolIntent = z.discriminatedUnion('kind', [
  // write_file / edit_file: the one file (path relative to the agent's cwd) and its version before.
  z.object({ kind: z.literal('file'), path: z.string().min(1), before: FileVersion.nullable() }),
  // bash: the workspace baseline, a blob (sha256) the checkpoint adapter wrote and can read back.
  z.object({ kind: z.literal('workspace'), baseline: z.string().min(1) }),
]);
export type ToolIntent = z.infer<typeof ToolIntent>;

/** The journal line of an intent; the call's tool-result entry settles it. */
export const ToolIntentRecord = z.object({
  t: z.literal('tool-intent'),
  toolUseId: z.string().min(1),
  tool: z.string().min(1),
  intent: ToolIntent,
});
export type ToolIntentRecord = z.infer<typeof ToolIntentRecord>;

/** What the result of a call interrupted by a crash says (to the model and in the pane). */
export const CRASHED_CALL_TEXT = '(interrupted by a crash: agentmux stopped while this call ran)';

/** The result of a call with no intent (a reading tool, or one the crash stopped before it ran). */
export const UNRECORDED_CALL_TEXT = '(interrupted by a crash: agentmux stopped before this call ran or before its result was recorded)';

/** A call of the branch's last answer that has no result; `intent` when it was journaled. */
export type CrashedCall = { readonly toolUseId: string; readonly tool: string; readonly intent: ToolIntent | undefined };

/**
 * The calls that were running when agentmux last stopped: tool_use blocks of the branch's last
 * answer with no result (a quit, unlike a crash, records one for each), with their intents.
 * Intents of calls on other branches, or of answers the branch moved past, are ignored.
 */
export function crashedCalls(session: SessionState): CrashedCall[] {
  const items = session.view().items;
  const answered = new Set<string>();
  for (let index = items.length - 1; index >= 0; index--) {
    const item = items[index];
    if (item === undefined || item.kind !== 'message') continue;
    const entry = item.entry;
    if (entry.kind === 'tool-result') {
      answered.add(entry.toolUseId);
      continue;
    }
    if (entry.kind !== 'assistant') return [];
    const crashed: CrashedCall[] = [];
    for (const block of entry.blocks) {
      if (block.type !== 'tool_use' || answered.has(block.id)) continue;
      crashed.push({ toolUseId: block.id, tool: block.name, intent: session.intents.get(block.id)?.intent });
    }
    return crashed;
  }
  return [];
}
