// e2e (issue 9 item 6, issue 11 item 4): a message queued behind a running turn shows as
// `1 queued` in the pane; `kill -INT` quits cleanly like SIGTERM (partial kept, lock
// released); the next start delivers the queued message.
import { afterEach, describe, expect, it } from 'vitest';
import { entriesOf, gate, readJournal, replyScript, requestConversation, typeMessage, useWorld, waitForState } from './e2e-kit.js';

const openWorld = useWorld();
const holds: (() => void)[] = [];
afterEach(() => {
  for (const release of holds.splice(0)) release();
});

describe('agentmux e2e: SIGINT and a queued message', { timeout: 90_000 }, () => {
  it('SIGINT mid-stream keeps the partial and the queued message, and the next start delivers it', async () => {
    const never = gate();
    holds.push(never.release);
    let held = true;
    const world = await openWorld({
      script: replyScript((text) =>
        held && text === 'slow work'
          ? { text: 'Halfway there', tokensPerDelta: 3.5, hold: { afterDeltas: 1, until: never.until } }
          : { text: `answer to ${text}` },
      ),
    });
    const first = await world.launch();
    await typeMessage(first, 'alpha', 'slow work');
    await world.model.waitForDeltas(0, 1, 30_000);
    await first.waitFor('Halfway there');
    await waitForState(first, 'alpha', 'streaming');
    await typeMessage(first, 'alpha', 'queued-two');
    await first.waitFor(/alpha · streaming \(1 queued\)/);
    process.kill(first.pid, 'SIGINT');
    expect(await first.exited()).toBe(0);
    held = false;
    const kept = entriesOf(readJournal(world.sessions, 'alpha'));
    expect(kept.filter((entry) => entry.kind === 'interrupted')).toHaveLength(1);

    const second = await world.launch();
    await second.waitFor('answer to queued-two', 30_000);
    const last = requestConversation(world.model, world.model.requests.length - 1);
    expect(last.map((message) => message.text).join('\n')).toContain('queued-two');
  });
});
