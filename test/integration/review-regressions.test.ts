// Behaviours a review found broken or untested: pause taking effect visibly, retry keeping an
// edit, 429 retry-after, budgets (USD, overall), turn structure of queued sends, broadcasts and
// --interrupt nudges, and file tools rooted at the agent's cwd — all over the real SDK.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReceivedRequest, ScriptStep } from '../../src/adapters/scripted-model/script.js';
import type { Entry } from '../../src/core/entry.js';
import { startHarness, until, userText, withoutCacheMarks, type Harness } from './harness.js';
import { sendMessage } from '../../src/core/receipt-message.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

async function open(...args: Parameters<typeof startHarness>): Promise<Harness> {
  const h = await startHarness(...args);
  harnesses.push(h);
  return h;
}

function gate(): { promise: Promise<void>; open: () => void } {
  let release = (): void => undefined;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, open: release };
}

/** The user entries of the agent's branch as `text:opensTurn`. */
function userEntries(h: Harness, name: string): string[] {
  const path: readonly Entry[] = h.agent(name).session?.tree.path() ?? [];
  return path.flatMap((e) => (e.kind === 'user' ? [`${e.text}:${e.opensTurn ? 'opens' : 'joins'}`] : []));
}

describe('pause', () => {
  it('asked for during the final answer, leaves the agent paused (not idle), and a later send waits for resume', async () => {
    const g = gate();
    const h = await open([{ text: 'final answer', hold: { afterDeltas: 1, until: g.promise } }, { text: 'second' }]);
    h.controller.send('alpha', 'one');
    await h.model.waitForDeltas(0, 1);
    expect(h.controller.pause('alpha').ok).toBe(true);
    g.open();
    await h.settled('alpha');
    expect(h.agent('alpha').state).toBe('paused');
    expect(sendMessage(h.controller.send('alpha', 'two'))).toEqual({ ok: true, value: 'queued for alpha: paused' });
    expect(h.controller.nudge('alpha', 'hey', { interrupt: false }).outcome).toBe('queued');
    expect(h.model.requests).toHaveLength(1);
    expect(h.controller.resume('alpha').ok).toBe(true);
    await until(() => h.model.requests.length === 2, 'the request after resume');
    await h.settled('alpha');
  });
});

