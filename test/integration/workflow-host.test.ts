// The workflow agent host over the real controller, SDK and scripted model (DESIGN.md §9):
// prompts, system additions, StructuredOutput, models and endpoints, stop, names and sessions.
import { afterEach, describe, expect, it } from 'vitest';
import { startWorkflowKit, structuredCall, systemText, toolNames, type WorkflowKit } from './workflow-kit.js';
import { STRUCTURED_OUTPUT_REMINDER } from '../../src/core/workflow/call-system-prompt.js';
import { NO_VALID_OUTPUT } from '../../src/core/workflow/call-resolution.js';
import { RUN_STOPPED } from '../../src/app/workflow/workflow-agent-host.js';
import { until, userText, withoutCacheMarks } from './harness.js';
import { loopRunning } from '../core/factories.js';

let kit: WorkflowKit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

const FINDINGS = { type: 'object', required: ['findings'], properties: { findings: { type: 'array', items: { type: 'string' }, minItems: 1 } } };

describe('an agent() call as a cockpit agent', () => {
  it('sends the prompt exactly as the first user message and puts what agentmux adds in the system prompt', async () => {
    kit = await startWorkflowKit([{ text: 'All good.' }]);
    const prompt = '  Review src/ for bugs.\nBe brief.  ';
    const { outcome, started } = await kit.call(prompt);
    expect(outcome).toEqual({ kind: 'value', value: 'All good.' });
    expect(withoutCacheMarks(kit.model.requests[0]?.body.messages)).toEqual([userText(prompt)]);
    const system = systemText(kit.model, 0);
    expect(system).toContain('final answer text');
    expect(system).toContain('"test-run"');
    expect(system).not.toContain('Review src/');
    expect(started).toHaveLength(1);
  });

  it('records the run id on a new session that is never reattached by name', async () => {
    kit = await startWorkflowKit([{ text: 'one' }, { text: 'two' }]);
    const first = await kit.call('first', { label: 'worker' });
    const second = await kit.call('second', { label: 'worker' });
    expect(first.started[0]?.agent).toBe('worker');
    // The first agent is still live under that name: the second gets `-2` and a session of its own.
    expect(second.started[0]?.agent).toBe('worker-2');
    expect(second.started[0]?.session).not.toBe(first.started[0]?.session);
    const rows = kit.store.list().filter((row) => row.run === 'r1');
    expect(rows.map((row) => row.name).sort()).toEqual(['worker', 'worker-2']);
    expect(kit.store.findByName('worker')).toBeUndefined();
  });
});

