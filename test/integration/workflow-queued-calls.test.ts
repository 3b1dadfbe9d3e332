// A workflow call queued for a slot (DESIGN.md §9, issue 14), on the real SDK and the scripted
// model: its prompt may be replaced before it starts (the model receives the replacement as the
// first message, with what was sent meanwhile joining that turn); it may be renamed (the agent
// starts under the new name and the run board's queued row follows); a name taken by the time it
// starts leaves no stale queued row.
import { afterEach, describe, expect, it } from 'vitest';
import type { ReceivedRequest } from '../../src/adapters/scripted-model/script.js';
import { RunBoard } from '../../src/app/workflow/run-board.js';
import type { CommandResult } from '../../src/core/command.js';
import { dispatch } from '../../src/core/dispatch.js';
import { err } from '../../src/core/result.js';
import type { WorkflowRunsApi } from '../../src/core/workflow/workflow-runs-api.js';
import { saveEditedPrompt } from '../../src/core/workflow/queued-prompt.js';
import { until } from './harness.js';
import { startWorkflowKit, type CallRecord, type WorkflowKit } from './workflow-kit.js';

let kit: WorkflowKit | undefined;
let board: RunBoard | undefined;
afterEach(async () => {
  board?.dispose();
  board = undefined;
  await kit?.close();
  kit = undefined;
});

/** The text of each user message of a request, in order. */
function userTexts(request: ReceivedRequest | undefined): string[] {
  return (request?.body.messages ?? []).flatMap((message) => {
    if (message.role !== 'user') return [];
    return [typeof message.content === 'string' ? message.content : message.content.map((block) => (block.type === 'text' ? block.text : '')).join('')];
  });
}

/** The controller sees the kit's host as its runs (what `skip`, `send`, `rename` and `queued-prompt` reach). */
function attachRuns(started: WorkflowKit): void {
  const runs: WorkflowRunsApi = {
    start: () => err('unused'),
    stop: () => err('unused'),
    continue: () => err('unused'),
    live: () => [],
    find: (ref) => err(`${ref}: unused`),
    calls: started.host.calls,
  };
  started.controller.workflows = runs;
}

/** A call that waits for its slot until `open()`; resolves with its record. `given()` turns true once the host has its slot. */
function queuedCall(started: WorkflowKit, prompt: string, label: string, signal?: AbortSignal): { readonly open: () => void; readonly done: Promise<CallRecord>; readonly given: () => boolean } {
  let open = (): void => undefined;
  let given = false;
  const granted = new Promise<void>((resolve) => (open = resolve));
  const done = started.call(prompt, { label }, {}, signal, async () => {
    await granted;
    given = true;
  });
  return { open, done, given: () => given };
}

/** Lets every promise continuation already due run (one turn of the event loop): what follows a granted slot has happened by then. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function queuedNames(): readonly string[] {
  return (board?.tree('r1')?.queuedIn('') ?? []).map((call) => call.name);
}

/** A command's result as one line: `ok: MESSAGE` or `error: MESSAGE`. */
function said(result: CommandResult): string {
  return result.kind === 'error' ? `error: ${result.message}` : `ok: ${'message' in result ? result.message : ''}`;
}

function boardOver(started: WorkflowKit): RunBoard {
  const made = new RunBoard({ controller: started.controller, stallAfterMs: 60_000, now: () => 0, queued: () => undefined, changed: () => undefined, ticked: () => undefined });
  made.runEvent({ kind: 'record', line: { type: 'meta', at: '2026-12-07T21:00:00.000Z', run: 'r1', name: 'test-run', description: 'd', phases: [], script: 'a.js' } }, 'r1');
  return made;
}

