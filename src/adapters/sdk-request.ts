// Maps core's ModelRequest (already in the API's shape) to the SDK's typed params, block by
// block, so a drift between the two shapes is a compile error rather than a cast.
import type {
  CacheControlEphemeral,
  ContentBlockParam,
  MessageCreateParamsBase,
  MessageParam,
  TextBlockParam,
  Tool,
} from '@anthropic-ai/sdk/resources/messages';
import type {
  CacheControl,
  ModelRequest,
  RequestAssistantBlock,
  RequestMessage,
  RequestTextBlock,
  RequestUserBlock,
  ToolSpec,
} from '../core/model-request.js';

/** The params of one streamed Messages API call for `request` (the SDK sets `stream`). */
export function toSdkParams(request: ModelRequest): MessageCreateParamsBase {
  const params: MessageCreateParamsBase = {
    model: request.model,
    max_tokens: request.maxTokens,
    messages: request.messages.map(toMessageParam),
  };
  if (request.system !== undefined && request.system.length > 0) params.system = request.system.map(toTextParam);
  if (request.tools.length > 0) params.tools = request.tools.map(toToolParam);
  if (request.thinking !== undefined) params.thinking = { type: 'enabled', budget_tokens: request.thinking.budgetTokens };
  return params;
}

function toMessageParam(message: RequestMessage): MessageParam {
  if (message.role === 'user') return { role: 'user', content: message.content.map(toUserBlockParam) };
  return { role: 'assistant', content: message.content.map(toAssistantBlockParam) };
}

function cacheOf(cache: CacheControl | undefined): { cache_control?: CacheControlEphemeral } {
  return cache === undefined ? {} : { cache_control: { type: cache.type } };
}

function toTextParam(block: RequestTextBlock): TextBlockParam {
  return { type: 'text', text: block.text, ...cacheOf(block.cache_control) };
}

function toUserBlockParam(block: RequestUserBlock): ContentBlockParam {
  switch (block.type) {
    case 'text':
      return toTextParam(block);
    case 'tool_result':
      return {
        type: 'tool_result',
        tool_use_id: block.tool_use_id,
        content: block.content,
        ...(block.is_error === undefined ? {} : { is_error: block.is_error }),
        ...cacheOf(block.cache_control),
      };
  }
}

function toAssistantBlockParam(block: RequestAssistantBlock): ContentBlockParam {
  switch (block.type) {
    case 'text':
      return toTextParam(block);
    case 'tool_use':
      return { type: 'tool_use', id: block.id, name: block.name, input: block.input, ...cacheOf(block.cache_control) };
    case 'thinking':
      return { type: 'thinking', thinking: block.thinking, signature: block.signature };
  }
}

function toToolParam(spec: ToolSpec): Tool {
  return { name: spec.name, description: spec.description, input_schema: { ...spec.inputSchema, type: 'object' } };
}
