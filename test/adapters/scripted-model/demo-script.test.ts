import { afterEach, describe, expect, it } from 'vitest';
import { AnthropicProvider } from '../../../src/adapters/anthropic-provider.js';
import { demoScript } from '../../../src/adapters/scripted-model/demo-script.js';
import { startScriptedModel, type ScriptedModel } from '../../../src/adapters/scripted-model/server.js';
import type { RequestMessage } from '../../../src/core/model-request.js';
import type { StreamOutcome } from '../../../src/core/provider.js';

let model: ScriptedModel | undefined;
afterEach(async () => {
  await model?.close();
  model = undefined;
});

const LISTING = 'README.md\npackage.json\nsrc/format.ts\nsrc/index.ts\nsrc/parser.ts\nsrc/units.ts\ntest/parser.test.ts';
const fakeTool = (name: string): string => {
  if (name === 'list_files') return LISTING;
  if (name === 'read_file') return '1\t// Turns text like "1h 30m" into seconds.\n2\timport { SECONDS_PER_UNIT } from "./units.js";';
  return 'src/parser.ts:17:    // TODO: reject unknown units';
};

async function ask(provider: AnthropicProvider, messages: RequestMessage[]): Promise<Extract<StreamOutcome, { kind: 'complete' }>> {
  const outcome = await provider.stream(
    { model: 'claude-sonnet-4-6', maxTokens: 1000, system: [{ type: 'text', text: 'You are agent alpha.' }], messages, tools: [] },
    { signal: new AbortController().signal, onEvent: () => undefined, idleTimeoutMs: 5000 },
  );
  if (outcome.kind !== 'complete') throw new Error(`stream failed: ${JSON.stringify(outcome.error)}`);
  return outcome;
}

/** Runs the agent loop with fake tool results until end_turn; returns the tool calls in order. */
async function runTurn(provider: AnthropicProvider, messages: RequestMessage[], nudge?: string): Promise<{ calls: { name: string; input: unknown }[]; texts: string[] }> {
  const calls: { name: string; input: unknown }[] = [];
  const texts: string[] = [];
  for (let round = 0; round < 10; round += 1) {
    const answer = await ask(provider, messages);
    messages.push({ role: 'assistant', content: answer.blocks.flatMap((b) => (b.type === 'thinking' ? [] : [b])) });
    texts.push(answer.blocks.map((b) => (b.type === 'text' ? b.text : '')).join(''));
    const uses = answer.blocks.flatMap((b) => (b.type === 'tool_use' ? [b] : []));
    if (answer.stopReason === 'end_turn') return { calls, texts };
    expect(answer.stopReason).toBe('tool_use');
    calls.push(...uses.map((use) => ({ name: use.name, input: use.input })));
    messages.push({
      role: 'user',
      content: [
        ...uses.map((use) => ({ type: 'tool_result' as const, tool_use_id: use.id, content: fakeTool(use.name) })),
        ...(round === 0 && nudge !== undefined ? [{ type: 'text' as const, text: nudge }] : []),
      ],
    });
  }
  throw new Error('the demo script never ended its turn');
}

describe('demo script', () => {
  it('runs a tool loop on its own results: list, read a listed file, grep, then an end_turn summary', async () => {
    model = await startScriptedModel({ script: demoScript() });
    const provider = new AnthropicProvider({ apiKey: 'k', baseURL: model.url, log: () => undefined });
    const messages: RequestMessage[] = [{ role: 'user', content: [{ type: 'text', text: 'Why does "1.5h" parse wrong?' }] }];
    const { calls, texts } = await runTurn(provider, messages);
    expect(calls.map((call) => call.name)).toEqual(['list_files', 'read_file', 'grep']);
    expect(calls[1]?.input).toEqual({ path: 'src/parser.ts' });
    expect(texts.at(-1)).toMatch(/parseInt/);
    expect(model.requests).toHaveLength(4);
  });

  it('acknowledges a nudge that joined the turn, and answers a follow-up turn', async () => {
    model = await startScriptedModel({ script: demoScript() });
    const provider = new AnthropicProvider({ apiKey: 'k', baseURL: model.url, log: () => undefined });
    const messages: RequestMessage[] = [{ role: 'user', content: [{ type: 'text', text: 'Review the parser.' }] }];
    const first = await runTurn(provider, messages, 'focus on decimals please');
    expect(first.texts[1]).toMatch(/^Noted — "focus on decimals please"/);
    messages.push({ role: 'user', content: [{ type: 'text', text: 'And what about src/format.ts?' }] });
    const second = await runTurn(provider, messages);
    expect(second.calls).toEqual([{ name: 'read_file', input: { path: 'src/format.ts' } }]);
    expect(second.texts.at(-1)).toMatch(/Re "And what about src\/format.ts\?"/);
  });
});
