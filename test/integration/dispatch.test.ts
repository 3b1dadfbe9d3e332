// Command lines through `dispatch` into the real controller, the real SDK and the scripted model.
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandResult } from '../../src/core/command.js';
import { dispatch } from '../../src/core/dispatch.js';
import { assistantText, startHarness, until, userText, withoutCacheMarks, type Harness } from './harness.js';

let harness: Harness | undefined;

function errorOf(result: CommandResult): string {
  if (result.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  return result.message;
}
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('command lines drive the controller', () => {
  it(':send keeps TEXT verbatim, :rewind and :undo move the head, :budget pauses over budget', async () => {
    const h = (harness = await startHarness([{ text: 'a1' }, { text: 'a2' }, { text: 'a3' }], { agents: ['alpha', 'beta'] }));
    expect(dispatch(h.controller, ':send -t alpha  cat a | grep "b" > c ')).toMatchObject({ kind: 'ok', message: 'sent to alpha' });
    await h.settled('alpha');
    expect(withoutCacheMarks(h.messages(0))).toEqual([userText('cat a | grep "b" > c ')]);
    expect(dispatch(h.controller, 'send -t 1 second').kind).toBe('ok');
    await h.settled('alpha');
    expect(dispatch(h.controller, 'rewind -t alpha 1').kind).toBe('ok');
    expect(dispatch(h.controller, 'send -t alpha third').kind).toBe('ok');
    await h.settled('alpha');
    expect(withoutCacheMarks(h.messages(2))).toEqual([userText('cat a | grep "b" > c '), assistantText('a1'), userText('third')]);
    expect(dispatch(h.controller, 'budget -t beta --turns 1').kind).toBe('ok');
    expect(errorOf(dispatch(h.controller, 'rewind -t alpha 9'))).toContain('turn 9');
    expect(errorOf(dispatch(h.controller, 'frobnicate'))).toContain('unknown command "frobnicate"');
  });

  it(':broadcast reports receipts per agent in one status message', async () => {
    const h = (harness = await startHarness((request) => ({ text: `ack ${request.index}` }), { agents: ['alpha', 'beta'] }));
    expect(dispatch(h.controller, 'pause -t beta').kind).toBe('ok');
    const result = dispatch(h.controller, 'broadcast wrap up now');
    expect(result).toMatchObject({ kind: 'ok', command: 'broadcast', value: { deliveries: [{ agent: 'alpha', joined: 'started-turn' }, { agent: 'beta', outcome: 'queued' }] } });
    if (result.kind !== 'ok') throw new Error('broadcast failed');
    expect(result.message).toContain('alpha delivered');
    expect(result.message).toContain('beta queued');
    await until(() => h.model.requests.length === 1, 'alpha to send');
    await h.settled('alpha');
    expect(withoutCacheMarks(h.messages(0))).toEqual([userText('wrap up now')]);
  });

  it(':edit without TEXT asks the view to open an editor on the entry text', async () => {
    const h = (harness = await startHarness([{ text: 'a1' }]));
    dispatch(h.controller, 'send original words');
    await h.settled('alpha');
    expect(dispatch(h.controller, 'edit 1')).toMatchObject({ kind: 'open-editor', agent: 'alpha', address: { turn: 1 }, text: 'original words' });
    expect(dispatch(h.controller, 'edit 1.2 rewritten answer').kind).toBe('ok');
    expect(h.controller.history.entryText('alpha', { turn: 1, k: 2 })).toEqual({ ok: true, value: 'rewritten answer' });
  });
});