describe('StructuredOutput', () => {
  it('offers StructuredOutput with the schema beside every tool, and a valid call is the value with no further model call', async () => {
    kit = await startWorkflowKit([
      { toolUses: [{ name: 'read_file', input: { path: 'package.json' } }] },
      structuredCall({ findings: ['package.json names the project'] }),
    ]);
    const { outcome } = await kit.call('List findings.', { schema: FINDINGS });
    expect(outcome).toEqual({ kind: 'value', value: { findings: ['package.json names the project'] } });
    expect(toolNames(kit.model, 0)).toEqual(['read_file', 'list_files', 'grep', 'write_file', 'edit_file', 'bash', 'StructuredOutput']);
    const offered = kit.model.requests[0]?.body.tools?.find((tool) => tool.name === 'StructuredOutput');
    expect(offered?.input_schema).toEqual(FINDINGS);
    expect(systemText(kit.model, 0)).toContain('StructuredOutput');
    expect(kit.model.requests).toHaveLength(2);
  });

  it('returns validation errors as tool errors and resolves to null after 5 invalid calls', async () => {
    const invalid = structuredCall({ findings: [] });
    kit = await startWorkflowKit([invalid, invalid, invalid, invalid, invalid, { text: 'never asked' }]);
    const { outcome } = await kit.call('List findings.', { schema: FINDINGS });
    expect(outcome.kind).toBe('null');
    expect(outcome.kind === 'null' ? outcome.reason : '').toMatch(/^5 invalid StructuredOutput calls/);
    // The fifth invalid call ended the work: once the loop has stopped, no sixth request was made.
    await until(() => kit?.controller.allAgents().every((agent) => !loopRunning(agent)) === true, 'the loop to stop');
    expect(kit.model.requests).toHaveLength(5);
    const second = JSON.stringify(kit.model.requests[1]?.body.messages);
    expect(second).toContain('must NOT have fewer than 1 items');
    expect(second).toContain('"is_error":true');
  });

  it('reminds an agent that ended without a valid call once, then resolves to null', async () => {
    kit = await startWorkflowKit([{ text: 'Here are my findings in prose.' }, { text: 'Still prose.' }, { text: 'never asked' }]);
    const { outcome } = await kit.call('List findings.', { schema: FINDINGS });
    expect(outcome).toEqual({ kind: 'null', reason: NO_VALID_OUTPUT });
    expect(kit.model.requests).toHaveLength(2);
    const messages = kit.model.requests[1]?.body.messages ?? [];
    expect(JSON.stringify(messages.at(-1))).toContain(STRUCTURED_OUTPUT_REMINDER);
  });

  it('a reminded agent that then calls StructuredOutput validly resolves to its value', async () => {
    kit = await startWorkflowKit([{ text: 'prose' }, structuredCall({ findings: ['late but valid'] })]);
    const { outcome } = await kit.call('List findings.', { schema: FINDINGS });
    expect(outcome).toEqual({ kind: 'value', value: { findings: ['late but valid'] } });
  });

  it('wraps a non-object schema as {value} and unwraps the value', async () => {
    kit = await startWorkflowKit([structuredCall({ value: 'high' })]);
    const schema = { type: 'string', enum: ['low', 'high'] };
    const { outcome } = await kit.call('Rate the risk.', { schema });
    expect(outcome).toEqual({ kind: 'value', value: 'high' });
    const offered = kit.model.requests[0]?.body.tools?.find((tool) => tool.name === 'StructuredOutput');
    expect(offered?.input_schema).toEqual({ type: 'object', required: ['value'], properties: { value: schema } });
  });

  it('throws on a schema ajv cannot compile, before any model call', async () => {
    kit = await startWorkflowKit([]);
    const { outcome } = await kit.call('x', { schema: { type: 'object', properties: { a: { type: 'no-such-type' } } } });
    expect(outcome.kind).toBe('throw');
    expect(kit.model.requests).toHaveLength(0);
  });
});

describe('models and endpoints', () => {
  it('maps aliases to ids and effort to a thinking budget', async () => {
    kit = await startWorkflowKit([{ text: 'a' }, { text: 'b' }]);
    await kit.call('x', { model: 'haiku' });
    await kit.call('y', { model: 'opus', effort: 'high' });
    expect(kit.model.requests[0]?.body.model).toBe('claude-haiku-4-5');
    expect(kit.model.requests[1]?.body.model).toBe('claude-opus-4-5');
    expect(kit.model.requests[1]?.body['thinking']).toEqual({ type: 'enabled', budget_tokens: 16000 });
    expect(kit.model.requests[1]?.body.max_tokens).toBeGreaterThan(16000);
  });

  it('routes ENDPOINT/MODEL to the named endpoint of the providers file', async () => {
    kit = await startWorkflowKit([{ text: 'from claude' }], { local: [{ text: 'from local' }] });
    const { outcome } = await kit.call('x', { model: 'local/qwen2.5-coder:7b' });
    expect(outcome).toEqual({ kind: 'value', value: 'from local' });
    expect(kit.local?.requests[0]?.body.model).toBe('qwen2.5-coder:7b');
    expect(kit.model.requests).toHaveLength(0);
  });

  it('an unknown endpoint fails the call (throw), with no model call', async () => {
    kit = await startWorkflowKit([{ text: 'unused' }], { local: [] });
    const { outcome } = await kit.call('x', { model: 'nowhere/m' });
    expect(outcome).toEqual({ kind: 'throw', message: 'model "nowhere/m": no endpoint "nowhere" in the providers file (it names local)' });
    expect(kit.model.requests).toHaveLength(0);
    expect(kit.local?.requests).toHaveLength(0);
  });
});

