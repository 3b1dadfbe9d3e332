import { afterEach, describe, expect, it } from 'vitest';
import { AnthropicProvider } from '../../src/adapters/anthropic-provider.js';
import { startScriptedModel, type ScriptedModel } from '../../src/adapters/scripted-model/server.js';
import { queueScript, type ScriptStep } from '../../src/adapters/scripted-model/script.js';
import type { ModelRequest, ToolSpec } from '../../src/core/model-request.js';
import type { StreamEvent, StreamOutcome } from '../../src/core/provider.js';

const readFileSpec: ToolSpec = {
  name: 'read_file',
  description: 'Reads a file.',
  inputSchema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
  effect: 'read',
};

const request: ModelRequest = {
  model: 'claude-sonnet-4-6',
  maxTokens: 1024,
  system: [{ type: 'text', text: 'You are alpha.', cache_control: { type: 'ephemeral' } }],
  messages: [{ role: 'user', content: [{ type: 'text', text: 'What does parser.ts do?' }] }],
  tools: [readFileSpec],
};

let model: ScriptedModel | undefined;
const logLines: string[] = [];

afterEach(async () => {
  await model?.close();
  model = undefined;
  logLines.length = 0;
});

async function setUp(steps: ScriptStep[]): Promise<{ model: ScriptedModel; provider: AnthropicProvider }> {
  model = await startScriptedModel({ script: queueScript(steps) });
  const provider = new AnthropicProvider({ apiKey: 'test-key', baseURL: model.url, log: (line) => logLines.push(line) });
  return { model, provider };
}

function run(
  provider: AnthropicProvider,
  options: { signal?: AbortSignal; idleTimeoutMs?: number } = {},
): { events: StreamEvent[]; outcome: Promise<StreamOutcome> } {
  const events: StreamEvent[] = [];
  const outcome = provider.stream(request, {
    signal: options.signal ?? new AbortController().signal,
    onEvent: (event) => events.push(event),
    idleTimeoutMs: options.idleTimeoutMs ?? 5000,
  });
  return { events, outcome };
}

function textOf(outcome: StreamOutcome): string {
  const blocks = outcome.kind === 'complete' ? outcome.blocks : outcome.partial.blocks;
  return blocks.map((block) => (block.type === 'text' ? block.text : '')).join('');
}

const answer = 'The parser splits the input into amount-unit pairs and sums their seconds.';

