// e2e: typing a message and watching the answer stream in; interrupting a stream with Esc;
// `X` interrupting every agent at work.
import { afterEach, describe, expect, it } from 'vitest';
import {
  activeBranch,
  entriesOf,
  eventually,
  gate,
  readJournal,
  replyScript,
  requestConversation,
  typeMessage,
  useWorld,
  waitForState,
} from './e2e-kit.js';
import { KEYS } from './terminal-driver.js';

const openWorld = useWorld();
const holds: (() => void)[] = [];
afterEach(() => {
  for (const release of holds.splice(0)) release();
});

describe('agentmux e2e: send and interrupt', { timeout: 60_000 }, () => {
  it('Enter, typing and Enter send a message; the answer streams into the pane and is journaled', async () => {
    const middle = gate();
    holds.push(middle.release);
    const world = await openWorld({
      script: [
        {
          text: 'Streaming reply, part one. And here is part two.',
          tokensPerDelta: 4,
          hold: { afterDeltas: 1, until: middle.until },
        },
      ],
    });
    const app = await world.launch();
    app.write(KEYS.enter);
    await app.waitFor('message alpha');
    app.write('what is in src?');
    await app.waitFor('what is in src?');
    app.write(KEYS.enter);

    // Mid-stream: the first delta is on screen, the rest is not, and the pane says so.
    await world.model.waitForDeltas(0, 1);
    await app.waitFor('Streaming reply,');
    await app.waitFor(/alpha · streaming/);
    expect(app.screen()).not.toContain('part two');
    middle.release();
    await app.waitFor('And here is part two.');
    await app.waitFor(/alpha · idle/);
    expect(app.screen()).toMatch(/\[1\] you what is in src\?/);

    expect(requestConversation(world.model, 0)).toEqual([
      { role: 'user', text: 'what is in src?' },
    ]);
    expect(world.model.requests[0]?.body.model).toBeTruthy();
    const sessions = world.sessions;
    const branch = await eventually(
      () => activeBranch(readJournal(sessions, 'alpha')),
      (b) => b.length === 2,
      'two entries in the journal',
    );
    expect(branch.map((e) => e.kind)).toEqual(['user', 'assistant']);
    expect(branch[0]).toMatchObject({
      kind: 'user',
      origin: 'typed',
      opensTurn: true,
      text: 'what is in src?',
    });
    expect(branch[1]).toMatchObject({
      kind: 'assistant',
      blocks: [{ type: 'text', text: 'Streaming reply, part one. And here is part two.' }],
    });
    expect(entriesOf(readJournal(sessions, 'beta'))).toEqual([]);
    expect(world.model.rejections).toEqual([]);
  });

  it('Esc mid-stream interrupts: the partial is journaled as interrupted and the next request is valid', async () => {
    const never = gate();
    holds.push(never.release);
    const world = await openWorld({
      script: [
        {
          text: 'Halfway through NEVER-SENT-TAIL',
          tokensPerDelta: 4,
          hold: { afterDeltas: 1, until: never.until },
        },
        { text: 'Fine, stopping.' },
      ],
    });
    const app = await world.launch();
    app.write(KEYS.enter);
    await app.waitFor('message alpha');
    app.write('start work');
    app.write(KEYS.enter);
    await world.model.waitForDeltas(0, 1);
    await app.waitFor('Halfway through');

    app.write(KEYS.escape);
    await app.waitFor(/alpha · idle/);
    // B9: the partial is marked as the person's interrupt, live.
    await app.waitFor('⏹ interrupted by you');
    await world.model.waitFor(() => world.model.connectionsClosedEarly === 1);
    expect(app.screen()).not.toContain('NEVER-SENT-TAIL');
    const sessions = world.sessions;
    const branch = await eventually(
      () => activeBranch(readJournal(sessions, 'alpha')),
      (b) => b.length === 2,
      'the interrupted entry',
    );
    expect(branch[1]).toMatchObject({
      kind: 'interrupted',
      blocks: [{ type: 'text', text: 'Halfway through ' }],
    });

    app.write(KEYS.enter);
    await app.waitFor('message alpha');
    app.write('stop there');
    app.write(KEYS.enter);
    await app.waitFor('Fine, stopping.');
    const next = requestConversation(world.model, 1);
    expect(next[0]).toEqual({ role: 'user', text: 'start work' });
    expect(next[1]).toEqual({ role: 'assistant', text: 'Halfway through ' });
    expect(next[2]?.role).toBe('user');
    expect(next[2]?.text).toMatch(/interrupted[\s\S]*stop there$/);
    expect(next).toHaveLength(3);
    expect(world.model.rejections).toEqual([]);
  });

  it('X interrupts only the agents at work and says so on one status line', async () => {
    const never = gate();
    holds.push(never.release);
    const world = await openWorld({
      agents: ['alpha', 'beta', 'gamma'],
      script: replyScript((text) =>
        text.startsWith('long')
          ? { text: 'Working NEVER-SENT', tokensPerDelta: 2, hold: { afterDeltas: 1, until: never.until } }
          : { text: `answer to ${text}` },
      ),
    });
    const app = await world.launch();
    // Nobody working: X says so and touches nothing.
    app.write('X');
    await app.waitUntil(() => app.line(-2).endsWith('no agent is working: nothing to interrupt'), 'the nothing-to-interrupt line');

    app.write('2');
    await typeMessage(app, 'beta', 'quick one');
    await app.waitFor('answer to quick one');
    await waitForState(app, 'beta', 'idle');
    app.write('1');
    await typeMessage(app, 'alpha', 'long alpha');
    app.write('3');
    await typeMessage(app, 'gamma', 'long gamma');
    // Requests 1 (alpha) and 2 (gamma) each sent their first delta and hold the rest.
    await world.model.waitForDeltas(1, 1, 30_000);
    await world.model.waitForDeltas(2, 1, 30_000);
    await waitForState(app, 'alpha', 'streaming');
    await waitForState(app, 'gamma', 'streaming');

    app.write('X');
    await app.waitUntil(() => app.line(-2).endsWith('│ interrupted alpha, gamma'), 'one status line naming alpha and gamma');
    await waitForState(app, 'alpha', 'idle');
    await waitForState(app, 'gamma', 'idle');
    await world.model.waitFor(() => world.model.connectionsClosedEarly === 2);
    expect(app.screen()).not.toContain('NEVER-SENT');

    const sessions = world.sessions;
    for (const agent of ['alpha', 'gamma']) {
      const branch = await eventually(
        () => activeBranch(readJournal(sessions, agent)),
        (b) => b.length === 2,
        `${agent}'s interrupted partial`,
      );
      expect(branch[1]).toMatchObject({ kind: 'interrupted', reason: 'interrupted by the user' });
    }
    // beta was idle: its answer stands and nothing was added.
    expect(entriesOf(readJournal(sessions, 'beta')).map((e) => e.kind)).toEqual(['user', 'assistant']);
    expect(world.model.requests).toHaveLength(3);
  });
});
