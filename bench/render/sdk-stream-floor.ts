// `tsx bench/render/sdk-stream-floor.ts [AGENTS] [WARM-UP S] [WINDOW S]`: the floor under
// agentmux's CPU per token that the SDK and Node's HTTP stack set on their own — a bare client
// reading AGENTS streams from the bench's model server (same process split, same pace, same
// 4 tokens per delta) with the SDK's raw event stream, doing nothing with the text but keep it.
// Its CPU per 1,000 tokens, after the same warm-up as the render bench, is what agentmux cannot
// go under without another HTTP client or parser.
import Anthropic from '@anthropic-ai/sdk';
import { setTimeout as sleep } from 'node:timers/promises';
import { startModelProcess } from './model-process.js';

const agents = Number(process.argv[2] ?? 8);
const warmSeconds = Number(process.argv[3] ?? 15);
const windowSeconds = Number(process.argv[4] ?? 8);
const model = await startModelProcess();
const client = new Anthropic({ apiKey: 'bench-key', baseURL: model.url, maxRetries: 0 });
const stop = new AbortController();
const kept: string[] = Array.from({ length: agents }, () => '');

async function read(agent: number): Promise<void> {
  const stream = await client.messages.create(
    { model: 'bench', max_tokens: 64_000, stream: true, messages: [{ role: 'user', content: 'explain the failing parser test, in detail' }] },
    { signal: stop.signal },
  );
  for await (const event of stream) {
    if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') kept[agent] += event.delta.text;
  }
}

try {
  const readers = Array.from({ length: agents }, (_, agent) => read(agent).catch(() => undefined));
  await sleep(warmSeconds * 1000);
  const before = { cpu: process.cpuUsage(), tokens: (await model.counts()).tokens };
  await sleep(windowSeconds * 1000);
  const used = process.cpuUsage(before.cpu);
  const tokens = (await model.counts()).tokens - before.tokens;
  const ms = (used.user + used.system) / 1000;
  console.log(
    `bare SDK client, ${agents} streams, after ${warmSeconds} s: ${((ms * 1000) / tokens).toFixed(1)} ms CPU per 1,000 tokens (${tokens} tokens, ${(tokens / windowSeconds / agents).toFixed(0)} tok/s/stream; ${kept.reduce((sum, text) => sum + text.length, 0)} chars kept)`,
  );
  stop.abort();
  await Promise.all(readers);
} finally {
  await model.close();
}
