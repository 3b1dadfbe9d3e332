// e2e: a turn cut short by a quit or a crash keeps the delivery id of the message it answers.
// `ctl events` following a quit sees `turn-finished interrupted` for the open turn before its
// stream ends; after the restart, `retry` over ctl continues the turn and its `turn-finished`
// names the same delivery (DESIGN.md §5).
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { gate, replyScript, useWorld, waitForState, type World } from './e2e-kit.js';
import { ctl, ctlReady, followEvents, type EventFollower } from './ctl-kit.js';

const openWorld = useWorld();
const followers: EventFollower[] = [];
const holds: (() => void)[] = [];
afterEach(() => {
  for (const release of holds.splice(0)) release();
  for (const follower of followers.splice(0)) follower.stop();
});

const SendReply = z.object({ ok: z.literal(true), value: z.unknown() });

// The first request streams one delta and holds until released; later ones answer at once.
function slowFirstWorld(): Promise<World> {
  const held = gate();
  holds.push(held.release);
  let requests = 0;
  return openWorld({
    script: replyScript((text) => {
      requests += 1;
      return requests === 1
        ? { text: 'a slow answer in several parts', tokensPerDelta: 1, hold: { afterDeltas: 1, until: held.until } }
        : { text: `answer to ${text}` };
    }),
  });
}

// `ctl --json send`: the delivery id of the one message sent.
async function sendOverCtl(world: World, agent: string, text: string): Promise<string> {
  const sent = await ctl(world, '--json', 'send', '-t', agent, text);
  expect(sent.status).toBe(0);
  const reply = SendReply.parse(JSON.parse(sent.stdout));
  const id = /"id":"([^"]+)"/.exec(JSON.stringify(reply.value))?.[1];
  if (id === undefined) throw new Error(`no delivery id in ${sent.stdout}`);
  return id;
}

const isTurnFinished = (agent: string, outcome: string) => (event: Record<string, unknown>): boolean =>
  event['type'] === 'turn-finished' && event['agent'] === agent && event['outcome'] === outcome;

// After the restart: `retry` over ctl, and the turn's turn-finished names the delivery.
async function retryReportsDelivery(world: World, id: string): Promise<void> {
  const second = await world.launch();
  await ctlReady(world);
  const events = await followEvents(world);
  followers.push(events);
  const retried = await ctl(world, 'retry', '-t', 'alpha');
  expect(retried.status).toBe(0);
  const finished = await events.waitFor(isTurnFinished('alpha', 'answered'), 'turn-finished of the retried turn');
  expect(finished).toMatchObject({ turn: 1, text: 'answer to work on this', deliveries: [id] });
  second.write('q');
  await second.exited();
}

describe('agentmux e2e: a turn cut short keeps its delivery ids', { timeout: 120_000 }, () => {
  it('quit mid-stream: ctl events gets turn-finished interrupted with the id before it ends; after a restart retry reports the id again', async () => {
    const world = await slowFirstWorld();
    const first = await world.launch();
    await ctlReady(world);
    const events = await followEvents(world);
    followers.push(events);
    const eventsExit = new Promise<number | null>((resolve) => events.child.once('exit', (code) => resolve(code)));
    const id = await sendOverCtl(world, 'alpha', 'work on this');
    await waitForState(first, 'alpha', 'streaming');

    first.write('q');
    await first.waitFor('Quit? y');
    first.write('y');
    expect(await first.exited()).toBe(0);
    expect(await eventsExit).toBe(0);
    const interrupted = await events.waitFor(isTurnFinished('alpha', 'interrupted'), 'turn-finished interrupted at quit');
    expect(interrupted).toMatchObject({ turn: 1, deliveries: [id] });
    expect(events.stderr()).toBe('');

    await retryReportsDelivery(world, id);
  });

  it('kill -9 mid-stream: after a restart retry over ctl reports the delivery id of the message it answers', async () => {
    const world = await slowFirstWorld();
    const first = await world.launch();
    await ctlReady(world);
    const id = await sendOverCtl(world, 'alpha', 'work on this');
    await waitForState(first, 'alpha', 'streaming');
    first.kill();
    await first.exited().catch(() => undefined);

    await retryReportsDelivery(world, id);
  });
});
