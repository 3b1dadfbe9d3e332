// Issue 15 over the real runtime, the real ControllerAgentHost and the real SDK against the
// scripted model: `run-continue` serves every call whose key has a value from the record (counted
// at the model server), an edited item re-runs only its chain, and a revised answer re-runs only
// the calls downstream of it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReceivedRequest, ScriptStep } from '../../src/adapters/scripted-model/script.js';
import { readRunRecord } from '../../src/adapters/workflow/run-record-reader.js';
import { prepareContinue } from '../../src/app/workflow/continue-run.js';
import { startRun, type LiveRun, type StartRunOptions } from '../../src/app/workflow/start-run.js';
import type { RunRecordLine } from '../../src/core/workflow/run-record.js';
import { staleCalls } from '../../src/core/workflow/stale-calls.js';
import { startWorkflowKit, type WorkflowKit } from './workflow-kit.js';
import type { SdkAgent } from '../../src/core/agent.js';
import { loopRunning } from '../core/factories.js';

/** A small seeded generator, so "random" latencies are the same on every run of the test. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function lastUserText(request: ReceivedRequest): string {
  const last = request.body.messages.at(-1);
  if (last === undefined) return '';
  if (typeof last.content === 'string') return last.content;
  return last.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
}

/** Answers `done: PROMPT` after a random pause between deltas. */
function echoScript(random: () => number): (request: ReceivedRequest) => ScriptStep {
  return (request) => ({ text: `done: ${lastUserText(request)}`, tokensPerDelta: 1, deltaIntervalMs: Math.floor(random() * 15) });
}

const FAN = (edited: number | undefined): string =>
  [
    "export const meta = { name: 'fan', description: 'ten chains of two' };",
    'const items = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];',
    'return await parallel(items.map((i) => async () => {',
    `  const found = await agent(\`find \${i}\${i === ${edited ?? -1} ? ' (edited)' : ''}\`, { label: \`find-\${i}\` });`,
    '  return agent(`review: ${found}`, { label: `review-${i}` });',
    '}));',
    '',
  ].join('\n');

let kit: WorkflowKit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

function runOptions(k: WorkflowKit): Omit<StartRunOptions, 'ref' | 'args'> {
  return {
    storeDir: k.dir,
    cwd: k.workspace,
    home: k.dir,
    headless: true,
    approve: 'auto',
    allow: [],
    defaultModel: undefined,
    concurrency: 16,
    caps: { tokens: null, usd: null },
    host: k.host,
  };
}

async function continued(k: WorkflowKit, runId: string, recorded = false): Promise<LiveRun> {
  const prepared = prepareContinue({ ...runOptions(k), runId, recorded });
  if (!prepared.ok) throw new Error(prepared.error);
  const launched = await prepared.value.launch();
  if (!launched.ok) throw new Error(launched.error);
  await launched.value.finished;
  return launched.value;
}

function lines(k: WorkflowKit, runId: string): readonly RunRecordLine[] {
  const record = readRunRecord(k.dir, runId);
  if (!record.ok) throw new Error(record.error);
  return record.value.lines;
}

/** The lines after the last `continued` line (one continue's share of the record). */
function lastSegment(all: readonly RunRecordLine[]): readonly RunRecordLine[] {
  const at = all.findLastIndex((line) => line.type === 'continued');
  return all.slice(at + 1);
}

function keysOf(all: readonly RunRecordLine[], type: 'started' | 'reused'): string[] {
  return all.flatMap((line) => (line.type === type ? [line.key] : [])).sort();
}

