// Builds an answer from the Messages API's raw stream events, emitting core StreamEvents as
// it goes, and keeps whatever had arrived so a failed stream still yields its partial answer.
import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import * as z from 'zod';
import type { AssistantBlock, Usage } from '../core/entry.js';
import type { PartialAnswer, StreamEvent } from '../core/provider.js';
import { err, ok, type Result } from '../core/result.js';

type Slot =
  | { kind: 'text'; text: string }
  | { kind: 'thinking'; thinking: string; signature: string }
  | { kind: 'tool'; id: string; name: string; json: string; input: Record<string, unknown> | null }
  /** A block kind core does not keep (redacted thinking, server tools); kept only to hold its index. */
  | { kind: 'ignored'; type: string };

const ToolInput = z.record(z.string(), z.unknown());

/** Accumulates one streamed answer; `apply` every raw event in order. */
export class StreamAccumulator {
  private readonly slots = new Map<number, Slot>();
  private usage: Usage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };
  private stopReason: string | null = null;
  private stopped = false;

  constructor(private readonly emit: (event: StreamEvent) => void) {}

  /** True once `message_stop` arrived: the answer is whole. */
  get finished(): boolean {
    return this.stopped;
  }

  /** Applies one event; an error is a protocol violation (the stream is malformed). */
  apply(event: RawMessageStreamEvent): Result<void> {
    switch (event.type) {
      case 'message_start': {
        const usage = event.message.usage;
        this.usage = {
          inputTokens: usage.input_tokens,
          outputTokens: usage.output_tokens,
          cacheReadTokens: usage.cache_read_input_tokens ?? 0,
          cacheWriteTokens: usage.cache_creation_input_tokens ?? 0,
        };
        this.emit({ type: 'usage', usage: this.usage });
        return ok(undefined);
      }
      case 'content_block_start':
        return this.startBlock(event.index, event.content_block);
      case 'content_block_delta':
        return this.applyDelta(event.index, event.delta);
      case 'content_block_stop':
        return this.stopBlock(event.index);
      case 'message_delta': {
        const usage = event.usage;
        this.stopReason = event.delta.stop_reason;
        this.usage = {
          inputTokens: usage.input_tokens ?? this.usage.inputTokens,
          outputTokens: usage.output_tokens,
          cacheReadTokens: usage.cache_read_input_tokens ?? this.usage.cacheReadTokens,
          cacheWriteTokens: usage.cache_creation_input_tokens ?? this.usage.cacheWriteTokens,
        };
        this.emit({ type: 'usage', usage: this.usage });
        return ok(undefined);
      }
      case 'message_stop':
        this.stopped = true;
        return ok(undefined);
      default:
        return unknownEvent(event);
    }
  }

  /** The answer so far: complete blocks, text and signed thinking; a tool call whose input never closed is dropped. */
  partial(): PartialAnswer {
    return { blocks: this.blocks(), usage: this.usage };
  }

  /** The finished answer's stop reason (null until message_delta). */
  get stop(): string | null {
    return this.stopReason;
  }

  private blocks(): AssistantBlock[] {
    const blocks: AssistantBlock[] = [];
    for (const index of [...this.slots.keys()].sort((a, b) => a - b)) {
      const slot = this.slots.get(index);
      if (slot === undefined) continue;
      switch (slot.kind) {
        case 'text':
          if (slot.text !== '') blocks.push({ type: 'text', text: slot.text });
          break;
        case 'thinking':
          if (slot.signature !== '') blocks.push({ type: 'thinking', thinking: slot.thinking, signature: slot.signature });
          break;
        case 'tool':
          if (slot.input !== null) blocks.push({ type: 'tool_use', id: slot.id, name: slot.name, input: slot.input });
          break;
        case 'ignored':
          break;
      }
    }
    return blocks;
  }

  private startBlock(index: number, block: Extract<RawMessageStreamEvent, { type: 'content_block_start' }>['content_block']): Result<void> {
    if (this.slots.has(index)) return err(`content block ${index} started twice`);
    switch (block.type) {
      case 'text':
        this.slots.set(index, { kind: 'text', text: block.text });
        if (block.text !== '') this.emit({ type: 'text', index, text: block.text });
        return ok(undefined);
      case 'thinking':
        this.slots.set(index, { kind: 'thinking', thinking: block.thinking, signature: block.signature });
        if (block.thinking !== '') this.emit({ type: 'thinking', index, text: block.thinking });
        return ok(undefined);
      case 'tool_use':
        this.slots.set(index, { kind: 'tool', id: block.id, name: block.name, json: '', input: null });
        this.emit({ type: 'tool-start', index, id: block.id, name: block.name });
        return ok(undefined);
      case 'redacted_thinking':
      case 'server_tool_use':
      case 'web_search_tool_result':
      case 'web_fetch_tool_result':
      case 'code_execution_tool_result':
      case 'bash_code_execution_tool_result':
      case 'text_editor_code_execution_tool_result':
      case 'tool_search_tool_result':
      case 'container_upload':
        this.slots.set(index, { kind: 'ignored', type: block.type });
        return ok(undefined);
      default:
        return unknownEvent(block);
    }
  }

  private applyDelta(index: number, delta: Extract<RawMessageStreamEvent, { type: 'content_block_delta' }>['delta']): Result<void> {
    const slot = this.slots.get(index);
    if (slot === undefined) return err(`delta for content block ${index}, which never started`);
    switch (delta.type) {
      case 'text_delta':
        if (slot.kind !== 'text') return err(`text delta for a ${slot.kind} block`);
        slot.text += delta.text;
        this.emit({ type: 'text', index, text: delta.text });
        return ok(undefined);
      case 'thinking_delta':
        if (slot.kind !== 'thinking') return err(`thinking delta for a ${slot.kind} block`);
        slot.thinking += delta.thinking;
        this.emit({ type: 'thinking', index, text: delta.thinking });
        return ok(undefined);
      case 'signature_delta':
        if (slot.kind !== 'thinking') return err(`signature delta for a ${slot.kind} block`);
        slot.signature = delta.signature;
        return ok(undefined);
      case 'input_json_delta':
        if (slot.kind === 'ignored') return ok(undefined);
        if (slot.kind !== 'tool') return err(`input_json delta for a ${slot.kind} block`);
        slot.json += delta.partial_json;
        if (delta.partial_json !== '') this.emit({ type: 'tool-input', index, partialJson: delta.partial_json });
        return ok(undefined);
      case 'citations_delta':
        return ok(undefined);
      default:
        return unknownEvent(delta);
    }
  }

  private stopBlock(index: number): Result<void> {
    const slot = this.slots.get(index);
    if (slot === undefined) return err(`stop for content block ${index}, which never started`);
    if (slot.kind !== 'tool') return ok(undefined);
    const input = parseToolInput(slot.json);
    if (input === null) return err(`tool_use ${slot.id} (${slot.name}): input is not a JSON object`);
    slot.input = input;
    return ok(undefined);
  }
}

function parseToolInput(json: string): Record<string, unknown> | null {
  if (json.trim() === '') return {};
  try {
    const parsed = ToolInput.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The compile-time proof that every event type is handled; at run time, a malformed stream. */
function unknownEvent(value: never): Result<void> {
  return err(`unknown stream element ${JSON.stringify(value)}`);
}
