// The model port: core asks for one streamed answer; adapters speak HTTP.
import type { AssistantBlock, Usage } from './entry.js';
import type { ModelRequest } from './model-request.js';

/** What arrives while an answer streams; `index` is the content block's position. */
export type StreamEvent =
  | { type: 'text'; index: number; text: string }
  | { type: 'thinking'; index: number; text: string }
  | { type: 'tool-start'; index: number; id: string; name: string }
  | { type: 'tool-input'; index: number; partialJson: string }
  | { type: 'usage'; usage: Usage };

/** Failures a provider reports, told apart so the controller can retry or stop. */
export type ProviderError =
  | { kind: 'aborted' }
  | { kind: 'stalled'; idleMs: number }
  | { kind: 'overloaded'; status: number; message: string }
  | { kind: 'rate-limited'; status: number; message: string; retryAfterMs?: number }
  | { kind: 'server'; status: number; message: string }
  | { kind: 'network'; message: string }
  | { kind: 'stream-error'; errorType: string; message: string }
  | { kind: 'malformed'; message: string }
  | { kind: 'context-overflow'; message: string }
  | { kind: 'auth'; status: number; message: string }
  | { kind: 'invalid-request'; status: number; message: string };

/** Whatever had arrived when a stream failed, kept so nothing is lost. */
export type PartialAnswer = { blocks: AssistantBlock[]; usage: Usage };

export type StreamOutcome =
  | { kind: 'complete'; blocks: AssistantBlock[]; stopReason: string | null; usage: Usage }
  | { kind: 'failed'; error: ProviderError; partial: PartialAnswer };

export type StreamOptions = {
  signal: AbortSignal;
  onEvent: (event: StreamEvent) => void;
  /** Abort when no stream event arrives for this long (the SDK never times out a stall). */
  idleTimeoutMs: number;
};

/** One streamed model call. Never throws: every failure is a `failed` outcome. */
export interface ModelProvider {
  stream(request: ModelRequest, options: StreamOptions): Promise<StreamOutcome>;
}

/** True for faults worth sending the identical request again. */
export function isRetriable(error: ProviderError): boolean {
  switch (error.kind) {
    case 'stalled':
    case 'overloaded':
    case 'rate-limited':
    case 'server':
    case 'network':
    case 'stream-error':
    case 'malformed':
      return true;
    case 'aborted':
    case 'context-overflow':
    case 'auth':
    case 'invalid-request':
      return false;
  }
}

/** One line a person can read in a pane title or the status bar. */
export function describeProviderError(error: ProviderError): string {
  switch (error.kind) {
    case 'aborted':
      return 'aborted';
    case 'stalled':
      return `stream stalled (no event for ${Math.round(error.idleMs / 1000)} s)`;
    case 'overloaded':
      return `overloaded (${error.status}): ${error.message}`;
    case 'rate-limited':
      return `rate limited (${error.status}): ${error.message}`;
    case 'server':
      return `server error (${error.status}): ${error.message}`;
    case 'network':
      return `network: ${error.message}`;
    case 'stream-error':
      return `stream error (${error.errorType}): ${error.message}`;
    case 'malformed':
      return `malformed stream: ${error.message}`;
    case 'context-overflow':
      return `context window exceeded: ${error.message}`;
    case 'auth':
      return `authentication failed (${error.status}): ${error.message}`;
    case 'invalid-request':
      return `request rejected (${error.status}): ${error.message}`;
  }
}
