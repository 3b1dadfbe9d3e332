// The wire format of a streamed Messages API answer: the event sequence for one script step,
// and the JSON bodies (messages, errors) the real API sends.
import { randomBytes } from 'node:crypto';
import type { ScriptStep } from './script.js';

/** One SSE event; deltas are counted so faults can strike after the Nth. */
export type SseFrame = { event: string; data: unknown; isDelta: boolean };

export const CHARS_PER_TOKEN = 4;

/** Encodes one frame as SSE text. */
export function encodeFrame(frame: SseFrame): string {
  return `event: ${frame.event}\ndata: ${JSON.stringify(frame.data)}\n\n`;
}

/** A rough token count, the way the demo and tests reason about cost. */
export function estimateTokens(chars: number): number {
  return Math.max(1, Math.ceil(chars / CHARS_PER_TOKEN));
}

/** Splits `text` into pieces of `size` characters (the last may be shorter). */
export function chunk(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += size) pieces.push(text.slice(at, at + size));
  return pieces;
}

/** A fresh id shaped like the real API's, random so ids stay unique across server runs. */
export function newId(prefix: 'msg' | 'toolu'): string {
  return `${prefix}_01${randomBytes(11).toString('hex')}`;
}

/** The real API's JSON error body. */
export function errorBody(errorType: string, message: string): object {
  return { type: 'error', error: { type: errorType, message } };
}

type AnswerBlock =
  | { type: 'text'; text: string }
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

/** The content blocks of a step's answer, with fresh tool ids. */
export function answerBlocks(step: ScriptStep): AnswerBlock[] {
  const blocks: AnswerBlock[] = [];
  if (step.thinking !== undefined && step.thinking !== '') {
    blocks.push({ type: 'thinking', thinking: step.thinking, signature: `sig_${randomBytes(8).toString('hex')}` });
  }
  if (step.text !== undefined && step.text !== '') blocks.push({ type: 'text', text: step.text });
  for (const use of step.toolUses ?? []) blocks.push({ type: 'tool_use', id: newId('toolu'), name: use.name, input: use.input });
  return blocks;
}

function stopReasonOf(step: ScriptStep): string {
  return step.stopReason ?? ((step.toolUses?.length ?? 0) > 0 ? 'tool_use' : 'end_turn');
}

function outputChars(blocks: readonly AnswerBlock[]): number {
  let chars = 0;
  for (const block of blocks) {
    if (block.type === 'text') chars += block.text.length;
    else if (block.type === 'thinking') chars += block.thinking.length;
    else chars += JSON.stringify(block.input).length;
  }
  return chars;
}

type AnswerContext = { messageId: string; model: string; inputTokens: number };

/** The whole event sequence of a streamed answer, pings included. */
export function answerFrames(step: ScriptStep, blocks: readonly AnswerBlock[], context: AnswerContext): SseFrame[] {
  const size = Math.max(1, Math.round((step.tokensPerDelta ?? 4) * CHARS_PER_TOKEN));
  const frames: SseFrame[] = [];
  const frame = (event: string, data: object, isDelta = false): void => {
    frames.push({ event, data: { type: event, ...data }, isDelta });
  };
  frame('message_start', {
    message: {
      id: context.messageId,
      type: 'message',
      role: 'assistant',
      model: context.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: context.inputTokens, output_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    },
  });
  frame('ping', {});
  for (const [index, block] of blocks.entries()) {
    if (block.type === 'text') {
      frame('content_block_start', { index, content_block: { type: 'text', text: '' } });
      for (const text of chunk(block.text, size)) frame('content_block_delta', { index, delta: { type: 'text_delta', text } }, true);
    } else if (block.type === 'thinking') {
      frame('content_block_start', { index, content_block: { type: 'thinking', thinking: '', signature: '' } });
      for (const thinking of chunk(block.thinking, size)) {
        frame('content_block_delta', { index, delta: { type: 'thinking_delta', thinking } }, true);
      }
      frame('content_block_delta', { index, delta: { type: 'signature_delta', signature: block.signature } });
    } else {
      frame('content_block_start', { index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } });
      frame('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: '' } });
      for (const partial_json of chunk(JSON.stringify(block.input), size)) {
        frame('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json } }, true);
      }
    }
    frame('content_block_stop', { index });
  }
  frame('message_delta', {
    delta: { stop_reason: stopReasonOf(step), stop_sequence: null },
    usage: { output_tokens: estimateTokens(outputChars(blocks)) },
  });
  frame('message_stop', {});
  return frames;
}

/** The same answer as one JSON message, for `stream: false`. */
export function answerMessage(step: ScriptStep, blocks: readonly AnswerBlock[], context: AnswerContext): object {
  return {
    id: context.messageId,
    type: 'message',
    role: 'assistant',
    model: context.model,
    content: blocks,
    stop_reason: stopReasonOf(step),
    stop_sequence: null,
    usage: {
      input_tokens: context.inputTokens,
      output_tokens: estimateTokens(outputChars(blocks)),
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    },
  };
}
