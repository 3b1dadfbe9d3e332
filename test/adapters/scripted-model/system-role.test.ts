import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  startScriptedModel,
  type ScriptedModel,
} from '../../../src/adapters/scripted-model/server.js';
import { queueScript } from '../../../src/adapters/scripted-model/script.js';

let model: ScriptedModel | undefined;
afterEach(async () => {
  await model?.close();
  model = undefined;
});

const ErrorBody = z.object({
  type: z.literal('error'),
  error: z.object({ type: z.string(), message: z.string() }),
});

describe('scripted model and a "system" role inside messages', () => {
  // Claude Code sends one (the mid-conversation-system beta) and, on this real-API wording,
  // resends the request without it (it checks for "Unexpected role" and "input message role").
  it('rejects it with 400 worded like the real API, naming the message', async () => {
    model = await startScriptedModel({ script: queueScript([{ text: 'ok' }]) });
    const response = await fetch(`${model.url}/v1/messages?beta=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'claude-opus-4-8',
        max_tokens: 100,
        messages: [
          { role: 'user', content: 'hello' },
          { role: 'system', content: 'Available agent types…' },
        ],
      }),
    });
    expect(response.status).toBe(400);
    const { error } = ErrorBody.parse(await response.json());
    expect(error.type).toBe('invalid_request_error');
    expect(error.message).toMatch(/^messages\.1\.role: Unexpected role "system"\./);
    expect(error.message).toContain('input message role');
    expect(model.requests).toHaveLength(0);
  });

  it('still rejects any other unknown role with the schema message', async () => {
    model = await startScriptedModel({ script: queueScript([{ text: 'ok' }]) });
    const response = await fetch(`${model.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'm',
        max_tokens: 100,
        messages: [{ role: 'tool', content: 'x' }],
      }),
    });
    const { error } = ErrorBody.parse(await response.json());
    expect(error.message).toMatch(/^messages\.0\.role: /);
    expect(error.message).not.toContain('Unexpected role');
  });
});
