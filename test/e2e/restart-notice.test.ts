// e2e: a turn left unanswered at quit: after a restart the pane says it was interrupted, and
// `:retry` re-runs it.
import { afterEach, describe, expect, it } from 'vitest';
import {
  activeBranch,
  entriesOf,
  eventually,
  gate,
  readJournal,
  replyScript,
  requestConversation,
  runCommand,
  typeMessage,
  useWorld,
  waitForState,
} from './e2e-kit.js';
import type { Driver } from './terminal-driver.js';

const openWorld = useWorld();
const holds: (() => void)[] = [];
afterEach(() => {
  for (const release of holds.splice(0)) release();
});

/** q, the confirmation, y: quits with alpha at work; resolves once agentmux has exited 0. */
async function quitWhileWorking(app: Driver): Promise<void> {
  app.write('q');
  await app.waitFor(/1 agent is working \(alpha\)\. Quit\? y/);
  app.write('y');
  expect(await app.exited()).toBe(0);
}

describe('agentmux e2e: the notice for a turn left unanswered at quit', { timeout: 60_000 }, () => {
  it('quit mid-stream, restart: the pane shows the turn was interrupted at quit; :retry re-runs it without the partial', async () => {
    const never = gate();
    holds.push(never.release);
    let held = true;
    const world = await openWorld({
      script: replyScript((text) =>
        held && text === 'slow work'
          ? { text: 'Halfway there NEVER-SENT', tokensPerDelta: 3.5, hold: { afterDeltas: 1, until: never.until } }
          : { text: `answer to ${text}` },
      ),
    });
    const first = await world.launch();
    await typeMessage(first, 'alpha', 'slow work');
    await world.model.waitForDeltas(0, 1, 30_000);
    await first.waitFor('Halfway there');
    await waitForState(first, 'alpha', 'streaming');
    await quitWhileWorking(first);
    held = false;

    const second = await world.launch();
    await second.waitFor(/┌ ▶ 1 alpha · idle \(interrupted\)/);
    await second.waitFor('[1.2] alpha Halfway there');
    await second.waitFor('│⏹ interrupted when agentmux quit');
    expect(world.model.requests).toHaveLength(1);

    await runCommand(second, 'retry');
    await second.waitFor('answer to slow work');
    await waitForState(second, 'alpha', 'idle');
    expect(requestConversation(world.model, 1)).toEqual([{ role: 'user', text: 'slow work' }]);
    const sessions = world.sessions;
    const branch = await eventually(
      () => activeBranch(readJournal(sessions, 'alpha')),
      (b) => b.length === 2 && b[1]?.kind === 'assistant',
      'the retried answer on the branch',
    );
    expect(branch[1]).toMatchObject({ blocks: [{ type: 'text', text: 'answer to slow work' }] });
    // The partial is kept, off the branch.
    expect(entriesOf(readJournal(sessions, 'alpha')).filter((e) => e.kind === 'interrupted')).toHaveLength(1);
    expect(world.model.rejections).toEqual([]);
  });

  it('quit before any answer arrived, restart: the pane says :retry re-runs the turn, and it does', async () => {
    const never = gate();
    holds.push(never.release);
    let held = true;
    const world = await openWorld({
      script: replyScript((text) =>
        held ? { text: 'NEVER-SENT', hold: { afterDeltas: 0, until: never.until } } : { text: `answer to ${text}` },
      ),
    });
    const first = await world.launch();
    await typeMessage(first, 'alpha', 'waiting work');
    await world.model.waitFor(() => world.model.requests.length === 1, 30_000);
    await quitWhileWorking(first);
    held = false;
    expect(entriesOf(readJournal(world.sessions, 'alpha')).map((e) => e.kind)).toEqual(['user']);

    const second = await world.launch();
    await second.waitFor(/┌ ▶ 1 alpha · idle \(interrupted at quit: retry re-runs the turn\)/);
    // The notice wraps in the pane: its two halves.
    await second.waitFor('│· ⏹ this turn was cut short when agentmux last stopped, and no answer of it');
    await second.waitFor('│was kept: :retry re-runs it');
    expect(world.model.requests).toHaveLength(1);

    await runCommand(second, 'retry');
    await second.waitFor('answer to waiting work');
    await waitForState(second, 'alpha', 'idle');
    expect(requestConversation(world.model, 1)).toEqual([{ role: 'user', text: 'waiting work' }]);
    expect(world.model.rejections).toEqual([]);
  });
});
