// Tells SDK failures apart (DESIGN.md §7): each becomes a ProviderError kind the controller
// can retry, stop on, or show.
import { AnthropicError, APIConnectionError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type { ProviderError } from '../core/provider.js';
import { messageOf } from '../core/result.js';

/** Maps anything the SDK threw (or emitted) to a ProviderError. */
export function providerErrorFrom(thrown: unknown): ProviderError {
  if (thrown instanceof APIUserAbortError) return { kind: 'aborted' };
  if (thrown instanceof APIConnectionError) return { kind: 'network', message: describeCause(thrown) };
  if (thrown instanceof APIError) return fromApiError(thrown);
  if (thrown instanceof SyntaxError) return { kind: 'malformed', message: thrown.message };
  if (thrown instanceof AnthropicError) {
    // The SDK wraps what broke mid-stream: a JSON.parse of an SSE line, or the socket.
    if (thrown.cause instanceof SyntaxError) return { kind: 'malformed', message: thrown.cause.message };
    if (thrown.cause !== undefined) return { kind: 'network', message: describeCause(thrown) };
    return { kind: 'malformed', message: thrown.message };
  }
  return { kind: 'network', message: describeCause(thrown) };
}

function fromApiError<Status extends number | undefined, H extends Headers | undefined, Body extends object | undefined>(
  error: APIError<Status, H, Body>,
): ProviderError {
  const message = error.apiMessage ?? error.message;
  const status: number | undefined = error.status;
  // An SSE `event: error` has no HTTP status: the response had started with 200.
  if (status === undefined) return { kind: 'stream-error', errorType: error.type ?? 'unknown', message };
  if (status === 429) {
    const retryAfterMs = retryAfterMsOf(error.headers);
    return retryAfterMs === undefined
      ? { kind: 'rate-limited', status, message }
      : { kind: 'rate-limited', status, message, retryAfterMs };
  }
  if (status === 529 || error.type === 'overloaded_error') return { kind: 'overloaded', status, message };
  if (status === 400 && /prompt is too long/i.test(message)) return { kind: 'context-overflow', message };
  if (status === 401 || status === 403) return { kind: 'auth', status, message };
  if (status >= 500) return { kind: 'server', status, message };
  return { kind: 'invalid-request', status, message };
}

/** `retry-after-ms`, or `retry-after` in seconds or as an HTTP date. */
function retryAfterMsOf(headers: Headers | undefined): number | undefined {
  const ms = Number(headers?.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after');
  if (value === null || value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** The message with its causes, e.g. "terminated (other side closed)". */
function describeCause(thrown: unknown): string {
  const parts = [messageOf(thrown)];
  let cause: unknown = thrown instanceof Error ? thrown.cause : undefined;
  for (let depth = 0; cause !== undefined && depth < 3; depth += 1) {
    parts.push(messageOf(cause));
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  // The SDK's "Connection error." ends in a full stop; joined, it would read "error.: fetch failed".
  return parts.map((part, index) => (index < parts.length - 1 ? part.replace(/\.$/u, '') : part)).join(': ');
}
