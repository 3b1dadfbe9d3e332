// The reducer: the request sent to the model is a pure function of the active branch
// (DESIGN.md §3). Whatever the history (interrupts, rewinds, edits, grafts), the result obeys
// every request rule of the Messages API; request-rules.ts states them as a checker.
import type { BranchView } from './branch.js';
import type { AssistantEntry, InterruptedEntry } from './entry.js';
import type {
  ModelRequest,
  RequestAssistantBlock,
  RequestMessage,
  RequestTextBlock,
  RequestToolResultBlock,
  RequestUserBlock,
  ToolSpec,
} from './model-request.js';

export type RequestConfig = {
  readonly model: string;
  readonly maxTokens: number;
  readonly system?: string;
  readonly tools: readonly ToolSpec[];
  readonly thinkingBudget?: number;
  /** User messages to leave out (set aside after the API refused them), unless edited since. */
  readonly setAside?: { has(id: string): boolean };
};

/** The short notes the reducer adds so that the request stays valid; exported for tests and views. */
export const reducerNotes = {
  interrupted: '(interrupted by the user)',
  missingResult: '(no result: the call was interrupted)',
  emptyResult: '(no output)',
  branchStart: '(the conversation continues from an earlier exchange)',
  continueAnswer: '(continue)',
  emptyBranch: '(no messages yet)',
} as const;

type UserPart =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'result';
      readonly toolUseId: string;
      readonly toolName: string;
      readonly content: string;
      readonly isError: boolean;
    };
type Group =
  | { readonly role: 'assistant'; readonly blocks: RequestAssistantBlock[] }
  | { readonly role: 'user'; readonly parts: UserPart[] };

/**
 * Builds the request for the branch. Tool results whose call is not in the assistant message
 * just before them are sent as a text note (so grafted or rewound results keep their content);
 * duplicate tool ids are renamed `ID_2`, `ID_3`… (their results follow the rename); a call
 * without a result gets an `is_error` result; cache points go on the system block and on the
 * last block of the last message.
 */
export function buildRequest(view: BranchView, config: RequestConfig): ModelRequest {
  const groups = groupByRole(view, config.setAside);
  const first = groups[0];
  if (first?.role === 'assistant')
    groups.unshift({ role: 'user', parts: [{ kind: 'text', text: reducerNotes.branchStart }] });
  const messages = toMessages(groups);
  if (messages.length === 0) messages.push(userText(reducerNotes.emptyBranch));
  markLastBlock(messages);

  const request: ModelRequest = {
    model: config.model,
    maxTokens: config.maxTokens,
    messages,
    tools: config.tools,
  };
  if (config.thinkingBudget !== undefined) request.thinking = { budgetTokens: config.thinkingBudget };
  if (config.system !== undefined && config.system.trim() !== '') {
    request.system = [{ type: 'text', text: config.system, cache_control: { type: 'ephemeral' } }];
  }
  return request;
}

/** Entries → role-alternating groups, with blank text, dropped thinking and empty answers removed. */
function groupByRole(view: BranchView, setAside: RequestConfig['setAside']): Group[] {
  const groups: Group[] = [];
  const pushUser = (part: UserPart): void => {
    const last = groups[groups.length - 1];
    if (last?.role === 'user') last.parts.push(part);
    else groups.push({ role: 'user', parts: [part] });
  };
  for (const item of view.items) {
    if (item.kind !== 'message') continue;
    const entry = item.entry;
    switch (entry.kind) {
      case 'user':
        if (!item.edited && setAside?.has(entry.id) === true) break;
        if (!isBlank(entry.text)) pushUser({ kind: 'text', text: entry.text });
        break;
      case 'tool-result':
        pushUser({
          kind: 'result',
          toolUseId: entry.toolUseId,
          toolName: entry.toolName,
          content: entry.content,
          isError: entry.isError,
        });
        break;
      case 'assistant':
      case 'interrupted': {
        const keepThinking =
          !item.edited && entry.provenance.kind !== 'graft' && entry.kind === 'assistant';
        const blocks = answerBlocks(entry, keepThinking);
        if (blocks.length > 0) {
          const last = groups[groups.length - 1];
          if (last?.role === 'assistant') last.blocks.push(...blocks);
          else groups.push({ role: 'assistant', blocks });
        }
        if (entry.kind === 'interrupted')
          pushUser({ kind: 'text', text: interruptedNote(entry.reason) });
        break;
      }
    }
  }
  return groups;
}