describe('retry', () => {
  it('after an interrupt and an edit of the prompt, sends the edited prompt', async () => {
    const never = new Promise<void>(() => undefined);
    const h = await open([
      { text: 'a long answer that gets cut off', tokensPerDelta: 2, hold: { afterDeltas: 2, until: never } },
      { text: 'better answer' },
    ]);
    let deltas = 0;
    const sub = h.controller.events.on((e) => {
      if (e.type === 'delta' && e.event.type === 'text') deltas++;
    });
    h.controller.send('alpha', 'first wording');
    await until(() => deltas === 2, 'two deltas');
    sub.dispose();
    h.controller.interrupt('alpha');
    await h.settled('alpha');
    expect(h.controller.edit('alpha', { turn: 1 }, 'second wording').ok).toBe(true);
    expect(h.controller.retry('alpha').ok).toBe(true);
    await h.settled('alpha');
    expect(withoutCacheMarks(h.messages(1))).toEqual([userText('second wording')]);
    expect(h.controller.entryText('alpha', { turn: 1 })).toEqual({ ok: true, value: 'second wording' });
  });

  it("waits at least a 429's retry-after before sending again", async () => {
    const h = await open(
      [{ fault: { kind: 'http', status: 429, errorType: 'rate_limit_error', retryAfterSeconds: 0.4 } }, { text: 'ok' }],
      { retryDelaysMs: [20] },
    );
    const details: string[] = [];
    h.controller.events.on((e) => {
      if (e.type === 'state' && e.state === 'retrying') details.push(e.detail);
    });
    const started = Date.now();
    h.controller.send('alpha', 'hi');
    await h.settled('alpha');
    expect(h.model.requests).toHaveLength(2);
    expect(details).toEqual([expect.stringContaining('in 0.4 s')]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
  });
});

describe('budgets', () => {
  it('a USD budget pauses the agent before its next model call', async () => {
    const h = await open([{ text: 'Reading.', toolUses: [{ name: 'list_files', input: {} }] }, { text: 'never requested' }]);
    expect(h.controller.setBudget({ kind: 'agent', agent: 'alpha' }, { usd: 0.000001 }).ok).toBe(true);
    h.controller.send('alpha', 'go');
    await h.settled('alpha');
    expect(h.agent('alpha').state).toBe('over-budget');
    expect(h.agent('alpha').detail).toMatch(/^USD /);
    expect(h.model.requests).toHaveLength(1);
  });

  it('the overall budget stops every agent, and does not leak into another controller', async () => {
    const h = await open([{ text: 'a1' }, { text: 'never requested' }], { agents: ['alpha', 'beta'] });
    expect(h.controller.setBudget({ kind: 'all' }, { turns: 1 }).ok).toBe(true);
    h.controller.send('alpha', 'one');
    await h.settled('alpha');
    h.controller.send('beta', 'two');
    await h.settled('beta');
    expect(h.agent('beta').state).toBe('over-budget');
    expect(h.agent('beta').detail).toMatch(/^overall turns/);
    expect(h.model.requests).toHaveLength(1);

    const other = await open([{ text: 'free' }, { text: 'free again' }]);
    for (const text of ['unbudgeted', 'still unbudgeted']) {
      other.controller.send('alpha', text);
      await other.settled('alpha');
    }
    expect(other.agent('alpha').state).toBe('idle');
    expect(other.model.requests).toHaveLength(2);
  });
});

describe('turn structure', () => {
  it('a send to a busy agent opens its own turn; a nudge or broadcast joins the running one', async () => {
    const g = gate();
    const h = await open([{ text: 'first', hold: { afterDeltas: 1, until: g.promise } }, { text: 'second' }, { text: 'third' }]);
    h.controller.send('alpha', 'one');
    await h.model.waitForDeltas(0, 1);
    h.controller.send('alpha', 'queued send');
    h.controller.broadcast('broadcast joins', { interrupt: false });
    g.open();
    await until(() => h.model.requests.length === 3, 'three requests');
    await h.settled('alpha');
    expect(userEntries(h, 'alpha')).toEqual(['one:opens', 'broadcast joins:joins', 'queued send:opens']);
  });

  it('nudge --interrupt aborts the stream and continues the same turn with the partial kept', async () => {
    const never = new Promise<void>(() => undefined);
    const h = await open([
      { text: 'going the wrong way entirely', tokensPerDelta: 2, hold: { afterDeltas: 2, until: never } },
      { text: 'turning around' },
    ]);
    let deltas = 0;
    h.controller.events.on((e) => {
      if (e.type === 'delta' && e.event.type === 'text') deltas++;
    });
    h.controller.send('alpha', 'start');
    await until(() => deltas === 2, 'two deltas');
    expect(h.controller.nudge('alpha', 'stop, go left', { interrupt: true }).outcome).toBe('delivered');
    await h.settled('alpha');
    await h.model.waitFor(() => h.model.connectionsClosedEarly === 1);
    expect(userEntries(h, 'alpha')).toEqual(['start:opens', 'stop, go left:joins']);
    const last = h.model.requests[1]?.body.messages.at(-1);
    expect(JSON.stringify(last)).toContain('stop, go left');
    expect(h.model.rejections).toEqual([]);
  });

  it('broadcast --interrupt aborts a running stream at once', async () => {
    const never = new Promise<void>(() => undefined);
    const script = (request: ReceivedRequest): ScriptStep =>
      request.index === 0 ? { text: 'long long answer', tokensPerDelta: 2, hold: { afterDeltas: 1, until: never } } : { text: 'ok' };
    const h = await open(script);
    h.controller.send('alpha', 'start');
    await h.model.waitForDeltas(0, 1);
    const [receipt] = h.controller.broadcast('everyone stop', { interrupt: true });
    expect(receipt).toMatchObject({ outcome: 'delivered' });
    await h.model.waitFor(() => h.model.connectionsClosedEarly === 1);
    await h.settled('alpha');
  });
});

describe('tools', () => {
  it("run in the agent's cwd, not the cockpit's", async () => {
    const h = await open([{ toolUses: [{ name: 'read_file', input: { path: 'only-in-workspace.txt' } }] }, { text: 'read it' }]);
    writeFileSync(join(h.workspace, 'only-in-workspace.txt'), 'marker-7f3a\n');
    h.controller.send('alpha', 'read it');
    await h.settled('alpha');
    expect(JSON.stringify(h.messages(1))).toContain('marker-7f3a');
  });
});

describe('graft', () => {
  it('FROM..TO copies only those turns of the source', async () => {
    const h = await open([{ text: 'a1' }, { text: 'a2' }, { text: 'a3' }, { text: 'b1' }], { agents: ['alpha', 'beta'] });
    for (const text of ['u1', 'u2', 'u3']) {
      h.controller.send('alpha', text);
      await h.settled('alpha');
    }
    expect(h.controller.graft('beta', 'alpha', { from: 2, to: 2 }).ok).toBe(true);
    h.controller.send('beta', 'go');
    await h.settled('beta');
    expect(withoutCacheMarks(h.messages(3))).toEqual([
      userText('u2'),
      { role: 'assistant', content: [{ type: 'text', text: 'a2' }] },
      userText('go'),
    ]);
  });
});

describe('failures and the queue', () => {
  it('a message queued behind a failed turn is kept and the error says how to go on', async () => {
    const g = gateFor();
    const h = await open(
      [{ text: 'partial words', hold: { afterDeltas: 1, until: g.promise }, fault: { kind: 'error-event', afterDeltas: 1 } }, { text: 'second' }],
      { retryDelaysMs: [] },
    );
    h.controller.send('alpha', 'first');
    await h.model.waitForDeltas(0, 1);
    expect(h.controller.send('alpha', 'queued one').outcome).not.toBe('refused');
    g.open();
    await h.settled('alpha');
    const agent = h.agent('alpha');
    expect(agent.state).toBe('error');
    expect(agent.detail).toContain('1 waiting');
    expect(agent.queue.map((m) => m.text)).toEqual(['queued one']);
  });
});

function gateFor(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}
