// The scripted model: a loopback HTTP server speaking the Messages API (SSE with realistic
// multi-token deltas, tool use, faults), so the demo and the tests exercise the real SDK path.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { conversationRuleViolation, MessagesRequestBody } from './request-schema.js';
import type { Fault, ReceivedRequest, Script, ScriptStep } from './script.js';
import { answerBlocks, answerFrames, answerMessage, encodeFrame, errorBody, estimateTokens, newId } from './sse.js';

export type ScriptedModelOptions = { script: Script; host?: string; port?: number };

/** A request answered 400 before reaching the script, with the reason the server gave. */
export type RejectedRequest = { reason: string; body: unknown };

export interface ScriptedModel {
  /** `http://127.0.0.1:PORT`, to pass as the SDK's baseURL. */
  readonly url: string;
  /** Every request that reached the script, in order, with its parsed body. */
  readonly requests: readonly ReceivedRequest[];
  /** Requests answered 400 (bad body or broken conversation rule). */
  readonly rejections: readonly RejectedRequest[];
  /** Streams whose connection the client closed before the answer ended. */
  readonly connectionsClosedEarly: number;
  /** The most requests this server was answering at once (a concurrency cap is counted here). */
  readonly maxInFlight: number;
  /** How many `ping` events the answer to request `index` has written so far. */
  pingsWritten(index: number): number;
  /** How many content deltas the answer to request `index` has written so far. */
  deltasWritten(index: number): number;
  /** Resolves once `condition` holds (checked on every request, delta and close); rejects after `timeoutMs`. */
  waitFor(condition: () => boolean, timeoutMs?: number): Promise<void>;
  /** Resolves once the answer to request `index` has written at least `count` deltas. */
  waitForDeltas(index: number, count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;
const DEFAULT_CONTEXT_WINDOW = 200_000;

/** Starts the scripted model on 127.0.0.1 and a free port. */
export async function startScriptedModel(options: ScriptedModelOptions): Promise<ScriptedModel> {
  const requests: ReceivedRequest[] = [];
  const rejections: RejectedRequest[] = [];
  const deltaCounts: number[] = [];
  const pingCounts: number[] = [];
  let closedEarly = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let closing = false;
  const waiters = new Set<() => void>();
  const changed = (): void => {
    for (const check of [...waiters]) check();
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((thrown: unknown) => {
      if (!res.headersSent) sendJson(res, 500, errorBody('api_error', `scripted model: ${String(thrown)}`));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'POST' || path !== '/v1/messages') {
      sendJson(res, 404, errorBody('not_found_error', `${req.method ?? '?'} ${path ?? ''}: not found`));
      return;
    }
    const raw = await readBody(req);
    const reject = (reason: string, body: unknown): void => {
      rejections.push({ reason, body });
      sendJson(res, 400, errorBody('invalid_request_error', reason));
      changed();
    };
    if (raw === null) return reject('request body too large', null);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return reject('request body is not valid JSON', raw);
    }
    const parsed = MessagesRequestBody.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return reject(`${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid request'}`, json);
    }
    const violation = conversationRuleViolation(parsed.data);
    if (violation !== null) return reject(violation, json);

    const index = requests.length;
    const request: ReceivedRequest = { index, body: parsed.data };
    requests.push(request);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.once('close', () => {
      inFlight -= 1;
      changed();
    });
    deltaCounts[index] = 0;
    changed();
    const step = options.script(request, index);
    const inputTokens = estimateTokens(
      JSON.stringify({ system: parsed.data.system, messages: parsed.data.messages, tools: parsed.data.tools }).length,
    );
    const fault = step.fault;
    if (fault?.kind === 'http') {
      const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
      sendJson(res, fault.status, errorBody(fault.errorType, fault.message ?? defaultMessage(fault.errorType)), headers);
      return;
    }
    if (fault?.kind === 'context-overflow') {
      const maximum = fault.maximumTokens ?? DEFAULT_CONTEXT_WINDOW;
      const tokens = Math.max(inputTokens, maximum + 1);
      sendJson(res, 400, errorBody('invalid_request_error', `prompt is too long: ${tokens} tokens > ${maximum} maximum`));
      return;
    }
    const blocks = answerBlocks(step);
    const context = { messageId: newId('msg'), model: parsed.data.model, inputTokens };
    if (parsed.data.stream !== true) {
      sendJson(res, 200, answerMessage(step, blocks, context));
      return;
    }
    await streamAnswer(res, index, step, answerFrames(step, blocks, context));
  }

  async function streamAnswer(res: ServerResponse, index: number, step: ScriptStep, frames: ReturnType<typeof answerFrames>): Promise<void> {
    const gone = new AbortController();
    let serverEnded = false;
    res.on('close', () => {
      if (!res.writableFinished && !serverEnded && !closing) {
        closedEarly += 1;
      }
      gone.abort();
      changed();
    });
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'request-id': `req_scripted_${index}` });
    res.flushHeaders();
    const write = (text: string): Promise<void> =>
      new Promise((resolve) => {
        if (gone.signal.aborted) resolve();
        else res.write(text, () => resolve());
      });
    const interval = step.pingIntervalMs;
    if (interval !== undefined && interval > 0) {
      const pinger = setInterval(() => {
        void write('event: ping\ndata: {"type": "ping"}\n\n').then(() => {
          pingCounts[index] = (pingCounts[index] ?? 0) + 1;
          changed();
        });
      }, interval);
      gone.signal.addEventListener('abort', () => clearInterval(pinger), { once: true });
      res.once('finish', () => clearInterval(pinger));
    }
    const fault = step.fault;
    let hold = step.hold;
    let deltas = 0;
    for (const frame of frames) {
      if (gone.signal.aborted) return;
      if (hold !== undefined && deltas >= hold.afterDeltas) {
        await Promise.race([hold.until, untilAborted(gone.signal)]);
        hold = undefined;
        if (gone.signal.aborted) return;
      }
      if (fault !== undefined && faultStrikes(fault, deltas, frame.event)) {
        serverEnded = fault.kind !== 'stall';
        await strike(fault, res, write, gone.signal);
        return;
      }
      if (frame.isDelta && deltas > 0 && (step.deltaIntervalMs ?? 0) > 0) {
        await sleep(step.deltaIntervalMs, undefined, { signal: gone.signal }).catch(() => undefined);
        if (gone.signal.aborted) return;
      }
      await write(encodeFrame(frame));
      if (frame.isDelta && !gone.signal.aborted) {
        deltas += 1;
        deltaCounts[index] = deltas;
        changed();
      }
    }
    serverEnded = true;
    res.end();
  }

  function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (!condition()) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`scripted model: condition not met within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  }

  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    requests,
    rejections,
    get connectionsClosedEarly() {
      return closedEarly;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    deltasWritten: (index) => deltaCounts[index] ?? 0,
    pingsWritten: (index) => pingCounts[index] ?? 0,
    waitFor,
    waitForDeltas: (index, count, timeoutMs) => waitFor(() => (deltaCounts[index] ?? 0) >= count, timeoutMs),
    async close() {
      closing = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}

function faultStrikes(fault: Fault, deltas: number, event: string): boolean {
  if (fault.kind === 'http' || fault.kind === 'context-overflow') return false;
  return deltas >= fault.afterDeltas || event === 'message_delta';
}

async function strike(fault: Fault, res: ServerResponse, write: (text: string) => Promise<void>, gone: AbortSignal): Promise<void> {
  switch (fault.kind) {
    case 'error-event': {
      const errorType = fault.errorType ?? 'overloaded_error';
      await write(`event: error\ndata: ${JSON.stringify(errorBody(errorType, fault.message ?? defaultMessage(errorType)))}\n\n`);
      res.end();
      return;
    }
    case 'malformed':
      await write('event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_de\n\n');
      res.end();
      return;
    case 'reset':
      res.socket?.destroy();
      return;
    case 'stall':
      await untilAborted(gone);
      return;
    case 'http':
    case 'context-overflow':
      return;
  }
}

function defaultMessage(errorType: string): string {
  switch (errorType) {
    case 'overloaded_error':
      return 'Overloaded';
    case 'rate_limit_error':
      return 'Number of request tokens has exceeded your per-minute rate limit';
    case 'api_error':
      return 'Internal server error';
    default:
      return errorType;
  }
}

function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (data: Buffer) => {
      size += data.length;
      if (size <= MAX_BODY_BYTES) chunks.push(data);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
