// The request the reducer derives from a tree and head, in the Messages API's own shape,
// so an adapter can pass it to any Anthropic-compatible endpoint unchanged.

export type CacheControl = { readonly type: 'ephemeral' };

export type RequestTextBlock = { type: 'text'; text: string; cache_control?: CacheControl };
export type RequestToolUseBlock = {
  type: 'tool_use';
  id: string;
  name: string;
  input: Record<string, unknown>;
  cache_control?: CacheControl;
};
export type RequestToolResultBlock = {
  type: 'tool_result';
  tool_use_id: string;
  content: string;
  is_error?: boolean;
  cache_control?: CacheControl;
};
export type RequestThinkingBlock = { type: 'thinking'; thinking: string; signature: string };

export type RequestUserBlock = RequestTextBlock | RequestToolResultBlock;
export type RequestAssistantBlock = RequestTextBlock | RequestToolUseBlock | RequestThinkingBlock;

export type RequestMessage =
  | { role: 'user'; content: RequestUserBlock[] }
  | { role: 'assistant'; content: RequestAssistantBlock[] };

/** A tool as the model sees it. `effect` is ours: writes and bash need approval (later issue). */
export type ToolSpec = {
  readonly name: string;
  readonly description: string;
  readonly inputSchema: Record<string, unknown>;
  readonly effect: 'read' | 'write' | 'exec';
};

export type ModelRequest = {
  model: string;
  maxTokens: number;
  system?: RequestTextBlock[];
  messages: RequestMessage[];
  tools: readonly ToolSpec[];
  /** Extended thinking with this token budget. */
  thinking?: { budgetTokens: number };
};
