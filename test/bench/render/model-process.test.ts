import { afterEach, describe, expect, it } from 'vitest';
import { startModelProcess, type ModelProcess } from '../../../bench/render/model-process.js';

let model: ModelProcess | undefined;
afterEach(async () => {
  await model?.close();
  model = undefined;
});

/** Reads SSE text deltas from a streamed answer until `count` have arrived, then aborts. */
async function readDeltas(url: string, count: number): Promise<string[]> {
  const abort = new AbortController();
  const response = await fetch(`${url}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'bench', 'anthropic-version': '2023-06-01' },
    body: JSON.stringify({ model: 'claude-sonnet-4-6', max_tokens: 1024, stream: true, messages: [{ role: 'user', content: 'go' }] }),
    signal: abort.signal,
  });
  const body = response.body;
  if (body === null) throw new Error('no body');
  const decoder = new TextDecoder();
  const deltas: string[] = [];
  let buffered = '';
  const reader = body.getReader();
  for (;;) {
    const read = await reader.read();
    if (read.done) break;
    const bytes: unknown = read.value;
    if (!(bytes instanceof Uint8Array)) throw new Error('the body is not bytes');
    buffered += decoder.decode(bytes, { stream: true });
    for (let end = buffered.indexOf('\n\n'); end >= 0; end = buffered.indexOf('\n\n')) {
      const event = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const match = /"text_delta","text":("(?:[^"\\]|\\.)*")/.exec(event);
      if (match?.[1] !== undefined) {
        const text: unknown = JSON.parse(match[1]);
        if (typeof text === 'string') deltas.push(text);
      }
    }
    if (deltas.length >= count) break;
  }
  abort.abort();
  return deltas;
}

describe('the bench model server process', () => {
  it('streams 4-token deltas from its own process and counts the tokens it wrote', async () => {
    model = await startModelProcess({ BENCH_TOKENS_PER_SECOND: '400' });
    expect(model.pid).not.toBe(process.pid);
    const deltas = await readDeltas(model.url, 10);
    expect(deltas.slice(0, 10).every((text) => text.length === 16)).toBe(true);
    const counts = await model.counts();
    expect(counts.requests).toBe(1);
    expect(counts.streaming).toBe(1);
    expect(counts.rejections).toBe(0);
    expect(counts.tokens).toBeGreaterThanOrEqual(40);
    expect(counts.tokens % 4).toBe(0);
    expect((await model.counts(1)).streaming).toBe(0);
  }, 30_000);

  it('paces each answer at the configured tokens per second', async () => {
    model = await startModelProcess({ BENCH_TOKENS_PER_SECOND: '200' });
    const started = performance.now();
    await readDeltas(model.url, 21);
    // 20 intervals of 4 tokens at 200 tokens/s: at least 400 ms, whatever the load.
    expect(performance.now() - started).toBeGreaterThanOrEqual(380);
  }, 30_000);
});
