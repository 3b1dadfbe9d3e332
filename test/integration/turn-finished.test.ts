// turn-finished over the real SDK against the scripted model: the final text as streamed, the
// deliveries each turn answered, and the outcome of an interrupt and of an API error.
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryReceipt } from '../../src/core/cockpit-api.js';
import type { TurnFinished } from '../../src/core/turn-ledger.js';
import { startHarness, until, type Harness } from './harness.js';

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function idOf(receipt: DeliveryReceipt): string {
  if (receipt.outcome === 'refused') throw new Error(`refused: ${receipt.detail}`);
  return receipt.id;
}

function finishedOf(h: Harness): TurnFinished[] {
  const finished: TurnFinished[] = [];
  h.controller.events.on((event) => {
    if (event.type === 'turn-finished') finished.push(event);
  });
  return finished;
}

describe('turn-finished over the real SDK', () => {
  it('reports each turn once with its streamed answer; a nudge joins the running turn, a queued send the next', async () => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const h = (harness = await startHarness([
      { text: 'Reading the parser now.', hold: { afterDeltas: 1, until: held } },
      { text: 'Checked b as well: both fine.' },
      { text: 'Second task done.' },
    ]));
    const finished = finishedOf(h);
    const opener = h.controller.delivery.send('alpha', 'check the parser');
    await h.model.waitForDeltas(0, 1);
    const nudge = h.controller.delivery.nudge('alpha', 'also check b', { interrupt: false });
    const queued = h.controller.delivery.send('alpha', 'then the second task');
    release();
    await until(() => finished.length === 2, 'two turns to finish');
    await h.settled('alpha');
    expect(finished).toEqual([
      {
        type: 'turn-finished',
        agent: 'alpha',
        turn: 1,
        outcome: 'answered',
        text: 'Checked b as well: both fine.',
        deliveries: [idOf(opener), idOf(nudge)],
      },
      { type: 'turn-finished', agent: 'alpha', turn: 2, outcome: 'answered', text: 'Second task done.', deliveries: [idOf(queued)] },
    ]);
  });

  it('an interrupt mid-stream reports interrupted; a 401 reports error', async () => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const h = (harness = await startHarness([
      { text: 'A long answer that will be cut.', hold: { afterDeltas: 1, until: held } },
      { fault: { kind: 'http', status: 401, errorType: 'authentication_error', message: 'invalid x-api-key' } },
    ]));
    const finished = finishedOf(h);
    const first = h.controller.delivery.send('alpha', 'long job');
    await h.model.waitForDeltas(0, 1);
    expect(h.controller.interrupt('alpha').ok).toBe(true);
    await h.settled('alpha');
    release();
    const second = h.controller.delivery.send('alpha', 'again');
    await until(() => finished.length === 2, 'the failed turn');
    expect(finished.map(({ turn, outcome, deliveries }) => ({ turn, outcome, deliveries }))).toEqual([
      { turn: 1, outcome: 'interrupted', deliveries: [idOf(first)] },
      { turn: 2, outcome: 'error', deliveries: [idOf(second)] },
    ]);
  });
});
