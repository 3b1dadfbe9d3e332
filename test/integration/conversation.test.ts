// send, queueing, rewind, undo, edit, graft, fork: the exact messages the server received.
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReceivedRequest, ScriptStep } from '../../src/adapters/scripted-model/script.js';
import { parseAddress } from '../../src/core/address.js';
import type { TurnAddress } from '../../src/core/address.js';
import { assistantText, startHarness, userText, withoutCacheMarks, type Harness, until, openHarness, gate, userEntries, closeHarnesses } from './harness.js';
import { sendMessage } from '../../src/core/receipt-message.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function address(text: string): TurnAddress {
  const parsed = parseAddress(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** Sends `text` to `name` and waits for the turn to end. */
async function turn(h: Harness, name: string, text: string): Promise<void> {
  const sent = h.controller.delivery.send(name, text);
  expect(sent.outcome).not.toBe('refused');
  await h.settled(name);
}

function sent(h: Harness, index: number): unknown {
  return withoutCacheMarks(h.messages(index));
}

describe('conversation operations over the real SDK', () => {
  it('send: the server receives the typed text exactly, and the answer is journaled', async () => {
    const h = (harness = await startHarness([{ text: 'Hello, I will look at the parser.' }]));
    await turn(h, 'alpha', '  fix the parser > now | "quoted"  ');
    expect(sent(h, 0)).toEqual([userText('  fix the parser > now | "quoted"  ')]);
    const agent = h.agent('alpha');
    expect(agent.state).toBe('idle');
    const session = agent.session;
    if (session === undefined) throw new Error('no session');
    const loaded = h.store.load(session.id);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const kinds = loaded.value.records.flatMap((r) => (r.t === 'entry' ? [r.entry.kind] : []));
    expect(kinds).toEqual(['user', 'assistant']);
    expect(session.totals.outputTokens).toBeGreaterThan(0);
    expect(h.model.rejections).toEqual([]);
  });

  it('send while busy: the message is queued and starts the next turn, not joined to the running one', async () => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const h = (harness = await startHarness([
      { text: 'first answer, streaming slowly', hold: { afterDeltas: 1, until: held } },
      { text: 'second answer' },
    ]));
    expect(h.controller.delivery.send('alpha', 'one').outcome).not.toBe('refused');
    await h.model.waitForDeltas(0, 1);
    const queued = h.controller.delivery.send('alpha', 'two');
    expect(sendMessage(queued)).toEqual({ ok: true, value: 'queued for alpha: starts its next turn' });
    release();
    await h.settled('alpha');
    expect(h.model.requests).toHaveLength(2);
    expect(sent(h, 0)).toEqual([userText('one')]);
    expect(sent(h, 1)).toEqual([userText('one'), assistantText('first answer, streaming slowly'), userText('two')]);
  });

  it('rewind 1 drops turns 2 and 3 from the next request, and undo brings them back', async () => {
    const h = (harness = await startHarness([
      { text: 'a1' },
      { text: 'a2' },
      { text: 'a3' },
      { text: 'a-new' },
      { text: 'a-after-undo' },
    ]));
    await turn(h, 'alpha', 'u1');
    await turn(h, 'alpha', 'u2');
    await turn(h, 'alpha', 'u3');
    const rewound = h.controller.history.rewind('alpha', address('1'));
    expect(rewound.ok).toBe(true);
    expect(h.model.requests).toHaveLength(3);
    await turn(h, 'alpha', 'new');
    expect(sent(h, 3)).toEqual([userText('u1'), assistantText('a1'), userText('new')]);
    // After a rewind and a new message, undo first takes back the rewind.
    expect(h.controller.history.undo('alpha').ok).toBe(true);
    await turn(h, 'alpha', 'after undo');
    expect(sent(h, 4)).toEqual([
      userText('u1'),
      assistantText('a1'),
      userText('u2'),
      assistantText('a2'),
      userText('u3'),
      assistantText('a3'),
      userText('after undo'),
    ]);
    // Nothing was deleted: the journal still holds the turn made on the rewound branch.
    const session = h.agent('alpha').session;
    if (session === undefined) throw new Error('no session');
    const loaded = h.store.load(session.id);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const texts = loaded.value.records.flatMap((r) => (r.t === 'entry' && r.entry.kind === 'user' ? [r.entry.text] : []));
    expect(texts).toEqual(['u1', 'u2', 'u3', 'new', 'after undo']);
  });

  it('rewind 2.1 keeps only the message that opened turn 2', async () => {
    const h = (harness = await startHarness([{ text: 'a1' }, { text: 'a2' }, { text: 'a3' }]));
    await turn(h, 'alpha', 'u1');
    await turn(h, 'alpha', 'u2');
    expect(h.controller.history.rewind('alpha', address('2.1')).ok).toBe(true);
    await turn(h, 'alpha', 'more');
    expect(sent(h, 2)).toEqual([
      userText('u1'),
      assistantText('a1'),
      { role: 'user', content: [{ type: 'text', text: 'u2' }, { type: 'text', text: 'more' }] },
    ]);
  });

  it('edit 1 changes the text of turn 1 in the next request without calling the model', async () => {
    const h = (harness = await startHarness([{ text: 'a1' }, { text: 'a2' }]));
    await turn(h, 'alpha', 'read the config');
    const edited = h.controller.history.edit('alpha', address('1'), 'read the README');
    expect(edited.ok).toBe(true);
    expect(h.model.requests).toHaveLength(1);
    await turn(h, 'alpha', 'go on');
    expect(sent(h, 1)).toEqual([userText('read the README'), assistantText('a1'), userText('go on')]);
    expect(h.controller.history.undo('alpha').ok).toBe(true);
    expect(h.controller.history.entryText('alpha', address('1'))).toEqual({ ok: true, value: 'read the config' });
  });

  it('edit N.K of a stale tool result: the next request carries the corrected result and keeps the work after it', async () => {
    const h = (harness = await startHarness([
      { text: 'Reading.', toolUses: [{ name: 'read_file', input: { path: 'README.md' } }] },
      { text: 'The README describes a parser.' },
      { text: 'ok' },
    ]));
    await turn(h, 'alpha', 'what is this project?');
    // Turn 1: 1.1 user, 1.2 answer with the call, 1.3 the tool result, 1.4 the final answer.
    expect(h.controller.history.edit('alpha', address('1.3'), 'FIXED CONTENT').ok).toBe(true);
    await turn(h, 'alpha', 'and now?');
    const messages = sent(h, 2);
    expect(messages).toMatchObject([
      userText('what is this project?'),
      { role: 'assistant', content: [{ type: 'text', text: 'Reading.' }, { type: 'tool_use', name: 'read_file' }] },
      { role: 'user', content: [{ type: 'tool_result', content: 'FIXED CONTENT' }] },
      assistantText('The README describes a parser.'),
      userText('and now?'),
    ]);
    expect(h.model.rejections).toEqual([]);
  });

  it('graft twice, same range: both copies arrive in order with unique tool ids, without a model call', async () => {
    const h = (harness = await startHarness(
      [
        { text: 'Listing.', toolUses: [{ name: 'list_files', input: {} }] },
        { text: 'Found the files.' },
        { text: 'beta answer' },
      ],
      { agents: ['alpha', 'beta'] },
    ));
    await turn(h, 'alpha', 'look around');
    expect(h.controller.history.graft('beta', 'alpha', { from: 1, to: 1 }).ok).toBe(true);
    expect(h.controller.history.graft('beta', '1', { from: 1, to: 1 }).ok).toBe(true);
    expect(h.model.requests).toHaveLength(2);
    await turn(h, 'beta', 'continue');
    const body = h.model.requests[2]?.body;
    expect(h.model.rejections).toEqual([]);
    const ids = JSON.stringify(body?.messages).match(/"tool_use","id":"[^"]+"/g) ?? [];
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    const texts = (body?.messages ?? []).flatMap((m) =>
      typeof m.content === 'string' ? [m.content] : m.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])),
    );
    expect(texts).toEqual(['look around', 'Listing.', 'Found the files.', 'look around', 'Listing.', 'Found the files.', 'continue']);
  });

  it('fork 1 starts a new agent with turn 1 only; undo on the source closes it', async () => {
    const h = (harness = await startHarness([{ text: 'a1' }, { text: 'a2' }, { text: 'fork answer' }]));
    await turn(h, 'alpha', 'u1');
    await turn(h, 'alpha', 'u2');
    const forked = h.controller.history.fork('alpha', address('1'));
    expect(forked).toEqual({ ok: true, value: 'forked alpha into alpha-fork' });
    await turn(h, 'alpha-fork', 'branch off');
    expect(sent(h, 2)).toEqual([userText('u1'), assistantText('a1'), userText('branch off')]);
    expect(h.controller.history.undo('alpha').ok).toBe(true);
    expect(h.controller.find('alpha-fork')).toBeUndefined();
  });
});