describe('a workflow call queued for a slot', () => {
  it('queued-prompt replaces its prompt: the model gets the new one as the first message, and a send while queued joins that turn', async () => {
    kit = await startWorkflowKit((request) => ({ text: `answer to: ${userTexts(request).join(' + ')}` }));
    attachRuns(kit);
    const call = queuedCall(kit, 'review src/a.ts', 'rev');
    await until(() => kit?.host.calls.find('rev') !== undefined, 'rev queued');
    expect(dispatch(kit.controller, 'queued-prompt -t rev')).toMatchObject({ kind: 'ok', message: 'review src/a.ts' });
    expect(dispatch(kit.controller, 'queued-prompt -t rev review src/b.ts only')).toMatchObject({ kind: 'ok' });
    expect(dispatch(kit.controller, 'send -t rev and be brief')).toMatchObject({ kind: 'ok' });
    expect(dispatch(kit.controller, 'queued-prompt -t rev')).toMatchObject({ kind: 'ok', message: 'review src/b.ts only' });
    call.open();
    const { outcome } = await call.done;
    // The first request opens with the replacement; the send is in the turn's last request, whose answer is the value.
    expect(userTexts(kit.model.requests[0])[0]).toBe('review src/b.ts only');
    const last = kit.model.requests[kit.model.requests.length - 1];
    expect(userTexts(last)[0]).toBe('review src/b.ts only');
    expect(userTexts(last).join('\n')).toContain('and be brief');
    expect(outcome.kind === 'value' ? outcome.value : null).toMatch(/^answer to: review src\/b\.ts only.*and be brief/u);
    expect(kit.model.requests.some((request) => userTexts(request).join('\n').includes('src/a.ts'))).toBe(false);
  });

  it('once its agent exists the prompt is its first message: queued-prompt refuses, naming rewind and edit', async () => {
    kit = await startWorkflowKit([{ text: 'done' }]);
    attachRuns(kit);
    const call = queuedCall(kit, 'review it', 'rev');
    await until(() => kit?.host.calls.find('rev') !== undefined, 'rev queued');
    expect(kit.controller.runs.replaceQueuedPrompt('rev', '  \n')).toEqual(err('the prompt for rev would be empty (skip the call instead)'));
    call.open();
    await until(() => kit?.host.calls.find('rev')?.state.kind !== 'queued', 'rev started');
    expect(said(dispatch(kit.controller, 'queued-prompt -t rev something else'))).toMatch(/^error: queued-prompt: rev is not queued: .*rewind or edit/u);
    await call.done;
    expect(userTexts(kit.model.requests[0])[0]).toBe('review it');
  });

  it('rename while queued: the run board lists it under the new name only, and its agent starts under it', async () => {
    kit = await startWorkflowKit([{ text: 'done' }]);
    attachRuns(kit);
    board = boardOver(kit);
    const call = queuedCall(kit, 'review it', 'rev');
    await until(() => queuedNames().includes('rev'), 'rev listed as queued');
    expect(said(dispatch(kit.controller, 'rename -t rev 2'))).toMatch(/^error: .*must not be a number/u);
    expect(dispatch(kit.controller, 'rename -t rev lead-reviewer')).toMatchObject({ kind: 'ok' });
    expect(queuedNames()).toEqual(['lead-reviewer']);
    call.open();
    const { started } = await call.done;
    expect(started.map((agent) => agent.agent)).toEqual(['lead-reviewer']);
    expect(kit.controller.find('lead-reviewer')).toBeDefined();
    expect(kit.controller.find('rev')).toBeUndefined();
  });

  it('a name taken by the time it starts: it starts as NAME-2 and no queued row is left under the old name', async () => {
    kit = await startWorkflowKit([{ text: 'done' }]);
    attachRuns(kit);
    board = boardOver(kit);
    const call = queuedCall(kit, 'review it', 'rev');
    await until(() => queuedNames().includes('rev'), 'rev listed as queued');
    expect(kit.controller.openAgent({ name: 'rev', model: 'claude-sonnet-4-6', cwd: kit.workspace }).ok).toBe(true);
    call.open();
    const { started } = await call.done;
    expect(started.map((agent) => agent.agent)).toEqual(['rev-2']);
    expect(queuedNames()).toEqual([]);
  });

  it('a prompt open in the editor holds the call: given its slot it waits, and starts with what was saved once the editor closes', async () => {
    kit = await startWorkflowKit((request) => ({ text: `answer to: ${userTexts(request).join(' + ')}` }));
    attachRuns(kit);
    const call = queuedCall(kit, 'review src/a.ts', 'rev');
    await until(() => kit?.host.calls.find('rev') !== undefined, 'rev queued');
    const editing = kit.controller.runs.editQueuedPrompt('rev');
    if (!editing.ok) throw new Error(editing.error);
    expect(editing.value.prompt).toBe('review src/a.ts');
    call.open();
    await until(call.given, 'rev given its slot');
    await settle();
    // Without the hold it would have started here, with the old prompt.
    expect(kit.controller.find('rev')).toBeUndefined();
    expect(kit.host.calls.find('rev')?.state.kind).toBe('queued');
    expect(saveEditedPrompt(editing.value, 'review src/b.ts only')).toEqual({ ok: true, value: 'rev will start with the new prompt (20 characters)' });
    await settle();
    expect(kit.controller.find('rev')).toBeUndefined();
    editing.value.release();
    const { outcome, started } = await call.done;
    expect(started.map((agent) => agent.agent)).toEqual(['rev']);
    expect(userTexts(kit.model.requests[0])[0]).toBe('review src/b.ts only');
    expect(outcome.kind === 'value' ? outcome.value : null).toBe('answer to: review src/b.ts only');
  });

  it('skipped while its prompt is in the editor: it never starts, and saving says the call ended instead of "no pending call"', async () => {
    kit = await startWorkflowKit([{ text: 'never' }]);
    attachRuns(kit);
    const call = queuedCall(kit, 'review it', 'rev');
    await until(() => kit?.host.calls.find('rev') !== undefined, 'rev queued');
    const editing = kit.controller.runs.editQueuedPrompt('rev');
    if (!editing.ok) throw new Error(editing.error);
    // The receipt says once that it is queued (it read "queued for rev: queued for a slot: …").
    expect(said(dispatch(kit.controller, 'send -t rev be brief'))).toBe('ok: queued for rev: it waits for a slot; your message joins its first turn');
    call.open();
    await until(call.given, 'rev given its slot');
    expect(dispatch(kit.controller, 'skip -t rev')).toMatchObject({ kind: 'ok' });
    const { outcome, started } = await call.done;
    expect(outcome).toEqual({ kind: 'null', reason: 'skipped by the user' });
    expect(started).toEqual([]);
    expect(saveEditedPrompt(editing.value, 'review it well')).toEqual(err("rev's call ended while you edited its prompt (skipped by the user): it never started"));
    editing.value.release();
    expect(kit.model.requests).toEqual([]);
  });

  it('its run stopped while the prompt is in the editor: the call resolves null at once, without starting', async () => {
    kit = await startWorkflowKit([{ text: 'never' }]);
    attachRuns(kit);
    const stop = new AbortController();
    const call = queuedCall(kit, 'review it', 'rev', stop.signal);
    await until(() => kit?.host.calls.find('rev') !== undefined, 'rev queued');
    const editing = kit.controller.runs.editQueuedPrompt('rev');
    if (!editing.ok) throw new Error(editing.error);
    call.open();
    await until(call.given, 'rev given its slot');
    stop.abort('run stopped');
    const { outcome, started } = await call.done;
    expect(outcome).toEqual({ kind: 'null', reason: 'run stopped' });
    expect(started).toEqual([]);
    editing.value.release();
  });
});
