// The ModelProvider port over the real @anthropic-ai/sdk: one streamed Messages API call (the raw
// event stream of `messages.create({stream: true})`) with an idle watchdog, every failure turned
// into a ProviderError with the partial answer kept.
import Anthropic, { type Middleware } from '@anthropic-ai/sdk';
import type { Logger, LogLevel } from '@anthropic-ai/sdk/client';
import { format } from 'node:util';
import type { ModelRequest } from '../core/model-request.js';
import type { ModelProvider, ProviderError, StreamEvent, StreamOptions, StreamOutcome } from '../core/provider.js';
import { messageOf } from '../core/result.js';
import { IdleWatchdog } from './idle-watchdog.js';
import type { LogSink } from './log-sink.js';
import { providerErrorFrom } from './provider-error.js';
import { toSdkParams } from './sdk-request.js';
import { StreamAccumulator } from './stream-accumulator.js';

export type AnthropicProviderOptions = {
  /** Without one, a placeholder is sent, so the SDK never goes looking for credential files. */
  apiKey?: string | undefined;
  baseURL?: string | undefined;
  /** Receives the SDK's own log lines (never the console). */
  log: LogSink;
  logLevel?: LogLevel;
};

const NO_KEY = 'agentmux-no-key';

/** Streams answers from an Anthropic-compatible endpoint; never throws. */
export class AnthropicProvider implements ModelProvider {
  private readonly client: Anthropic;
  private readonly log: LogSink;

  constructor(options: AnthropicProviderOptions) {
    this.log = options.log;
    this.client = new Anthropic({
      apiKey: options.apiKey ?? NO_KEY,
      ...(options.baseURL === undefined ? {} : { baseURL: options.baseURL }),
      // The controller retries, so the person sees a `retrying` state instead of a silent wait.
      maxRetries: 0,
      logger: sdkLogger(options.log),
      logLevel: options.logLevel ?? 'warn',
    });
  }

  async stream(request: ModelRequest, options: StreamOptions): Promise<StreamOutcome> {
    const accumulator = new StreamAccumulator((event) => this.deliver(options.onEvent, event));
    if (options.signal.aborted) return { kind: 'failed', error: { kind: 'aborted' }, partial: accumulator.partial() };
    const stop = new AbortController();
    const watchdog = new IdleWatchdog(options.idleTimeoutMs, () => stop.abort());
    let malformed: string | undefined;
    let failure: unknown;
    try {
      // The raw event stream (no MessageStream helper): the SDK only splits SSE and parses each
      // event's JSON; the answer is accumulated once, by our accumulator.
      const stream = await this.client.messages.create(
        { ...toSdkParams(request), stream: true },
        { signal: AbortSignal.any([options.signal, stop.signal]), middleware: [activityTap(() => watchdog.touch())] },
      );
      for await (const event of stream) {
        watchdog.touch();
        const applied = accumulator.apply(event);
        if (!applied.ok) {
          malformed = applied.error;
          // Leaving the loop aborts the request (the SDK's iterator closes it in its `finally`).
          break;
        }
      }
    } catch (thrown) {
      failure ??= thrown;
    } finally {
      watchdog.dispose();
    }
    const partial = accumulator.partial();
    const fail = (error: ProviderError): StreamOutcome => ({ kind: 'failed', error, partial });
    if (malformed !== undefined) return fail({ kind: 'malformed', message: malformed });
    if (watchdog.stalled) return fail({ kind: 'stalled', idleMs: options.idleTimeoutMs });
    if (failure === undefined && accumulator.finished) {
      return { kind: 'complete', blocks: partial.blocks, stopReason: accumulator.stop, usage: partial.usage };
    }
    if (options.signal.aborted) return fail({ kind: 'aborted' });
    if (failure === undefined) return fail({ kind: 'network', message: 'the stream ended before message_stop' });
    const error = providerErrorFrom(failure);
    if (error.kind !== 'aborted') this.log(`anthropic: request failed: ${JSON.stringify(error)}`);
    return fail(error);
  }

  /** A listener's fault must not fail the stream; it is logged instead. */
  private deliver(onEvent: (event: StreamEvent) => void, event: StreamEvent): void {
    try {
      onEvent(event);
    } catch (thrown) {
      this.log(`anthropic: stream listener threw: ${messageOf(thrown)}`);
    }
  }
}

/** Calls `onActivity` when the response headers arrive and on every body chunk (pings included). */
function activityTap(onActivity: () => void): Middleware {
  return async (request, next) => {
    const response = await next(request);
    onActivity();
    if (response.body === null) return response;
    return new Response(tappedBody(response.body, onActivity), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/**
 * The body, read chunk by chunk on demand with `onActivity` per chunk: a pull source over the
 * original reader, which costs less per chunk than piping through a TransformStream.
 */
function tappedBody(body: ReadableStream<Uint8Array>, onActivity: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        onActivity();
        controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

function sdkLogger(log: LogSink): Logger {
  const line =
    (level: string) =>
    (message: string, ...rest: unknown[]): void =>
      log(`sdk ${level}: ${format(message, ...rest)}`);
  return { error: line('error'), warn: line('warn'), info: line('info'), debug: line('debug') };
}
