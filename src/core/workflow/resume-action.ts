// How a workflow agent that was mid-call when its run stopped (crash, kill, quit) goes on when the
// run continues (issue 15): from its own session, never from its prompt again. Pure: reads the
// reopened session's active branch.
import type { BranchView } from '../branch.js';
import type { EntryId, MessageEntry } from '../entry.js';

/**
 * `send`: the session holds no message yet (the crash came before the prompt was written);
 * `retry`: the last turn has no answer (a user message, tool results, or an interrupted partial):
 * it runs again with its earlier tool rounds kept (`dropAnswer`: first move the head there, off
 * an answer whose tool calls have no results); `answered`: the agent had answered and only
 * the record's result line was lost: its last answer is the value.
 */
export type ResumeAction =
  | { readonly kind: 'send' }
  | { readonly kind: 'retry'; readonly dropAnswer?: EntryId }
  | { readonly kind: 'answered'; readonly text: string };

function lastMessage(view: BranchView): MessageEntry | undefined {
  for (let i = view.items.length - 1; i >= 0; i -= 1) {
    const item = view.items[i];
    if (item?.kind === 'message') return item.original;
  }
  return undefined;
}

/** What to do with a reopened session to finish its call. */
export function resumeAction(view: BranchView): ResumeAction {
  const last = lastMessage(view);
  if (last === undefined) return { kind: 'send' };
  if (last.kind !== 'assistant') return { kind: 'retry' };
  // Its tools never ran (or their results were never written): the answer asking for them goes
  // off the branch (its parent becomes the head) and the request is made again.
  if (last.blocks.some((block) => block.type === 'tool_use')) return last.parent === null ? { kind: 'send' } : { kind: 'retry', dropAnswer: last.parent };
  const text = last.blocks.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
  return { kind: 'answered', text };
}
