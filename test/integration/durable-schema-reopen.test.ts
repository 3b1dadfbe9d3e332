// Issue 15, session 7: a schema call's session opened where its run is not live (a later
// agentmux: session browser → open, `session-open`) gets its StructuredOutput tool back from the
// run's record, so its revised answer is checked as in the first process: a valid one is what
// `run-continue` delivers (only the call downstream of it re-runs), one the schema rejects gets
// the errors back as a tool error and is not delivered. Real runtime, host, SDK, scripted model;
// model requests counted at the server.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { blocksOf } from '../../src/adapters/scripted-model/request-schema.js';
import type { ReceivedRequest, ScriptStep } from '../../src/adapters/scripted-model/script.js';
import type { SdkAgent } from '../../src/core/agent.js';
import { staleCalls } from '../../src/core/workflow/stale-calls.js';
import { continuedToEnd, lastSegment, messageText, promptOf, ranToEnd, recordLines, waitUntil } from './durable-kit.js';
import { startWorkflowKit, type WorkflowKit } from './workflow-kit.js';

const SCRIPT = [
  "export const meta = { name: 'count', description: 'a schema call and one downstream of it' };",
  "const found = await agent('count the files', { label: 'counter', schema: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } } });",
  "const verdict = await agent(`check the count ${JSON.stringify(found)}`, { label: 'checker' });",
  'return [found, verdict];',
  '',
].join('\n');

/** The last message's tool result, if it is one: its error flag and text. */
function toolResult(request: ReceivedRequest): { readonly isError: boolean; readonly text: string } | undefined {
  const last = request.body.messages.at(-1);
  const block = last === undefined ? undefined : blocksOf(last).find((one) => one.type === 'tool_result');
  if (block?.type !== 'tool_result') return undefined;
  const text = typeof block.content === 'string' ? block.content : (block.content ?? []).map((one) => one.text).join('');
  return { isError: block.is_error === true, text };
}

/** Whether a tool result is StructuredOutput's refusal of a non-integer `n`. */
function refusedBySchema(result: { readonly isError: boolean; readonly text: string } | undefined): boolean {
  return result?.isError === true && result.text.includes('/n must be integer');
}

/** How many tool results of the conversation were errors. */
function refusals(request: ReceivedRequest): number {
  return request.body.messages.flatMap(blocksOf).filter((block) => block.type === 'tool_result' && block.is_error === true).length;
}

const offersOutput = (request: ReceivedRequest): boolean => (request.body.tools ?? []).some((tool) => tool.name === 'StructuredOutput');

/**
 * The counter answers {n: 3} first; told `look again` it first sends `n` as text (invalid), then
 * {n: 4}; told `guess` it sends `n` as text twice and then gives up in prose. The checker answers text.
 */
function model(request: ReceivedRequest): ScriptStep {
  const prompt = promptOf(request);
  if (prompt.startsWith('check')) return { text: `checked: ${prompt}` };
  const said = request.body.messages.filter((message) => message.role === 'user').map(messageText).filter((text) => text !== '').at(-1) ?? '';
  const result = toolResult(request);
  const output = (input: Record<string, unknown>): ScriptStep => ({ toolUses: [{ name: 'StructuredOutput', input }] });
  if (said === 'count the files') return output({ n: 3 });
  if (said === 'look again') return result?.isError === true ? output({ n: 4 }) : output({ n: 'four' });
  if (said === 'guess') return refusals(request) >= 2 ? { text: 'I cannot tell; about five.' } : output({ n: 'five' });
  return { text: `unexpected: ${said}` };
}

let kit: WorkflowKit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

