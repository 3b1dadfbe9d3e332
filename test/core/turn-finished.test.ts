// The turn-finished event and delivery attribution (DESIGN.md §5): every turn's end is reported
// once, with its outcome, final text and the delivery ids of the messages it answered.
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryReceipt } from '../../src/core/cockpit-api.js';
import { Controller } from '../../src/core/controller.js';
import type { ControllerEvent } from '../../src/core/events.js';
import type { ToolHost } from '../../src/core/tools.js';
import type { TurnFinished } from '../../src/core/turn-ledger.js';
import { expectOk, idSource, loopRunning, text, toolUse } from './factories.js';
import { gate, GatedProvider, type GatedStep } from './gated-provider.js';
import { MemorySessionStore } from './memory-store.js';

const tools: ToolHost = {
  specs: () => [
    { name: 'read_file', description: 'read', inputSchema: { type: 'object' }, effect: 'read' },
    { name: 'write_file', description: 'write', inputSchema: { type: 'object' }, effect: 'write' },
  ],
  run: (call) => Promise.resolve({ content: `ran ${call.name}`, isError: false }),
};

let controller: Controller | undefined;

afterEach(async () => {
  await controller?.shutdown();
  controller = undefined;
});

function world(steps: readonly GatedStep[]) {
  const provider = new GatedProvider(steps);
  const c = new Controller({
    store: new MemorySessionStore(),
    providerFor: () => provider,
    tools,
    newDeliveryId: idSource('m'),
    retryDelaysMs: [],
  });
  controller = c;
  expectOk(c.addAgent({ name: 'alpha', model: 'test-model', cwd: '.' }));
  const finished: TurnFinished[] = [];
  const events: ControllerEvent[] = [];
  c.events.on((event) => {
    events.push(event);
    if (event.type === 'turn-finished') finished.push(event);
  });
  return { c, provider, finished, events };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

function idOf(receipt: DeliveryReceipt): string {
  if (receipt.outcome === 'refused') throw new Error(`refused: ${receipt.detail}`);
  return receipt.id;
}

async function settled(c: Controller): Promise<void> {
  const agent = c.find('alpha');
  await until(() => !loopRunning(agent), 'the loop to stop');
}

describe('turn-finished', () => {
  it('an answered turn reports its final text and the delivery that opened it, once', async () => {
    const { c, finished } = world([{ blocks: [text('Looking.'), toolUse('t1')] }, { blocks: [text('All '), text('done.')] }]);
    const sent = c.delivery.send('alpha', 'check a.ts');
    expect(sent).toMatchObject({ outcome: 'delivered', joined: 'started-turn' });
    await settled(c);
    expect(finished).toEqual([
      { type: 'turn-finished', agent: 'alpha', turn: 1, outcome: 'answered', text: 'All done.', deliveries: [idOf(sent)] },
    ]);
  });

  it('a nudge joining a running turn belongs to it; a send queued meanwhile belongs to the next turn', async () => {
    const hold = gate();
    const { c, provider, finished } = world([
      { blocks: [text('first')], held: hold.held },
      { blocks: [text('after the nudge')] },
      { blocks: [text('second turn')] },
    ]);
    const opener = c.delivery.send('alpha', 'one');
    await until(() => provider.started === 1, 'the first stream');
    const nudge = c.delivery.nudge('alpha', 'also check b', { interrupt: false });
    const queued = c.delivery.send('alpha', 'two');
    expect(nudge).toMatchObject({ outcome: 'queued', joined: 'joined-turn' });
    expect(queued).toMatchObject({ outcome: 'queued', joined: 'queued' });
    hold.open();
    await until(() => finished.length === 2, 'two turns');
    expect(finished.map(({ turn, outcome, text: t, deliveries }) => ({ turn, outcome, text: t, deliveries }))).toEqual([
      { turn: 1, outcome: 'answered', text: 'after the nudge', deliveries: [idOf(opener), idOf(nudge)] },
      { turn: 2, outcome: 'answered', text: 'second turn', deliveries: [idOf(queued)] },
    ]);
    expect(new Set([idOf(opener), idOf(nudge), idOf(queued)]).size).toBe(3);
  });

  it('an interrupt reports interrupted, and the queued send then starts the next turn with its own id', async () => {
    const hold = gate();
    const { c, provider, finished } = world([{ blocks: [text('never')], held: hold.held }, { blocks: [text('next')] }]);
    const opener = c.delivery.send('alpha', 'long job');
    await until(() => provider.started === 1, 'the stream');
    const queued = c.delivery.send('alpha', 'after');
    expectOk(c.interrupt('alpha'));
    await until(() => finished.length === 2, 'two turns');
    expect(finished.map(({ turn, outcome, deliveries }) => ({ turn, outcome, deliveries }))).toEqual([
      { turn: 1, outcome: 'interrupted', deliveries: [idOf(opener)] },
      { turn: 2, outcome: 'answered', deliveries: [idOf(queued)] },
    ]);
  });

  it('an API error that is not retried reports error; retry continues the same turn and reports again', async () => {
    const { c, finished } = world([{ error: { kind: 'auth', status: 401, message: 'bad key' } }, { blocks: [text('fine now')] }]);
    const opener = c.delivery.send('alpha', 'hi');
    await settled(c);
    expect(finished).toMatchObject([{ turn: 1, outcome: 'error', text: '', deliveries: [idOf(opener)] }]);
    expectOk(c.retry('alpha'));
    await until(() => finished.length === 2, 'the retried turn');
    expect(finished[1]).toMatchObject({ turn: 1, outcome: 'answered', text: 'fine now', deliveries: [idOf(opener)] });
  });

  it('a budget that stops the turn before its next model call reports over-budget', async () => {
    const { c, finished } = world([{ blocks: [text('reading'), toolUse('t1')] }, { blocks: [text('unreached')] }]);
    expectOk(c.budgets.set({ kind: 'agent', agent: 'alpha' }, { tokens: 10 }, false));
    const opener = c.delivery.send('alpha', 'read it');
    await settled(c);
    expect(c.find('alpha')?.state).toBe('over-budget');
    expect(finished).toMatchObject([{ turn: 1, outcome: 'over-budget', text: 'reading', deliveries: [idOf(opener)] }]);
  });

  it('a turn the model ends right after the user refused its tool call reports refused', async () => {
    const { c, finished } = world([{ blocks: [toolUse('w1', 'write_file', { path: 'x', content: 'y' })] }, { blocks: [text('I will not write it.')] }]);
    const opener = c.delivery.send('alpha', 'write x');
    await until(() => c.find('alpha')?.state === 'awaiting-approval', 'the approval prompt');
    expectOk(c.decide('alpha', { kind: 'no' }));
    await settled(c);
    expect(finished).toEqual([
      { type: 'turn-finished', agent: 'alpha', turn: 1, outcome: 'refused', text: 'I will not write it.', deliveries: [idOf(opener)] },
    ]);
  });

  it('a refusal followed by more tool work ends as answered (only the last round decides)', async () => {
    const { c, finished } = world([
      { blocks: [toolUse('w1', 'write_file', { path: 'x', content: 'y' })] },
      { blocks: [toolUse('r1', 'read_file', { path: 'x' })] },
      { blocks: [text('read instead')] },
    ]);
    c.delivery.send('alpha', 'write x');
    await until(() => c.find('alpha')?.state === 'awaiting-approval', 'the approval prompt');
    expectOk(c.decide('alpha', { kind: 'no' }));
    await settled(c);
    expect(finished.map((event) => event.outcome)).toEqual(['answered']);
  });

  it('a pause mid-turn is not an end: the turn reports once, after resume', async () => {
    const hold = gate();
    const { c, provider, finished } = world([{ blocks: [toolUse('r1')], held: hold.held }, { blocks: [text('done')] }]);
    c.delivery.send('alpha', 'go');
    await until(() => provider.started === 1, 'the stream');
    expectOk(c.pause('alpha'));
    hold.open();
    await until(() => c.find('alpha')?.state === 'paused', 'the pause at the safe point');
    await settled(c);
    expect(finished).toEqual([]);
    expectOk(c.resume('alpha'));
    await settled(c);
    expect(finished.map((event) => event.outcome)).toEqual(['answered']);
  });
});