// Found by a review (formerly review-regressions.test.ts).
afterEach(closeHarnesses);

describe('turn structure', () => {
  it('a send to a busy agent opens its own turn; a nudge or broadcast joins the running one', async () => {
    const g = gate();
    const h = await openHarness([{ text: 'first', hold: { afterDeltas: 1, until: g.promise } }, { text: 'second' }, { text: 'third' }]);
    h.controller.delivery.send('alpha', 'one');
    await h.model.waitForDeltas(0, 1);
    h.controller.delivery.send('alpha', 'queued send');
    h.controller.delivery.broadcast('broadcast joins', { interrupt: false });
    g.open();
    await until(() => h.model.requests.length === 3, 'three requests');
    await h.settled('alpha');
    expect(userEntries(h, 'alpha')).toEqual(['one:opens', 'broadcast joins:joins', 'queued send:opens']);
  });

  it('nudge --interrupt aborts the stream and continues the same turn with the partial kept', async () => {
    const never = new Promise<void>(() => undefined);
    const h = await openHarness([
      { text: 'going the wrong way entirely', tokensPerDelta: 2, hold: { afterDeltas: 2, until: never } },
      { text: 'turning around' },
    ]);
    let deltas = 0;
    h.controller.events.on((e) => {
      if (e.type === 'delta' && e.event.type === 'text') deltas++;
    });
    h.controller.delivery.send('alpha', 'start');
    await until(() => deltas === 2, 'two deltas');
    expect(h.controller.delivery.nudge('alpha', 'stop, go left', { interrupt: true }).outcome).toBe('delivered');
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
    const h = await openHarness(script);
    h.controller.delivery.send('alpha', 'start');
    await h.model.waitForDeltas(0, 1);
    const [receipt] = h.controller.delivery.broadcast('everyone stop', { interrupt: true });
    expect(receipt).toMatchObject({ outcome: 'delivered' });
    await h.model.waitFor(() => h.model.connectionsClosedEarly === 1);
    await h.settled('alpha');
  });
});

