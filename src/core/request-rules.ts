// The request rules of DESIGN.md §3 as a checker: what the Messages API would reject.
// The reducer's tests run it over many histories; the scripted model can use it to refuse
// what the real API refuses.
import type { ModelRequest, RequestMessage } from './model-request.js';

const maxCachePoints = 4;

/** Every rule a request breaks, one line each; empty when the API would accept it. */
export function requestViolations(request: ModelRequest): string[] {
  const problems: string[] = [];
  const { messages } = request;
  if (messages.length === 0) return ['the request has no messages'];
  if (messages[0]?.role !== 'user') problems.push('the first message is not a user message');
  if (messages[messages.length - 1]?.role !== 'user')
    problems.push('the request ends on an assistant message');

  const toolIds = new Set<string>();
  let cachePoints = request.system?.filter((block) => block.cache_control).length ?? 0;
  messages.forEach((message, index) => {
    const at = `message ${index + 1}`;
    if (message.content.length === 0) problems.push(`${at} is empty`);
    if (messages[index - 1]?.role === message.role)
      problems.push(`${at} repeats the role ${message.role}`);
    for (const block of message.content) {
      if (block.type === 'text' && block.text.trim() === '')
        problems.push(`${at} has a blank text block`);
      if (block.type !== 'thinking' && block.cache_control) cachePoints++;
      if (block.type === 'tool_use') {
        if (toolIds.has(block.id)) problems.push(`${at} repeats the tool_use id ${block.id}`);
        toolIds.add(block.id);
      }
    }
    problems.push(...pairingProblems(messages[index - 1], message, at));
  });
  if (cachePoints > maxCachePoints)
    problems.push(`${cachePoints} cache points (at most ${maxCachePoints})`);
  for (const block of request.system ?? []) {
    if (block.text.trim() === '') problems.push('the system prompt has a blank text block');
  }
  return problems;
}

/** Calls of an answer must be answered first thing in the next message, and only there. */
function pairingProblems(
  previous: RequestMessage | undefined,
  message: RequestMessage,
  at: string,
): string[] {
  const problems: string[] = [];
  const calls =
    previous?.role === 'assistant'
      ? previous.content.flatMap((b) => (b.type === 'tool_use' ? [b.id] : []))
      : [];
  if (message.role === 'assistant') return problems;
  const answered = new Set<string>();
  let seenText = false;
  for (const block of message.content) {
    if (block.type === 'text') {
      seenText = true;
      continue;
    }
    if (seenText) problems.push(`${at}: tool_result ${block.tool_use_id} comes after text`);
    if (!calls.includes(block.tool_use_id)) {
      problems.push(
        `${at}: tool_result ${block.tool_use_id} answers no call of the message before`,
      );
    }
    if (answered.has(block.tool_use_id))
      problems.push(`${at}: tool_use ${block.tool_use_id} answered twice`);
    answered.add(block.tool_use_id);
  }
  for (const id of calls)
    if (!answered.has(id)) problems.push(`${at}: tool_use ${id} has no result`);
  return problems;
}

/** A compact picture of a request, e.g. `user: text | assistant: text tool_use`, for tests and logs. */
export function requestShape(request: ModelRequest): string[] {
  return request.messages.map(
    (message) => `${message.role}: ${message.content.map((block) => block.type).join(' ')}`,
  );
}

/** Counts messages and content blocks (a cheap size check for tests and the debug log). */
export function countRequest(request: ModelRequest): { messages: number; blocks: number } {
  let blocks = 0;
  for (const message of request.messages) blocks += message.content.length;
  return { messages: request.messages.length, blocks };
}
