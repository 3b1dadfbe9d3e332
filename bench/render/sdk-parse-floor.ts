// `tsx bench/render/sdk-parse-floor.ts [EVENTS]`: the floor under agentmux's CPU per token that
// is the SDK's alone — CPU per streamed event for the SDK's raw Stream (SSE split + JSON.parse)
// and for the MessageStream helper it replaced, fed from memory (no socket, no agentmux).
import { Stream } from '@anthropic-ai/sdk/core/streaming';
import { MessageStream } from '@anthropic-ai/sdk/lib/MessageStream';
import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';

const events = Number(process.argv[2] ?? 20_000);
const TOKENS_PER_DELTA = 4;

function sseBody(): string {
  const lines: string[] = [];
  const event = (name: string, data: unknown): void => {
    lines.push(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  event('message_start', {
    type: 'message_start',
    message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'bench', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 10, output_tokens: 1 } },
  });
  event('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
  for (let i = 0; i < events; i++) event('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'the parser drops ' } });
  event('content_block_stop', { type: 'content_block_stop', index: 0 });
  event('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: events * TOKENS_PER_DELTA } });
  event('message_stop', { type: 'message_stop' });
  return lines.join('');
}

/** A Response whose body arrives in chunks of one SSE event each (as the model server writes them). */
function response(body: string): Response {
  const chunks = body.split(/(?<=\n\n)/u).map((part) => new TextEncoder().encode(part));
  let index = 0;
  return new Response(
    new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks[index++];
        if (chunk === undefined) controller.close();
        else controller.enqueue(chunk);
      },
    }),
    { headers: { 'content-type': 'text/event-stream' } },
  );
}

async function measure(name: string, consume: (res: Response) => Promise<void>): Promise<void> {
  const body = sseBody();
  const start = process.cpuUsage();
  await consume(response(body));
  const used = process.cpuUsage(start);
  const perEvent = (used.user + used.system) / events;
  console.log(`${name}: ${perEvent.toFixed(1)} µs CPU per delta event = ${((perEvent * 1000) / TOKENS_PER_DELTA / 1000).toFixed(1)} ms per 1,000 tokens at ${TOKENS_PER_DELTA} tokens/delta`);
}

for (let round = 0; round < 3; round++) {
  await measure('raw Stream (SSE + JSON.parse)', async (res) => {
    for await (const event of Stream.fromSSEResponse<RawMessageStreamEvent>(res, new AbortController())) void event;
  });
  await measure('MessageStream helper         ', async (res) => {
    const stream = MessageStream.fromReadableStream(Stream.fromSSEResponse<RawMessageStreamEvent>(res, new AbortController()).toReadableStream());
    for await (const event of stream) void event;
  });
}