/** Closes the counter (as quitting does) and opens its stored session again, as a later agentmux would. */
function reopenCounter(k: WorkflowKit, runId: string): { readonly agent: SdkAgent; readonly message: string; readonly key: string } {
  const counter = recordLines(k, runId).find((line) => line.type === 'started' && line.label === 'counter');
  if (counter?.type !== 'started') throw new Error('no counter in the record');
  expect(k.controller.panes.close(counter.agent).ok).toBe(true);
  const opened = k.controller.panes.openSession(counter.session);
  if (!opened.ok) throw new Error(opened.error);
  const agent = k.controller.allAgents().find((one): one is SdkAgent => one.kind === 'sdk' && one.session.id === counter.session);
  if (agent === undefined) throw new Error('the session did not open');
  return { agent, message: opened.value, key: counter.key };
}

async function steer(k: WorkflowKit, agent: SdkAgent, text: string, requests: number): Promise<void> {
  expect(k.controller.delivery.send(agent.name, text).outcome).not.toBe('refused');
  await k.model.waitFor(() => k.model.requests.length === requests, 10_000);
  await waitUntil(() => agent.phase.kind !== 'running');
}

describe('a schema call revised in a later process (issue 15)', { timeout: 60_000 }, () => {
  it('its reopened session offers StructuredOutput again; a valid revision is delivered and only its downstream call re-runs', async () => {
    kit = await startWorkflowKit(model);
    const k = kit;
    const script = path.join(k.workspace, 'count.js');
    fs.writeFileSync(script, SCRIPT);
    const runId = await ranToEnd(k, script);
    expect(k.model.requests).toHaveLength(2);
    const started = recordLines(k, runId).find((line) => line.type === 'started' && line.label === 'counter');
    expect(started).toMatchObject({ schema: { type: 'object', required: ['n'] } });
    const { agent, message, key } = reopenCounter(k, runId);
    expect(message).toContain(`its call's schema is back (StructuredOutput, run ${runId})`);
    await steer(k, agent, 'look again', 4);
    const [invalid, corrected] = k.model.requests.slice(2);
    if (invalid === undefined || corrected === undefined) throw new Error('two requests expected');
    expect(offersOutput(invalid)).toBe(true);
    // The invalid call got the schema's errors back, as in the first process.
    expect(refusedBySchema(toolResult(corrected))).toBe(true);
    const end = await (await continuedToEnd(k, runId)).finished;
    expect(end).toEqual({ status: 'completed', result: [{ n: 4 }, 'checked: check the count {"n":4}'] });
    // Continuing asked the model once: the checker, with the revised count.
    expect(k.model.requests.slice(4).map(promptOf)).toEqual(['check the count {"n":4}']);
    const segment = lastSegment(recordLines(k, runId));
    // As it happened: the call was served (reused), the revision it found recorded with it.
    expect(segment.map((line) => line.type)).toEqual(['reused', 'revised', 'started', 'result', 'done']);
    expect(segment.filter((line) => line.type === 'reused')).toEqual([expect.objectContaining({ key, version: 2 })]);
    expect(segment.filter((line) => line.type === 'revised')).toEqual([expect.objectContaining({ key, version: 2, value: { n: 4 } })]);
    expect(staleCalls(recordLines(k, runId))).toEqual([]);
  });

  it('a revision its schema rejects is refused at the tool and not delivered: the continue reuses everything', async () => {
    kit = await startWorkflowKit(model);
    const k = kit;
    const script = path.join(k.workspace, 'count.js');
    fs.writeFileSync(script, SCRIPT);
    const runId = await ranToEnd(k, script);
    const { agent } = reopenCounter(k, runId);
    await steer(k, agent, 'guess', 5);
    // Both invalid calls got the schema's errors back; the agent then gave up in prose.
    expect(k.model.requests.slice(3).map((request) => refusedBySchema(toolResult(request)))).toEqual([true, true]);
    const end = await (await continuedToEnd(k, runId)).finished;
    expect(end).toEqual({ status: 'completed', result: [{ n: 3 }, 'checked: check the count {"n":3}'] });
    expect(k.model.requests).toHaveLength(5);
    const segment = lastSegment(recordLines(k, runId));
    expect(segment.filter((line) => line.type === 'reused')).toHaveLength(2);
    expect(segment.filter((line) => line.type === 'revised')).toEqual([]);
  });
});
