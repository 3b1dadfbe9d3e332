// The body of POST /v1/messages as the scripted model reads it: parsed loosely with zod,
// then checked against the conversation rules a real Messages API server enforces.
import * as z from 'zod';

const CacheControl = z.object({ type: z.literal('ephemeral') }).loose().nullish();

const TextBlock = z.object({ type: z.literal('text'), text: z.string(), cache_control: CacheControl }).loose();
const ToolUseBlock = z
  .object({
    type: z.literal('tool_use'),
    id: z.string().min(1),
    name: z.string().min(1),
    input: z.record(z.string(), z.unknown()),
    cache_control: CacheControl,
  })
  .loose();
const ToolResultBlock = z
  .object({
    type: z.literal('tool_result'),
    tool_use_id: z.string().min(1),
    content: z.union([z.string(), z.array(TextBlock)]).optional(),
    is_error: z.boolean().optional(),
    cache_control: CacheControl,
  })
  .loose();
const ThinkingBlock = z.object({ type: z.literal('thinking'), thinking: z.string(), signature: z.string() }).loose();
const RedactedThinkingBlock = z.object({ type: z.literal('redacted_thinking'), data: z.string() }).loose();

export const RequestBlock = z.discriminatedUnion('type', [
  TextBlock,
  ToolUseBlock,
  ToolResultBlock,
  ThinkingBlock,
  RedactedThinkingBlock,
]);
export type RequestBlock = z.infer<typeof RequestBlock>;

// Worded like the real API, whose clients (Claude Code) recognise it and resend without the role.
const SYSTEM_ROLE_PROBLEM =
  'Unexpected role "system". The Messages API accepts a top-level `system` parameter, not "system" as an input message role.';

export const RequestMessage = z.object({
  role: z.enum(['user', 'assistant'], {
    error: (issue) => (issue.input === 'system' ? SYSTEM_ROLE_PROBLEM : undefined),
  }),
  content: z.union([z.string(), z.array(RequestBlock)]),
});
export type RequestMessage = z.infer<typeof RequestMessage>;

export const MessagesRequestBody = z
  .object({
    model: z.string().min(1),
    max_tokens: z.number().int().positive(),
    messages: z.array(RequestMessage),
    system: z.union([z.string(), z.array(TextBlock)]).optional(),
    tools: z
      .array(z.object({ name: z.string().min(1), description: z.string().optional(), input_schema: z.record(z.string(), z.unknown()) }).loose())
      .optional(),
    stream: z.boolean().optional(),
  })
  .loose();
export type MessagesRequestBody = z.infer<typeof MessagesRequestBody>;

/** The content of a message as blocks, whether it was sent as a string or an array. */
export function blocksOf(message: RequestMessage): RequestBlock[] {
  if (typeof message.content === 'string') return [{ type: 'text', text: message.content }];
  return message.content;
}

/**
 * The first rule of the Messages API that `body` breaks, worded like the real server, or null.
 * These are the rules the reducer must guarantee (DESIGN.md §3), so a test catches a bug at once.
 */
export function conversationRuleViolation(body: MessagesRequestBody): string | null {
  const { messages } = body;
  const first = messages[0];
  if (first === undefined) return 'messages: at least one message is required';
  if (first.role !== 'user') return 'messages: first message must use the "user" role';
  const last = messages[messages.length - 1];
  if (last !== undefined && last.role === 'assistant') {
    return `messages.${messages.length - 1}: the final message must use the "user" role`;
  }
  const seenToolUseIds = new Set<string>();
  for (const [index, message] of messages.entries()) {
    const previous = messages[index - 1];
    if (previous !== undefined && previous.role === message.role) {
      return `messages.${index}: roles must alternate between "user" and "assistant"; found two consecutive "${message.role}" messages`;
    }
    const blocks = blocksOf(message);
    if (blocks.length === 0) return `messages.${index}: all messages must have non-empty content`;
    for (const [blockIndex, block] of blocks.entries()) {
      const where = `messages.${index}.content.${blockIndex}`;
      if (block.type === 'text' && block.text.trim() === '') return `${where}: text content blocks must contain non-whitespace text`;
      if (block.type === 'tool_use') {
        if (message.role !== 'assistant') return `${where}: tool_use blocks are only allowed in assistant messages`;
        if (seenToolUseIds.has(block.id)) return `${where}: tool_use ids must be unique; found duplicate id ${block.id}`;
        seenToolUseIds.add(block.id);
      }
      if (block.type === 'tool_result') {
        if (message.role !== 'user') return `${where}: tool_result blocks are only allowed in user messages`;
        const before = blocks.slice(0, blockIndex);
        if (before.some((b) => b.type !== 'tool_result')) {
          return `${where}: tool_result blocks must come first in the user message, before any other content`;
        }
      }
    }
    const violation = toolPairingViolation(index, previous, message);
    if (violation !== null) return violation;
  }
  return null;
}

/** Every tool_use of the previous assistant message is answered here, and nothing else is. */
function toolPairingViolation(index: number, previous: RequestMessage | undefined, message: RequestMessage): string | null {
  const results = blocksOf(message).flatMap((b) => (b.type === 'tool_result' ? [b.tool_use_id] : []));
  const uses = previous?.role === 'assistant' ? blocksOf(previous).flatMap((b) => (b.type === 'tool_use' ? [b.id] : [])) : [];
  const missing = uses.filter((id) => !results.includes(id));
  if (missing.length > 0) {
    return `messages.${index}: tool_use ids were found without tool_result blocks immediately after: ${missing.join(', ')}. Each tool_use block must have a corresponding tool_result block in the next message.`;
  }
  const unexpected = results.filter((id) => !uses.includes(id));
  if (unexpected.length > 0) {
    return `messages.${index}: unexpected tool_use_id found in tool_result blocks: ${unexpected.join(', ')}. Each tool_result block must have a corresponding tool_use block in the previous message.`;
  }
  return null;
}
