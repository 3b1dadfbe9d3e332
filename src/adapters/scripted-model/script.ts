// What the scripted model answers: one step per request, chosen by a script function.
import type { MessagesRequestBody } from './request-schema.js';

/** A way for a request to fail, modelled on what real endpoints do. */
export type Fault =
  /** An HTTP error with the real API's JSON error body (529 overloaded_error, 429 rate_limit_error…). */
  | { kind: 'http'; status: number; errorType: string; message?: string; retryAfterSeconds?: number }
  /** An SSE `event: error` after `afterDeltas` deltas, then the response ends. */
  | { kind: 'error-event'; afterDeltas: number; errorType?: string; message?: string }
  /** Headers and `afterDeltas` deltas, then silence with the connection kept open. */
  | { kind: 'stall'; afterDeltas: number }
  /** The socket is destroyed after `afterDeltas` deltas. */
  | { kind: 'reset'; afterDeltas: number }
  /** A garbage SSE data line after `afterDeltas` deltas, then the response ends. */
  | { kind: 'malformed'; afterDeltas: number }
  /** 400 invalid_request_error "prompt is too long: N tokens > M maximum". */
  | { kind: 'context-overflow'; maximumTokens?: number };

export type ScriptedToolUse = { name: string; input: Record<string, unknown> };

/** One answer. Without a fault it streams `text`, then the tool uses, then stops. */
export type ScriptStep = {
  text?: string;
  thinking?: string;
  toolUses?: ScriptedToolUse[];
  /** Defaults to 'tool_use' when there are tool uses, else 'end_turn'. */
  stopReason?: 'end_turn' | 'tool_use' | 'max_tokens' | 'stop_sequence';
  /** About 4 characters per token; real streams send ~4 tokens per delta. */
  tokensPerDelta?: number;
  /** Delay between deltas; 0 writes them as fast as the socket takes them. */
  deltaIntervalMs?: number;
  /** After `afterDeltas` deltas, write nothing more until `until` settles (lets a test act mid-stream). */
  hold?: { afterDeltas: number; until: Promise<void> };
  /** While the answer streams, also send `ping` events this often (real servers ping every few seconds). */
  pingIntervalMs?: number;
  fault?: Fault;
};

/** A request as the script sees it: the parsed body and its position among scripted requests. */
export type ReceivedRequest = { index: number; body: MessagesRequestBody };

export type Script = (request: ReceivedRequest, index: number) => ScriptStep;

/** The step for a request the script has no answer for: a loud 500, never a silent default. */
export const exhaustedStep: ScriptStep = {
  fault: { kind: 'http', status: 500, errorType: 'api_error', message: 'scripted model: the script has no step left' },
};

/** A script that answers requests with `steps` in order; after the last it fails loudly. */
export function queueScript(steps: readonly ScriptStep[]): Script {
  return (_request, index) => steps[index] ?? exhaustedStep;
}
