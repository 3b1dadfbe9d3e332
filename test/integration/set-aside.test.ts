// A rejected request does not poison the session (issue 9, item 7), over the real SDK: a
// message the API refused with a 400 is set aside, so the next message goes out on its own.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, userText, withoutCacheMarks, type Harness } from './harness.js';

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
  return loaded.value.records.flatMap((r) => (r.t === 'entry' ? [`${r.entry.kind}`] : r.t === 'session' ? [] : [r.t]));
}

describe('a request refused with a 400', () => {
  it('sets its message aside: message 2 goes out without message 1 and succeeds', async () => {
    const h = (harness = await startHarness([refused, { text: 'answer to two' }]));
    const notices: string[] = [];
    h.controller.events.on((event) => {
      if (event.type === 'notice') notices.push(event.message);
    });
    expect(h.controller.send('alpha', 'one (refused)').outcome).not.toBe('refused');
    await h.settled('alpha');
    expect(h.agent('alpha').state).toBe('error');
    expect(h.agent('alpha').detail).toContain('set aside');
    expect(notices.join('\n')).toContain('the API refused message "one (refused)"');
    expect(notices.join('\n')).toContain('bad image data');

    expect(h.controller.send('alpha', 'two').outcome).not.toBe('refused');
    await h.settled('alpha');
    expect(withoutCacheMarks(h.messages(1))).toEqual([userText('two')]);
    expect(h.agent('alpha').state).toBe('idle');
    // Message 1 is still in the journal, with the record that set it aside.
    expect(journalKinds(h)).toEqual(['user', 'set-aside', 'user', 'assistant']);
  });

  it(':retry puts the set-aside message back and sends it again', async () => {
    const h = (harness = await startHarness([refused, { text: 'now it works' }]));
    expect(h.controller.send('alpha', 'one').outcome).not.toBe('refused');
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
    expect(first.controller.send('alpha', 'one').outcome).not.toBe('refused');
    await first.settled('alpha');
    await first.controller.shutdown();
    await first.store.close();
    await first.model.close();
    const h = (harness = await startHarness([{ text: 'fine' }], { dir }));
    expect(h.controller.send('alpha', 'two').outcome).not.toBe('refused');
    await h.settled('alpha');
    expect(withoutCacheMarks(h.messages(0))).toEqual([userText('two')]);
    expect(journalKinds(h)).toEqual(['user', 'set-aside', 'user', 'assistant']);
  });
});
