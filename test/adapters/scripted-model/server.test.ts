import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startScriptedModel, type ScriptedModel } from '../../../src/adapters/scripted-model/server.js';
import { queueScript } from '../../../src/adapters/scripted-model/script.js';

let model: ScriptedModel | undefined;
afterEach(async () => {
  await model?.close();
  model = undefined;
});

async function post(body: unknown): Promise<{ status: number; json: unknown }> {
  if (model === undefined) throw new Error('no model');
  const response = await fetch(`${model.url}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

const ErrorBody = z.object({ type: z.literal('error'), error: z.object({ type: z.string(), message: z.string() }) });
const errorOf = (json: unknown) => ErrorBody.parse(json).error;

const user = (text: string) => ({ role: 'user', content: [{ type: 'text', text }] });
const toolUse = (id: string) => ({ type: 'tool_use', id, name: 'read_file', input: { path: 'a.ts' } });
const toolResult = (id: string) => ({ type: 'tool_result', tool_use_id: id, content: 'x' });
const base = { model: 'claude-sonnet-4-6', max_tokens: 100 };

describe('scripted model request rules', () => {
  const cases: [string, unknown[], RegExp][] = [
    ['a first message from the assistant', [{ role: 'assistant', content: 'hi' }, user('x')], /first message/],
    ['two consecutive user messages', [user('a'), user('b')], /consecutive "user"/],
    ['an empty text block', [user('')], /non-whitespace/],
    ['a last message from the assistant', [user('a'), { role: 'assistant', content: 'b' }], /final message/],
    ['a tool_use without a result in the next message', [user('a'), { role: 'assistant', content: [toolUse('t1')] }, user('b')], /without tool_result/],
    ['a tool_result after text', [user('a'), { role: 'assistant', content: [toolUse('t1')] }, { role: 'user', content: [{ type: 'text', text: 'n' }, toolResult('t1')] }], /must come first/],
    [
      'duplicate tool_use ids',
      [user('a'), { role: 'assistant', content: [toolUse('t1')] }, { role: 'user', content: [toolResult('t1')] }, { role: 'assistant', content: [toolUse('t1')] }, { role: 'user', content: [toolResult('t1')] }],
      /duplicate id t1/,
    ],
    ['a result for an unknown tool_use', [user('a'), { role: 'assistant', content: 'b' }, { role: 'user', content: [toolResult('nope')] }], /unexpected tool_use_id/],
  ];
  for (const [what, messages, reason] of cases) {
    it(`rejects ${what} with 400 invalid_request_error and never runs the script`, async () => {
      model = await startScriptedModel({ script: queueScript([{ text: 'ok' }]) });
      const { status, json } = await post({ ...base, messages });
      expect(status).toBe(400);
      expect(errorOf(json).type).toBe('invalid_request_error');
      expect(errorOf(json).message).toMatch(reason);
      expect(model.requests).toHaveLength(0);
      expect(model.rejections).toHaveLength(1);
    });
  }

  it('rejects a body without max_tokens', async () => {
    model = await startScriptedModel({ script: queueScript([]) });
    const { status, json } = await post({ model: 'm', messages: [user('a')] });
    expect(status).toBe(400);
    expect(errorOf(json).type).toBe('invalid_request_error');
    expect(errorOf(json).message).toMatch(/max_tokens/);
  });

  it('accepts a valid tool round with a nudge after the results', async () => {
    model = await startScriptedModel({ script: queueScript([{ text: 'fine' }]) });
    const messages = [user('a'), { role: 'assistant', content: [toolUse('t1')] }, { role: 'user', content: [toolResult('t1'), { type: 'text', text: 'nudge' }] }];
    const { status } = await post({ ...base, messages });
    expect(status).toBe(200);
    expect(model.requests[0]?.body.messages).toEqual(messages);
  });
});

describe('scripted model answers', () => {
  it('answers stream:false with one JSON message', async () => {
    model = await startScriptedModel({ script: queueScript([{ text: 'Hello there.', toolUses: [{ name: 'grep', input: { pattern: 'TODO' } }] }]) });
    const { status, json } = await post({ ...base, messages: [user('hi')] });
    expect(status).toBe(200);
    expect(json).toMatchObject({
      type: 'message',
      role: 'assistant',
      stop_reason: 'tool_use',
      content: [{ type: 'text', text: 'Hello there.' }, { type: 'tool_use', name: 'grep', input: { pattern: 'TODO' } }],
      usage: { output_tokens: 8, cache_read_input_tokens: 0 }, // (12 + 18 characters) / 4
    });
  });

  it('fails loudly with a 500 once the script has no step left', async () => {
    model = await startScriptedModel({ script: queueScript([]) });
    const { status, json } = await post({ ...base, messages: [user('hi')] });
    expect(status).toBe(500);
    expect(errorOf(json).type).toBe('api_error');
    expect(errorOf(json).message).toMatch(/no step left/);
  });

  it('streams ~16-character text deltas and counts them for waiters', async () => {
    const text = 'x'.repeat(100);
    model = await startScriptedModel({ script: queueScript([{ text }]) });
    const response = await fetch(`${model.url}/v1/messages`, { method: 'POST', body: JSON.stringify({ ...base, stream: true, messages: [user('hi')] }) });
    const sse = await response.text();
    const deltas = [...sse.matchAll(/"text_delta","text":"(x+)"/g)].map((match) => match[1]?.length);
    expect(deltas).toEqual([16, 16, 16, 16, 16, 16, 4]);
    await model.waitForDeltas(0, 7);
    expect(sse.indexOf('event: message_stop')).toBeGreaterThan(sse.indexOf('"stop_reason":"end_turn"'));
    expect(sse).toContain('event: ping');
  });
});