describe('stopping a run', () => {
  it('resolves a working call to null "run stopped" and starts nothing after', async () => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    kit = await startWorkflowKit([{ text: 'a long answer that is held', hold: { afterDeltas: 1, until: held } }]);
    const stop = new AbortController();
    const pending = kit.call('x', {}, {}, stop.signal);
    await kit.model.waitForDeltas(0, 1);
    stop.abort();
    const { outcome } = await pending;
    release();
    expect(outcome).toEqual({ kind: 'null', reason: RUN_STOPPED });
    const later = await kit.call('y', {}, {}, stop.signal);
    expect(later.outcome).toEqual({ kind: 'null', reason: RUN_STOPPED });
    expect(later.started).toHaveLength(0);
    await until(() => kit?.controller.allAgents().every((agent) => !loopRunning(agent)) === true, 'agents to stop');
    expect(kit.model.requests).toHaveLength(1);
  });
});

describe('a call cut by the run budget', () => {
  it('resolves a working call to null with the reason naming the budget, not "run stopped"', async () => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    kit = await startWorkflowKit([{ text: 'a long answer that is held', hold: { afterDeltas: 1, until: held } }]);
    const budget = new AbortController();
    const pending = kit.call('x', {}, {}, budget.signal);
    await kit.model.waitForDeltas(0, 1);
    budget.abort("the run's budget of 300 output tokens is spent");
    const { outcome } = await pending;
    release();
    expect(outcome).toEqual({ kind: 'null', reason: "the run's budget of 300 output tokens is spent" });
    await until(() => kit?.controller.allAgents().every((agent) => !loopRunning(agent)) === true, 'agents to stop');
  });
});

describe('the scripted model offered StructuredOutput (the demo)', () => {
  it('reads the sample project with the real tools, then answers with a schema-valid value from what it read', async () => {
    const { demoScript } = await import('../../src/adapters/scripted-model/demo-script.js');
    kit = await startWorkflowKit(demoScript());
    const schema = {
      type: 'object',
      required: ['findings'],
      properties: { findings: { type: 'array', minItems: 1, maxItems: 3, items: { type: 'object', required: ['file', 'issue'], properties: { file: { type: 'string' }, issue: { type: 'string' } } } } },
    };
    const { outcome } = await kit.call('Review src/parser.ts for bugs.', { schema });
    expect(outcome.kind).toBe('value');
    const value = outcome.kind === 'value' ? outcome.value : null;
    const files = JSON.stringify(value).match(/"file":"([^"]+)"/g) ?? [];
    expect(files.length).toBeGreaterThan(0);
    const firstCalls = JSON.stringify(kit.model.requests[1]?.body.messages);
    expect(firstCalls).toMatch(/"name":"(read_file|grep|list_files)"/);
    // What it names, it read: every file in the value appears in a tool result it was sent.
    const lastRequest = JSON.stringify(kit.model.requests.at(-1)?.body.messages);
    for (const field of files) expect(lastRequest).toContain(field.slice(8, -1));
  });
});

describe('API errors', () => {
  const failure = { fault: { kind: 'http' as const, status: 400, errorType: 'invalid_request_error', message: 'bad request' } };

  it('headless: an unrecoverable API error resolves the call to null with the reason', async () => {
    kit = await startWorkflowKit([failure]);
    const { outcome } = await kit.call('x', {}, { headless: true });
    expect(outcome.kind).toBe('null');
    expect(outcome.kind === 'null' ? outcome.reason : '').toMatch(/^API error: request rejected \(400\)/);
  });

  it('in the cockpit: the agent waits on the person (the call stays pending) until the run stops', async () => {
    kit = await startWorkflowKit([failure]);
    const stop = new AbortController();
    let settled = false;
    const pending = kit.call('x', { label: 'failing' }, { headless: false }, stop.signal).finally(() => (settled = true));
    await until(() => kit?.controller.find('failing')?.state === 'error', 'the API error');
    await until(() => !loopRunning(kit?.controller.find('failing')), 'the loop to stop');
    expect(settled).toBe(false);
    stop.abort();
    expect((await pending).outcome).toEqual({ kind: 'null', reason: RUN_STOPPED });
  });
});