describe('AnthropicProvider over the scripted model', () => {
  it('streams a complete text answer in multi-token deltas with usage', async () => {
    const { provider } = await setUp([{ text: answer }]);
    const { events, outcome } = run(provider);
    const result = await outcome;
    expect(result).toMatchObject({ kind: 'complete', stopReason: 'end_turn', blocks: [{ type: 'text', text: answer }] });
    const deltas = events.filter((event) => event.type === 'text');
    expect(deltas.length).toBe(Math.ceil(answer.length / 16));
    expect(result.kind === 'complete' && result.usage.inputTokens).toBeGreaterThan(10);
    expect(result.kind === 'complete' && result.usage.outputTokens).toBe(Math.ceil(answer.length / 4));
  });

  it('returns a tool_use answer with its input parsed from the streamed JSON pieces', async () => {
    const input = { path: 'src/parser.ts', offset: 1, limit: 200 };
    const { provider } = await setUp([{ text: 'Let me read it.', toolUses: [{ name: 'read_file', input }] }]);
    const { events, outcome } = run(provider);
    const result = await outcome;
    expect(result.kind).toBe('complete');
    if (result.kind !== 'complete') return;
    expect(result.stopReason).toBe('tool_use');
    expect(result.blocks[1]).toMatchObject({ type: 'tool_use', name: 'read_file', input });
    expect(events.filter((event) => event.type === 'tool-input').length).toBeGreaterThan(1);
    expect(events.some((event) => event.type === 'tool-start' && event.name === 'read_file')).toBe(true);
  });

  it('keeps a thinking block with its signature before the text', async () => {
    const { provider } = await setUp([{ thinking: 'The user wants the parser explained.', text: 'It parses.' }]);
    const { events, outcome } = run(provider);
    const result = await outcome;
    expect(result.kind === 'complete' && result.blocks.map((block) => block.type)).toEqual(['thinking', 'text']);
    const thinking = result.kind === 'complete' ? result.blocks[0] : undefined;
    expect(thinking?.type === 'thinking' && thinking.thinking).toBe('The user wants the parser explained.');
    expect(thinking?.type === 'thinking' && thinking.signature).toMatch(/^sig_/);
    expect(events.filter((event) => event.type === 'thinking').length).toBeGreaterThan(1);
  });

  it('sends the request the server records, messages and tools exactly', async () => {
    const { model, provider } = await setUp([{ text: 'ok' }]);
    await run(provider).outcome;
    expect(model.requests).toHaveLength(1);
    const body = model.requests[0]?.body;
    expect(body?.messages).toEqual(request.messages);
    expect(body?.system).toEqual(request.system);
    expect(body?.tools).toEqual([{ name: 'read_file', description: 'Reads a file.', input_schema: readFileSpec.inputSchema }]);
    expect(body?.max_tokens).toBe(1024);
    expect(body?.stream).toBe(true);
  });

  it('reports 529 as overloaded after exactly one request (no SDK retries)', async () => {
    const { model, provider } = await setUp([{ fault: { kind: 'http', status: 529, errorType: 'overloaded_error' } }]);
    const result = await run(provider).outcome;
    expect(result).toMatchObject({ kind: 'failed', error: { kind: 'overloaded', status: 529, message: 'Overloaded' } });
    expect(model.requests).toHaveLength(1);
  });

  it('reports 429 as rate-limited with its retry-after', async () => {
    const { model, provider } = await setUp([
      { fault: { kind: 'http', status: 429, errorType: 'rate_limit_error', retryAfterSeconds: 7 } },
    ]);
    const result = await run(provider).outcome;
    expect(result).toMatchObject({ kind: 'failed', error: { kind: 'rate-limited', status: 429, retryAfterMs: 7000 } });
    expect(model.requests).toHaveLength(1);
  });

  it('reports an SSE error event mid-stream as stream-error and keeps the partial text', async () => {
    const { provider } = await setUp([{ text: answer, fault: { kind: 'error-event', afterDeltas: 2 } }]);
    const result = await run(provider).outcome;
    expect(result).toMatchObject({ kind: 'failed', error: { kind: 'stream-error', errorType: 'overloaded_error' } });
    expect(textOf(result)).toBe(answer.slice(0, 32));
  });

  it('declares a stall after headers once the idle timeout passes with no delta, and closes the connection', async () => {
    // The server never sends another byte: only the watchdog can end this call (speed: npm run bench).
    const { model, provider } = await setUp([{ text: answer, fault: { kind: 'stall', afterDeltas: 0 } }]);
    const result = await run(provider, { idleTimeoutMs: 300 }).outcome;
    expect(result).toMatchObject({ kind: 'failed', error: { kind: 'stalled', idleMs: 300 } });
    await model.waitFor(() => model.connectionsClosedEarly === 1);
  });

  it('keeps a stream that trickles slower than nothing-at-all alive: deltas reset the watchdog', async () => {
    // 16 deltas 250 ms apart: the stream lasts twice the idle limit, each gap an eighth of it (a
    // loaded machine's late headers or a slow tick stay far inside the limit).
    const long = answer.repeat(4).slice(0, 256);
    const { model, provider } = await setUp([{ text: long, deltaIntervalMs: 250 }]);
    const result = await run(provider, { idleTimeoutMs: 2000 }).outcome;
    expect(result.kind).toBe('complete');
    expect(model.deltasWritten(0)).toBeGreaterThanOrEqual(16);
  });

  it('keeps a stream alive through a long pause while pings arrive', async () => {
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    // Pings every 200 ms through a pause of 15 of them: 1.5 times the idle limit, each gap a tenth of it.
    const { model, provider } = await setUp([{ text: answer, pingIntervalMs: 200, hold: { afterDeltas: 1, until: released } }]);
    const { outcome } = run(provider, { idleTimeoutMs: 2000 });
    void model.waitFor(() => model.pingsWritten(0) >= 15, 20_000).then(release);
    const result = await outcome;
    expect(result.kind).toBe('complete');
    expect(model.pingsWritten(0)).toBeGreaterThanOrEqual(15);
  });

  it('reports a reset mid-stream as network with the partial text', async () => {
    const { provider } = await setUp([{ text: answer, fault: { kind: 'reset', afterDeltas: 3 } }]);
    const result = await run(provider).outcome;
    expect(result).toMatchObject({ kind: 'failed', error: { kind: 'network' } });
    expect(textOf(result)).toBe(answer.slice(0, 48));
  });

  it('reports a garbage SSE line as malformed', async () => {
    const { provider } = await setUp([{ text: answer, fault: { kind: 'malformed', afterDeltas: 1 } }]);
    const result = await run(provider).outcome;
    expect(result).toMatchObject({ kind: 'failed', error: { kind: 'malformed' } });
    expect(textOf(result)).toBe(answer.slice(0, 16));
  });

  it('reports "prompt is too long" as context-overflow', async () => {
    const { provider } = await setUp([{ fault: { kind: 'context-overflow' } }]);
    const result = await run(provider).outcome;
    expect(result).toMatchObject({ kind: 'failed', error: { kind: 'context-overflow' } });
    if (result.kind === 'failed' && result.error.kind === 'context-overflow') {
      expect(result.error.message).toMatch(/prompt is too long: \d+ tokens > 200000 maximum/);
    }
  });

  it('reports 401 as auth and other 4xx as invalid-request', async () => {
    const { provider } = await setUp([
      { fault: { kind: 'http', status: 401, errorType: 'authentication_error' } },
      { fault: { kind: 'http', status: 404, errorType: 'not_found_error' } },
      { fault: { kind: 'http', status: 500, errorType: 'api_error' } },
    ]);
    expect((await run(provider).outcome)).toMatchObject({ kind: 'failed', error: { kind: 'auth', status: 401 } });
    expect((await run(provider).outcome)).toMatchObject({ kind: 'failed', error: { kind: 'invalid-request', status: 404 } });
    expect((await run(provider).outcome)).toMatchObject({ kind: 'failed', error: { kind: 'server', status: 500 } });
  });

  it('aborts mid-stream on the caller signal, keeps the partial and the server sees the close', async () => {
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const { model, provider } = await setUp([{ text: answer, toolUses: [{ name: 'read_file', input: { path: 'a.ts' } }], hold: { afterDeltas: 2, until: released } }]);
    const controller = new AbortController();
    let received = 0;
    const outcome = provider.stream(request, {
      signal: controller.signal,
      idleTimeoutMs: 5000,
      onEvent: (event) => {
        if (event.type === 'text' && ++received === 2) controller.abort();
      },
    });
    await model.waitForDeltas(0, 2);
    const result = await outcome;
    release();
    expect(result).toMatchObject({ kind: 'failed', error: { kind: 'aborted' } });
    expect(textOf(result)).toBe(answer.slice(0, 32));
    await model.waitFor(() => model.connectionsClosedEarly === 1);
  });

  it('drops a tool call whose input JSON was cut off from the partial', async () => {
    const input = { path: 'src/parser.ts', pattern: 'x'.repeat(40) };
    const { provider } = await setUp([{ text: 'Reading.', toolUses: [{ name: 'read_file', input }], fault: { kind: 'reset', afterDeltas: 3 } }]);
    const result = await run(provider).outcome;
    expect(result.kind).toBe('failed');
    if (result.kind !== 'failed') return;
    expect(result.partial.blocks).toEqual([{ type: 'text', text: 'Reading.' }]);
  });

  it('does not send anything when the signal is already aborted', async () => {
    const { model, provider } = await setUp([{ text: 'never' }]);
    const controller = new AbortController();
    controller.abort();
    const result = await run(provider, { signal: controller.signal }).outcome;
    expect(result).toMatchObject({ kind: 'failed', error: { kind: 'aborted' } });
    expect(model.requests).toHaveLength(0);
  });
});
