// Nudges, broadcast, interrupt, pause, budgets and the read-only tool loop over the real SDK.
import { afterEach, describe, expect, it } from 'vitest';
import type { ReceivedRequest, ScriptStep } from '../../src/adapters/scripted-model/script.js';
import { startHarness, until, userText, withoutCacheMarks, type Harness, openHarness, gate, closeHarnesses } from './harness.js';
import { sendMessage } from '../../src/core/receipt-message.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function lastUserText(request: ReceivedRequest): string {
  const last = request.body.messages[request.body.messages.length - 1];
  if (last === undefined) return '';
  if (typeof last.content === 'string') return last.content;
  return last.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('|');
}

describe('steering agents over the real SDK', () => {
  it('read-only tool loop: the tool result reaches the model in the next request', async () => {
    const h = (harness = await startHarness([
      { text: 'Let me read it.', toolUses: [{ name: 'read_file', input: { path: 'package.json' } }] },
      { text: 'It is a small library.' },
    ]));
    h.controller.delivery.send('alpha', 'what is this?');
    await h.settled('alpha');
    const messages = withoutCacheMarks(h.messages(1));
    expect(messages).toMatchObject([
      userText('what is this?'),
      { role: 'assistant', content: [{ type: 'text' }, { type: 'tool_use', name: 'read_file', input: { path: 'package.json' } }] },
      { role: 'user', content: [{ type: 'tool_result' }] },
    ]);
    expect(JSON.stringify(messages)).toContain('\\"name\\"');
    expect(h.model.rejections).toEqual([]);
  });

  it('a tool call outside the workspace comes back as an error result, and the loop goes on', async () => {
    const h = (harness = await startHarness([
      { toolUses: [{ name: 'read_file', input: { path: '../../etc/passwd' } }] },
      { text: 'I cannot read that.' },
    ]));
    h.controller.delivery.send('alpha', 'read passwd');
    await h.settled('alpha');
    expect(withoutCacheMarks(h.messages(1))).toMatchObject([
      {},
      {},
      { role: 'user', content: [{ type: 'tool_result', is_error: true }] },
    ]);
    expect(JSON.stringify(h.messages(1))).toContain('outside the workspace');
  });

  it('a nudge during a tool round joins it: its text comes after the tool results', async () => {
    const g = gate();
    const h = (harness = await startHarness([
      { text: 'Listing the files first.', toolUses: [{ name: 'list_files', input: {} }], hold: { afterDeltas: 1, until: g.promise } },
      { text: 'Noted, checking tests too.' },
    ]));
    h.controller.delivery.send('alpha', 'survey the project');
    await h.model.waitForDeltas(0, 1);
    const receipt = h.controller.delivery.nudge('alpha', 'also check the tests', { interrupt: false });
    expect(receipt).toMatchObject({ agent: 'alpha', outcome: 'queued', joined: 'joined-turn', detail: 'joins at the next safe point' });
    g.open();
    await h.settled('alpha');
    expect(h.model.requests).toHaveLength(2);
    const last = h.model.requests[1]?.body.messages.at(-1);
    const blocks = typeof last?.content === 'string' ? [] : (last?.content ?? []);
    expect(blocks.map((b) => b.type)).toEqual(['tool_result', 'text']);
    expect(blocks[1]).toMatchObject({ type: 'text', text: 'also check the tests' });
  });

  it('broadcast to an idle, a busy and a paused agent reports delivered, queued and queued', async () => {
    const g = gate();
    const script = (request: ReceivedRequest): ScriptStep => {
      if (lastUserText(request) === 'long job') return { text: 'working on the long job', hold: { afterDeltas: 1, until: g.promise } };
      return { text: `ack: ${lastUserText(request)}` };
    };
    const h = (harness = await startHarness(script, { agents: ['alpha', 'beta', 'gamma'] }));
    h.controller.delivery.send('beta', 'long job');
    await h.model.waitForDeltas(0, 1);
    expect(h.controller.pause('gamma').ok).toBe(true);
    const receipts = h.controller.delivery.broadcast('stop and summarize', { interrupt: false });
    expect(receipts).toMatchObject([
      { agent: 'alpha', outcome: 'delivered', joined: 'started-turn', detail: 'started a turn' },
      { agent: 'beta', outcome: 'queued', joined: 'joined-turn', detail: 'joins at the next safe point' },
      { agent: 'gamma', outcome: 'queued', joined: 'queued', detail: 'paused: delivered on resume' },
    ]);
    await h.settled('alpha');
    g.open();
    await h.settled('beta');
    // beta's running turn ended; the broadcast joined it and the model was called again.
    const texts = h.model.requests.map(lastUserText);
    expect(texts).toContain('stop and summarize');
    expect(h.model.requests).toHaveLength(3);
    expect(h.controller.resume('gamma').ok).toBe(true);
    await until(() => h.model.requests.length === 4, 'gamma to send');
    await h.settled('gamma');
    expect(withoutCacheMarks(h.messages(3))).toEqual([userText('stop and summarize')]);
    expect(h.model.rejections).toEqual([]);
  });

  it('interrupt mid-stream closes the connection, keeps the partial, and the next request is valid', async () => {
    const never = new Promise<void>(() => undefined);
    const h = (harness = await startHarness([
      { text: 'This answer is long and will be cut off somewhere in the middle of it.', tokensPerDelta: 2, hold: { afterDeltas: 2, until: never } },
      { text: 'Resuming.' },
    ]));
    let deltas = 0;
    const sub = h.controller.events.on((e) => {
      if (e.type === 'delta' && e.event.type === 'text') deltas++;
    });
    h.controller.delivery.send('alpha', 'start');
    // Wait until the client has the two deltas, not just until the server wrote them.
    await until(() => deltas === 2, 'two deltas at the agent');
    sub.dispose();
    expect(h.controller.interrupt('alpha')).toEqual({ ok: true, value: 'interrupted alpha' });
    await h.settled('alpha');
    await h.model.waitFor(() => h.model.connectionsClosedEarly === 1);
    const agent = h.agent('alpha');
    expect(agent.state).toBe('idle');
    const last = agent.session?.tree.path().at(-1);
    expect(last?.kind).toBe('interrupted');
    const partial = last?.kind === 'interrupted' ? last.blocks : [];
    expect(partial).toEqual([{ type: 'text', text: 'This answer is l' }]);
    h.controller.delivery.send('alpha', 'go on');
    await h.settled('alpha');
    const messages = h.model.requests[1]?.body.messages ?? [];
    expect(withoutCacheMarks(messages.slice(0, 2))).toEqual([
      userText('start'),
      { role: 'assistant', content: [{ type: 'text', text: 'This answer is l' }] },
    ]);
    const next = messages[2];
    expect(next?.role).toBe('user');
    const nextBlocks = typeof next?.content === 'string' ? [] : (next?.content ?? []);
    expect(nextBlocks.at(-1)).toMatchObject({ type: 'text', text: 'go on' });
    expect(h.model.rejections).toEqual([]);
  });

  it('interrupt before the first delta commits nothing', async () => {
    const never = new Promise<void>(() => undefined);
    const h = (harness = await startHarness([{ text: 'never shown', hold: { afterDeltas: 0, until: never } }]));
    h.controller.delivery.send('alpha', 'start');
    await until(() => h.model.requests.length === 1, 'the request');
    await until(() => {
      const phase = h.agent('alpha').phase;
      return phase.kind === 'running' && phase.step.kind === 'abortable';
    }, 'the stream');
    h.controller.interrupt('alpha');
    await h.settled('alpha');
    expect(h.agent('alpha').session?.tree.path().map((e) => e.kind)).toEqual(['user']);
  });

  it('two 529s then success: the agent shows retrying with the attempt, and the identical request is sent again', async () => {
    const h = (harness = await startHarness(
      [
        { fault: { kind: 'http', status: 529, errorType: 'overloaded_error' } },
        { fault: { kind: 'http', status: 529, errorType: 'overloaded_error' } },
        { text: 'Finally.' },
      ],
      { retryDelaysMs: [30, 30, 30] },
    ));
    const states: string[] = [];
    const sub = h.controller.events.on((e) => {
      if (e.type === 'state' && e.agent === 'alpha') states.push(`${e.state} ${e.detail}`);
    });
    h.controller.delivery.send('alpha', 'hello');
    await h.settled('alpha');
    sub.dispose();
    expect(h.model.requests).toHaveLength(3);
    expect(h.messages(1)).toEqual(h.messages(0));
    expect(h.messages(2)).toEqual(h.messages(0));
    expect(states.filter((s) => s.startsWith('retrying'))).toEqual([
      expect.stringContaining('attempt 2/4'),
      expect.stringContaining('attempt 3/4'),
    ]);
    expect(h.agent('alpha').state).toBe('idle');
    expect(h.agent('alpha').session?.tree.path().at(-1)?.kind).toBe('assistant');
  });

  it('an error event mid-stream with no retries left leaves error state with the partial kept; retry re-runs the turn', async () => {
    const h = (harness = await startHarness(
      [
        { text: 'Partial words before the failure arrive here.', tokensPerDelta: 2, fault: { kind: 'error-event', afterDeltas: 2, errorType: 'api_error' } },
        { text: 'Second try worked.' },
      ],
      { retryDelaysMs: [] },
    ));
    h.controller.delivery.send('alpha', 'go');
    await h.settled('alpha');
    const agent = h.agent('alpha');
    expect(agent.state).toBe('error');
    expect(agent.detail).toContain('stream error');
    const last = agent.session?.tree.path().at(-1);
    expect(last?.kind).toBe('interrupted');
    expect(h.controller.retry('alpha').ok).toBe(true);
    await h.settled('alpha');
    expect(h.messages(1)).toEqual(h.messages(0));
    expect(agent.state).toBe('idle');
  });

  it('a stall after the headers is aborted by the idle watchdog and the identical request is sent again', async () => {
    const h = (harness = await startHarness(
      [{ text: 'stalls after one delta', fault: { kind: 'stall', afterDeltas: 1 } }, { text: 'recovered' }],
      { idleTimeoutMs: 300, retryDelaysMs: [20] },
    ));
    const retries: string[] = [];
    h.controller.events.on((e) => {
      if (e.type === 'state' && e.state === 'retrying') retries.push(e.detail);
    });
    h.controller.delivery.send('alpha', 'hi');
    // The stalled stream never ends on its own: only the watchdog lets the agent settle.
    await h.settled('alpha');
    expect(retries).toEqual([expect.stringMatching(/stall|idle|no data/iu)]);
    expect(h.model.requests).toHaveLength(2);
    expect(h.messages(1)).toEqual(h.messages(0));
    expect(h.model.connectionsClosedEarly).toBeGreaterThanOrEqual(1);
    expect(h.agent('alpha').session?.tree.path().at(-1)).toMatchObject({ kind: 'assistant', blocks: [{ text: 'recovered' }] });
  });

  it('a context-window overflow is a clear error state, not a crash', async () => {
    const h = (harness = await startHarness([{ fault: { kind: 'context-overflow' } }]));
    h.controller.delivery.send('alpha', 'huge');
    await h.settled('alpha');
    expect(h.agent('alpha').state).toBe('error');
    expect(h.agent('alpha').detail).toMatch(/^context window exceeded/);
  });

  it('pause queues a send; resume delivers it', async () => {
    const h = (harness = await startHarness([{ text: 'done' }]));
    expect(h.controller.pause('alpha')).toEqual({ ok: true, value: 'paused alpha' });
    expect(sendMessage(h.controller.delivery.send('alpha', 'later'))).toEqual({ ok: true, value: 'queued for alpha: paused' });
    expect(h.model.requests).toHaveLength(0);
    expect(h.controller.resume('alpha').ok).toBe(true);
    await until(() => h.model.requests.length === 1, 'the request');
    await h.settled('alpha');
    expect(withoutCacheMarks(h.messages(0))).toEqual([userText('later')]);
  });

  it('a turn budget of 1 stops the second turn with over-budget and sends nothing', async () => {
    const h = (harness = await startHarness([{ text: 'one' }, { text: 'two' }]));
    expect(h.controller.budgets.set({ kind: 'agent', agent: 'alpha' }, { turns: 1 }, false).ok).toBe(true);
    h.controller.delivery.send('alpha', 'first');
    await h.settled('alpha');
    expect(sendMessage(h.controller.delivery.send('alpha', 'second'))).toEqual({ ok: true, value: 'queued for alpha: over budget (turns 1/1)' });
    await h.settled('alpha');
    expect(h.agent('alpha').state).toBe('over-budget');
    expect(h.model.requests).toHaveLength(1);
    expect(h.controller.resume('alpha').ok).toBe(false);
    expect(h.controller.budgets.set({ kind: 'agent', agent: 'alpha' }, { turns: 5 }, false).ok).toBe(true);
    expect(h.controller.resume('alpha').ok).toBe(true);
    await until(() => h.model.requests.length === 2, 'the second turn');
    await h.settled('alpha');
  });

  it('budget --clear removes the limits, so an over-budget agent may resume', async () => {
    const h = (harness = await startHarness([{ text: 'one' }, { text: 'two' }]));
    h.controller.budgets.set({ kind: 'agent', agent: 'alpha' }, { turns: 1, usd: 3 }, false);
    h.controller.delivery.send('alpha', 'first');
    await h.settled('alpha');
    h.controller.delivery.send('alpha', 'second');
    await h.settled('alpha');
    expect(h.agent('alpha').state).toBe('over-budget');
    const cleared = h.controller.budgets.set({ kind: 'agent', agent: 'alpha' }, {}, true);
    expect(cleared).toEqual({ ok: true, value: 'alpha budget: none' });
    expect(h.agent('alpha').session?.limits).toEqual({});
    expect(h.controller.resume('alpha').ok).toBe(true);
    await until(() => h.model.requests.length === 2, 'the second turn');
    await h.settled('alpha');
  });

  it('a token budget pauses the agent once reached, before its next model call', async () => {
    const h = (harness = await startHarness([
      { text: 'Reading.', toolUses: [{ name: 'list_files', input: {} }] },
      { text: 'never requested' },
    ]));
    h.controller.budgets.set({ kind: 'agent', agent: 'alpha' }, { tokens: 5 }, false);
    h.controller.delivery.send('alpha', 'go');
    await h.settled('alpha');
    expect(h.agent('alpha').state).toBe('over-budget');
    expect(h.model.requests).toHaveLength(1);
  });
});

// Found by a review (formerly review-regressions.test.ts).
afterEach(closeHarnesses);

describe('pause', () => {
  it('asked for during the final answer, leaves the agent paused (not idle), and a later send waits for resume', async () => {
    const g = gate();
    const h = await openHarness([{ text: 'final answer', hold: { afterDeltas: 1, until: g.promise } }, { text: 'second' }]);
    h.controller.delivery.send('alpha', 'one');
    await h.model.waitForDeltas(0, 1);
    expect(h.controller.pause('alpha').ok).toBe(true);
    g.open();
    await h.settled('alpha');
    expect(h.agent('alpha').state).toBe('paused');
    expect(sendMessage(h.controller.delivery.send('alpha', 'two'))).toEqual({ ok: true, value: 'queued for alpha: paused' });
    expect(h.controller.delivery.nudge('alpha', 'hey', { interrupt: false }).outcome).toBe('queued');
    expect(h.model.requests).toHaveLength(1);
    expect(h.controller.resume('alpha').ok).toBe(true);
    await until(() => h.model.requests.length === 2, 'the request after resume');
    await h.settled('alpha');
  });
});