describe('tools', () => {
  it("run in the agent's cwd, not the cockpit's", async () => {
    const h = await openHarness([{ toolUses: [{ name: 'read_file', input: { path: 'only-in-workspace.txt' } }] }, { text: 'read it' }]);
    writeFileSync(join(h.workspace, 'only-in-workspace.txt'), 'marker-7f3a\n');
    h.controller.delivery.send('alpha', 'read it');
    await h.settled('alpha');
    expect(JSON.stringify(h.messages(1))).toContain('marker-7f3a');
  });
});

describe('graft', () => {
  it('FROM..TO copies only those turns of the source', async () => {
    const h = await openHarness([{ text: 'a1' }, { text: 'a2' }, { text: 'a3' }, { text: 'b1' }], { agents: ['alpha', 'beta'] });
    for (const text of ['u1', 'u2', 'u3']) {
      h.controller.delivery.send('alpha', text);
      await h.settled('alpha');
    }
    expect(h.controller.history.graft('beta', 'alpha', { from: 2, to: 2 }).ok).toBe(true);
    h.controller.delivery.send('beta', 'go');
    await h.settled('beta');
    expect(withoutCacheMarks(h.messages(3))).toEqual([
      userText('u2'),
      { role: 'assistant', content: [{ type: 'text', text: 'a2' }] },
      userText('go'),
    ]);
  });
});