function answerBlocks(
  entry: AssistantEntry | InterruptedEntry,
  keepThinking: boolean,
): RequestAssistantBlock[] {
  const blocks: RequestAssistantBlock[] = [];
  for (const block of entry.blocks) {
    if (block.type === 'text') {
      if (!isBlank(block.text)) blocks.push({ type: 'text', text: block.text });
    } else if (block.type === 'tool_use') {
      blocks.push({ type: 'tool_use', id: block.id, name: block.name, input: { ...block.input } });
    } else if (keepThinking) {
      blocks.push({ type: 'thinking', thinking: block.thinking, signature: block.signature });
    }
  }
  // An answer that is only thinking says nothing the model can continue from.
  return blocks.some((block) => block.type !== 'thinking') ? blocks : [];
}

type PendingCall = { readonly original: string; readonly sent: string; answered: boolean };

/** Pairs each call with its result, renames duplicate ids, and closes the request on a user message. */
function toMessages(groups: readonly Group[]): RequestMessage[] {
  const messages: RequestMessage[] = [];
  const usedIds = new Set<string>();
  let pending: PendingCall[] = [];
  for (const group of groups) {
    if (group.role === 'assistant') {
      // The blocks are this request's own copies (answerBlocks), so renaming in place is safe.
      for (const block of group.blocks) {
        if (block.type !== 'tool_use') continue;
        const sent = uniqueId(block.id, usedIds);
        pending.push({ original: block.id, sent, answered: false });
        block.id = sent;
      }
      messages.push({ role: 'assistant', content: group.blocks });
      continue;
    }
    messages.push({ role: 'user', content: answerCalls(pending, group.parts) });
    pending = [];
  }
  const last = messages[messages.length - 1];
  if (last?.role === 'assistant') {
    messages.push(
      pending.length > 0
        ? { role: 'user', content: answerCalls(pending, []) }
        : userText(reducerNotes.continueAnswer),
    );
  }
  return messages;
}

/** The user message after an answer: its results first (in call order), then any text. */
function answerCalls(
  pending: readonly PendingCall[],
  parts: readonly UserPart[],
): RequestUserBlock[] {
  if (pending.length === 0 && parts.every((part) => part.kind === 'text')) {
    return parts.flatMap((part): RequestTextBlock[] =>
      part.kind === 'text' ? [{ type: 'text', text: part.text }] : [],
    );
  }
  const results = new Map<PendingCall, RequestToolResultBlock>();
  const texts: RequestTextBlock[] = [];
  for (const part of parts) {
    if (part.kind === 'text') {
      texts.push({ type: 'text', text: part.text });
      continue;
    }
    const call = pending.find(
      (candidate) => candidate.original === part.toolUseId && !candidate.answered,
    );
    if (!call) {
      texts.push({ type: 'text', text: strayResultNote(part) });
      continue;
    }
    call.answered = true;
    const content = isBlank(part.content) ? reducerNotes.emptyResult : part.content;
    const block: RequestToolResultBlock = { type: 'tool_result', tool_use_id: call.sent, content };
    if (part.isError) block.is_error = true;
    results.set(call, block);
  }
  const ordered: RequestUserBlock[] = pending.map(
    (call) =>
      results.get(call) ?? {
        type: 'tool_result',
        tool_use_id: call.sent,
        content: reducerNotes.missingResult,
        is_error: true,
      },
  );
  return [...ordered, ...texts];
}

function strayResultNote(part: Extract<UserPart, { kind: 'result' }>): string {
  const status = part.isError ? ' (an error)' : '';
  const content = isBlank(part.content) ? reducerNotes.emptyResult : part.content;
  return `(result of an earlier ${part.toolName} call${status}:)\n${content}`;
}

function interruptedNote(reason: string): string {
  return isBlank(reason) || /user/i.test(reason)
    ? reducerNotes.interrupted
    : `(interrupted: ${reason})`;
}

function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n++) candidate = `${id}_${n}`;
  used.add(candidate);
  return candidate;
}

function markLastBlock(messages: RequestMessage[]): void {
  const last = messages[messages.length - 1];
  const block = last?.content[last.content.length - 1];
  if (block && block.type !== 'thinking') block.cache_control = { type: 'ephemeral' };
}

function userText(text: string): RequestMessage {
  return { role: 'user', content: [{ type: 'text', text }] };
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}