describe('durable runs (issue 15)', { timeout: 60_000 }, () => {
  it('an unchanged parallel over 10 items with random latencies, continued 5 times, makes zero repeated model calls', async () => {
    kit = await startWorkflowKit(echoScript(seeded(7)));
    const k = kit;
    const script = path.join(k.workspace, 'fan.js');
    fs.writeFileSync(script, FAN(undefined));
    const first = await startRun({ ...runOptions(k), ref: script, args: undefined });
    if (!first.ok) throw new Error(first.error);
    const end = await first.value.finished;
    expect(end.status).toBe('completed');
    expect(k.model.requests).toHaveLength(20);
    const keys = keysOf(lines(k, first.value.id), 'started');
    // Keys are stable under random latencies: a second fresh run (other latencies) has the same keys.
    const second = await startRun({ ...runOptions(k), ref: script, args: undefined });
    if (!second.ok) throw new Error(second.error);
    await second.value.finished;
    expect(keysOf(lines(k, second.value.id), 'started')).toEqual(keys);
    expect(k.model.requests).toHaveLength(40);
    for (let round = 1; round <= 5; round += 1) {
      const run = await continued(k, first.value.id);
      expect(await run.finished).toEqual(end);
      const segment = lastSegment(lines(k, first.value.id));
      expect(keysOf(segment, 'reused')).toEqual(keys);
      expect(keysOf(segment, 'started')).toEqual([]);
    }
    expect(k.model.requests).toHaveLength(40);
  });

  it("editing one item's prompt re-runs that item's chain only, and the record keeps both script versions", async () => {
    kit = await startWorkflowKit(echoScript(seeded(11)));
    const k = kit;
    const script = path.join(k.workspace, 'fan.js');
    fs.writeFileSync(script, FAN(undefined));
    const first = await startRun({ ...runOptions(k), ref: script, args: undefined });
    if (!first.ok) throw new Error(first.error);
    await first.value.finished;
    expect(k.model.requests).toHaveLength(20);
    fs.writeFileSync(script, FAN(3));
    const run = await continued(k, first.value.id);
    const end = await run.finished;
    expect(end.status === 'completed' && end.result).toContain('done: review: done: find 3 (edited)');
    const segment = lastSegment(lines(k, first.value.id));
    expect(k.model.requests.map(lastUserText).slice(20)).toEqual(['find 3 (edited)', 'review: done: find 3 (edited)']);
    expect(segment.filter((line) => line.type === 'reused')).toHaveLength(18);
    expect(lines(k, first.value.id).filter((line) => line.type === 'continued')).toEqual([expect.objectContaining({ version: 2, recorded: false })]);
    expect(fs.readFileSync(path.join(k.dir, 'runs', first.value.id, 'script.2.js'), 'utf8')).toBe(FAN(3));
    // --recorded runs the text last run (version 2) again: nothing new reaches the model.
    await continued(k, first.value.id, true);
    expect(k.model.requests).toHaveLength(22);
  });

  it('a revised answer is recorded, marks its downstream call stale, and continuing re-runs only that call', async () => {
    kit = await startWorkflowKit(echoScript(seeded(3)));
    const k = kit;
    const script = path.join(k.workspace, 'fan.js');
    fs.writeFileSync(script, FAN(undefined));
    const first = await startRun({ ...runOptions(k), ref: script, args: undefined });
    if (!first.ok) throw new Error(first.error);
    await first.value.finished;
    const runId = first.value.id;
    const found5 = lines(k, runId).find((line) => line.type === 'started' && line.label === 'find-5');
    const review5 = lines(k, runId).find((line) => line.type === 'started' && line.label === 'review-5');
    if (found5?.type !== 'started' || review5?.type !== 'started') throw new Error('no find-5 / review-5 in the record');
    expect(staleCalls(lines(k, runId))).toEqual([]);
    // The person steers find-5 after the script took its value.
    const sent = k.controller.delivery.send(found5.agent, 'look again');
    expect(sent.outcome).not.toBe('refused');
    await k.model.waitFor(() => k.model.requests.length === 21, 10_000);
    await waitUntil(() => lines(k, runId).some((line) => line.type === 'revised'));
    const revised = lines(k, runId).find((line) => line.type === 'revised');
    expect(revised).toMatchObject({ agent: found5.agent, key: found5.key, version: 2, value: 'done: look again' });
    expect(staleCalls(lines(k, runId))).toEqual([{ key: review5.key, agent: review5.agent, because: [{ key: found5.key, version: 1 }] }]);
    const run = await continued(k, runId);
    const end = await run.finished;
    expect(end.status === 'completed' && end.result).toContain('done: review: done: look again');
    // The nudge was one request; continuing added exactly one: review-5 with the revised value.
    expect(k.model.requests.map(lastUserText).slice(21)).toEqual(['review: done: look again']);
    const segment = lastSegment(lines(k, runId));
    expect(segment.filter((line) => line.type === 'reused')).toHaveLength(19);
    expect(segment.find((line) => line.type === 'reused' && line.key === found5.key)).toMatchObject({ version: 2 });
    expect(segment.find((line) => line.type === 'started')).toMatchObject({ label: 'review-5', saw: [{ key: found5.key, version: 2 }] });
    expect(staleCalls(lines(k, runId))).toEqual([]);
  });
  it('an answer revised where the run was not live (agent closed, its session opened and steered later) is seen by continue: only its downstream call re-runs', async () => {
    kit = await startWorkflowKit(echoScript(seeded(5)));
    const k = kit;
    const script = path.join(k.workspace, 'fan.js');
    fs.writeFileSync(script, FAN(undefined));
    const first = await startRun({ ...runOptions(k), ref: script, args: undefined });
    if (!first.ok) throw new Error(first.error);
    await first.value.finished;
    const runId = first.value.id;
    const found5 = lines(k, runId).find((line) => line.type === 'started' && line.label === 'find-5');
    const review5 = lines(k, runId).find((line) => line.type === 'started' && line.label === 'review-5');
    if (found5?.type !== 'started' || review5?.type !== 'started') throw new Error('no find-5 / review-5 in the record');
    // Closing the agent ends what watched it for the run (as quitting does); opening its stored
    // session again gives a plain agent no run watches, as a later agentmux would.
    expect(k.controller.panes.close(found5.agent).ok).toBe(true);
    const opened = k.controller.panes.openSession(found5.session);
    if (!opened.ok) throw new Error(opened.error);
    const reopened = k.controller.allAgents().find((agent): agent is SdkAgent => agent.kind === 'sdk' && agent.session.id === found5.session);
    if (reopened === undefined) throw new Error('the session did not open');
    expect(k.controller.delivery.send(reopened.name, 'look again').outcome).not.toBe('refused');
    await k.model.waitFor(() => k.model.requests.length === 21, 10_000);
    await waitUntil(() => {
      const last = reopened.session.view().items.at(-1);
      return reopened.phase.kind !== 'running' && last?.kind === 'message' && last.entry.kind === 'assistant';
    });
    expect(lines(k, runId).filter((line) => line.type === 'revised')).toEqual([]);
    const run = await continued(k, runId);
    const end = await run.finished;
    expect(end.status === 'completed' && end.result).toContain('done: review: done: look again');
    // Continuing asked the model once: review-5 with the revised value; the 19 others were reused.
    expect(k.model.requests.map(lastUserText).slice(21)).toEqual(['review: done: look again']);
    const segment = lastSegment(lines(k, runId));
    expect(segment.filter((line) => line.type === 'reused')).toHaveLength(19);
    expect(segment.filter((line) => line.type === 'revised')).toEqual([expect.objectContaining({ agent: found5.agent, key: found5.key, version: 2, value: 'done: look again' })]);
    expect(segment.find((line) => line.type === 'reused' && line.key === found5.key)).toMatchObject({ version: 2 });
    expect(segment.find((line) => line.type === 'started')).toMatchObject({ label: 'review-5', saw: [{ key: found5.key, version: 2 }] });
    // Continued again: the revision is in the record now, so nothing is revised twice or re-run.
    await continued(k, runId);
    expect(k.model.requests).toHaveLength(22);
    expect(lastSegment(lines(k, runId)).filter((line) => line.type === 'revised')).toEqual([]);
  });

  it('a run stopped while an agent works: continuing in the same cockpit goes on in that same agent and session, the answered call is reused', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    kit = await startWorkflowKit((request) => {
      const prompt = lastUserText(request);
      if (prompt.startsWith('slow') && !released.done) return { text: 'partial answer that never ends', tokensPerDelta: 1, hold: { afterDeltas: 2, until: held } };
      return { text: `done: ${prompt}` };
    });
    const released = { done: false };
    const k = kit;
    const script = path.join(k.workspace, 'two.js');
    fs.writeFileSync(script, "export const meta = { name: 'two', description: 'd' };\nconst a = await agent('quick', { label: 'quick' });\nreturn [a, await agent('slow ' + a, { label: 'slow' })];\n");
    const first = await startRun({ ...runOptions(k), ref: script, args: undefined });
    if (!first.ok) throw new Error(first.error);
    await k.model.waitForDeltas(1, 2, 10_000);
    await first.value.stop('stopped by the user');
    released.done = true;
    release();
    const slow = lines(k, first.value.id).find((line) => line.type === 'started' && line.label === 'slow');
    if (slow?.type !== 'started') throw new Error('slow never started');
    await waitUntil(() => !loopRunning(k.controller.find(slow.agent)));
    const agentsBefore = k.controller.allAgents().length;
    const run = await continued(k, first.value.id);
    expect(await run.finished).toEqual({ status: 'completed', result: ['done: quick', 'done: slow done: quick'] });
    // quick: reused; slow: its own session retried (its prompt not sent again): one request.
    expect(k.model.requests).toHaveLength(3);
    expect(k.model.requests[2]?.body.messages.map((message) => message.role)).toEqual(['user']);
    expect(k.controller.allAgents()).toHaveLength(agentsBefore);
    const segment = lastSegment(lines(k, first.value.id));
    expect(segment.filter((line) => line.type === 'reused')).toHaveLength(1);
    expect(segment.find((line) => line.type === 'started')).toMatchObject({ agent: slow.agent, session: slow.session, resumed: true });
  });
});

async function waitUntil(test: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!test()) {
    if (Date.now() > deadline) throw new Error('condition not met in 10 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
