// A rejected request does not poison the session (issue 9, item 7), over the real SDK: a
// message the API refused with a 400 is set aside, so the next message goes out on its own.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, userText, withoutCacheMarks, type Harness, until, openHarness, closeHarnesses } from './harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const refused = {
  fault: { kind: 'http', status: 400, errorType: 'invalid_request_error', message: 'messages.0: bad image data' },
} as const;

function journalKinds(h: Harness): string[] {
  const session = h.agent('alpha').session;
  if (session === undefined) throw new Error('no session');
  const loaded = h.store.load(session.id);
  if (!loaded.ok) throw new Error(loaded.error.message);
  // Entries and the set-aside records (the pending-message records are another test's business).
  return loaded.value.records.flatMap((r) => (r.t === 'entry' ? [`${r.entry.kind}`] : r.t === 'set-aside' || r.t === 'put-back' ? [r.t] : []));
}

describe('a request refused with a 400', () => {
  it('sets its message aside: message 2 goes out without message 1 and succeeds', async () => {
    const h = (harness = await startHarness([refused, { text: 'answer to two' }]));
    const notices: string[] = [];
    h.controller.events.on((event) => {
      if (event.type === 'notice') notices.push(event.message);
    });
    expect(h.controller.delivery.send('alpha', 'one (refused)').outcome).not.toBe('refused');
    await h.settled('alpha');
    expect(h.agent('alpha').state).toBe('error');
    expect(h.agent('alpha').detail).toContain('set aside');
    expect(notices.join('\n')).toContain('the API refused message "one (refused)"');
    expect(notices.join('\n')).toContain('bad image data');

    expect(h.controller.delivery.send('alpha', 'two').outcome).not.toBe('refused');
    await h.settled('alpha');
    expect(withoutCacheMarks(h.messages(1))).toEqual([userText('two')]);
    expect(h.agent('alpha').state).toBe('idle');
    // Message 1 is still in the journal, with the record that set it aside.
    expect(journalKinds(h)).toEqual(['user', 'set-aside', 'user', 'assistant']);
  });

  it(':retry puts the set-aside message back and sends it again', async () => {
    const h = (harness = await startHarness([refused, { text: 'now it works' }]));
    expect(h.controller.delivery.send('alpha', 'one').outcome).not.toBe('refused');
    await h.settled('alpha');
    expect(h.controller.retry('alpha').ok).toBe(true);
    await h.settled('alpha');
    expect(withoutCacheMarks(h.messages(1))).toEqual([userText('one')]);
    expect(h.agent('alpha').state).toBe('idle');
    expect(journalKinds(h)).toEqual(['user', 'set-aside', 'put-back', 'assistant']);
  });

  it('keeps messages aside after a restart', async () => {
    const first = await startHarness([refused]);
    const dir = first.dir;
    expect(first.controller.delivery.send('alpha', 'one').outcome).not.toBe('refused');
    await first.settled('alpha');
    await first.controller.shutdown();
    await first.store.close();
    await first.model.close();
    const h = (harness = await startHarness([{ text: 'fine' }], { dir }));
    expect(h.controller.delivery.send('alpha', 'two').outcome).not.toBe('refused');
    await h.settled('alpha');
    expect(withoutCacheMarks(h.messages(0))).toEqual([userText('two')]);
    expect(journalKinds(h)).toEqual(['user', 'set-aside', 'user', 'assistant']);
  });
});

// Found by a review (formerly review-regressions.test.ts).
afterEach(closeHarnesses);

describe('retry', () => {
  it('after an interrupt and an edit of the prompt, sends the edited prompt', async () => {
    const never = new Promise<void>(() => undefined);
    const h = await openHarness([
      { text: 'a long answer that gets cut off', tokensPerDelta: 2, hold: { afterDeltas: 2, until: never } },
      { text: 'better answer' },
    ]);
    let deltas = 0;
    const sub = h.controller.events.on((e) => {
      if (e.type === 'delta' && e.event.type === 'text') deltas++;
    });
    h.controller.delivery.send('alpha', 'first wording');
    await until(() => deltas === 2, 'two deltas');
    sub.dispose();
    h.controller.interrupt('alpha');
    await h.settled('alpha');
    expect(h.controller.history.edit('alpha', { turn: 1 }, 'second wording').ok).toBe(true);
    expect(h.controller.retry('alpha').ok).toBe(true);
    await h.settled('alpha');
    expect(withoutCacheMarks(h.messages(1))).toEqual([userText('second wording')]);
    expect(h.controller.history.entryText('alpha', { turn: 1 })).toEqual({ ok: true, value: 'second wording' });
  });

  it("waits at least a 429's retry-after before sending again", async () => {
    const h = await openHarness(
      [{ fault: { kind: 'http', status: 429, errorType: 'rate_limit_error', retryAfterSeconds: 0.4 } }, { text: 'ok' }],
      { retryDelaysMs: [20] },
    );
    const details: string[] = [];
    const requestsWhenRetrying: number[] = [];
    h.controller.events.on((e) => {
      if (e.type === 'state' && e.state === 'retrying') {
        details.push(e.detail);
        requestsWhenRetrying.push(h.model.requests.length);
      }
    });
    h.controller.delivery.send('alpha', 'hi');
    await h.settled('alpha');
    // The wait scheduled is the server's retry-after (0.4 s), not the 20 ms of retryDelaysMs, and
    // the second request comes only after it was announced (how long it takes: npm run bench).
    expect(details).toEqual([expect.stringContaining('in 0.4 s')]);
    expect(requestsWhenRetrying).toEqual([1]);
    expect(h.model.requests).toHaveLength(2);
  });
});
