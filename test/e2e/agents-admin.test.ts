// e2e: fork (`f`) and its undo (`u`), `:close`, `:rename` across a restart, and `:budget --turns`.
import { describe, expect, it } from 'vitest';
import {
  activeBranch,
  answerEcho,
  entriesOf,
  eventually,
  readJournal,
  requestConversation,
  runCommand,
  titlesOf,
  typeMessage,
  useWorld,
  waitForState,
} from './e2e-kit.js';
import type { Driver } from './terminal-driver.js';

const openWorld = useWorld();

async function waitForStatus(app: Driver, message: string): Promise<void> {
  await app.waitUntil(() => app.line(-2).endsWith(`│ ${message}`), `"${message}" in the status bar`);
}

describe('agentmux e2e: fork, close, rename, budget', { timeout: 60_000 }, () => {
  it('f forks the focused agent into a new pane whose journal has forkOf; u closes that pane again', async () => {
    const world = await openWorld({ script: answerEcho });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'one');
    await app.waitFor('answer to one');
    await waitForState(app, 'alpha', 'idle');

    app.write('f');
    await waitForStatus(app, 'forked alpha into alpha-fork');
    await waitForState(app, 'alpha-fork', 'idle');
    expect(titlesOf(app.screen())).toEqual(['▶ 1 alpha', '2 beta', '3 alpha-fork']);
    // The fork's pane shows the copied turn: the answer is on screen twice.
    await app.waitUntil((screen) => screen.split('answer to one').length === 3, 'the copied turn in the fork pane');

    const sessions = world.sessions;
    const alpha = readJournal(sessions, 'alpha');
    const header = alpha[0];
    const forkRecords = await eventually(
      () => readJournal(sessions, 'alpha-fork'),
      (records) => entriesOf(records).length === 2,
      'the fork journal with its two copies',
    );
    const alphaBranch = activeBranch(alpha);
    expect(forkRecords[0]).toMatchObject({
      t: 'session',
      name: 'alpha-fork',
      forkOf: { session: header?.t === 'session' ? header.id : 'no header', entry: alphaBranch[1]?.id },
    });
    const copies = entriesOf(forkRecords);
    expect(copies.map((e) => e.kind)).toEqual(['user', 'assistant']);
    expect(copies[0]).toMatchObject({ text: 'one' });
    // Copies, not the same entries: fresh ids.
    expect(copies.some((copy) => alphaBranch.some((e) => e.id === copy.id))).toBe(false);

    // The fork carries the history into its first request.
    app.write('3');
    await typeMessage(app, 'alpha-fork', 'fork two');
    await app.waitFor('answer to fork two');
    expect(requestConversation(world.model, 1)).toEqual([
      { role: 'user', text: 'one' },
      { role: 'assistant', text: 'answer to one' },
      { role: 'user', text: 'fork two' },
    ]);

    app.write('1');
    await app.waitFor(/┌ ▶ 1 alpha ·/);
    app.write('u');
    await waitForStatus(app, 'undid the fork of alpha: closed alpha-fork');
    await app.waitUntil((screen) => titlesOf(screen).join() === '▶ 1 alpha,2 beta', 'the fork pane to close');
    expect(app.screen()).not.toContain('answer to fork two');
    expect(readJournal(sessions, 'alpha').some((record) => record.t === 'undo')).toBe(true);
    expect(world.model.rejections).toEqual([]);
  });

  it(':close removes the pane and keeps the session; :new with the same name reattaches it', async () => {
    const world = await openWorld({ script: answerEcho });
    const app = await world.launch();
    app.write('2');
    await typeMessage(app, 'beta', 'beta one');
    await app.waitFor('answer to beta one');
    await waitForState(app, 'beta', 'idle');

    await runCommand(app, 'close');
    await waitForStatus(app, 'closed beta (its session stays in the store)');
    await app.waitUntil((screen) => titlesOf(screen).join() === '▶ 1 alpha', 'alpha alone, focused');
    // alpha takes the whole width now.
    expect(app.line(0)).toMatch(/^┌ ▶ 1 alpha · idle .*─┐$/);
    expect(app.screen()).not.toContain('answer to beta one');

    await runCommand(app, 'new beta');
    await app.waitUntil(() => app.line(-2).includes('reattached its stored session'), 'the reattach message');
    await app.waitFor('answer to beta one');
    await typeMessage(app, 'beta', 'beta two');
    await app.waitFor('answer to beta two');
    expect(requestConversation(world.model, 1)).toEqual([
      { role: 'user', text: 'beta one' },
      { role: 'assistant', text: 'answer to beta one' },
      { role: 'user', text: 'beta two' },
    ]);
  });

  it(':rename writes a rename record and retitles the pane; a restart reattaches the session under the new name', async () => {
    const world = await openWorld({ script: answerEcho });
    const first = await world.launch();
    await typeMessage(first, 'alpha', 'one');
    await first.waitFor('answer to one');
    await waitForState(first, 'alpha', 'idle');

    await runCommand(first, 'rename scout');
    await waitForStatus(first, 'renamed alpha to scout');
    await first.waitFor(/┌ ▶ 1 scout · idle/);
    expect(titlesOf(first.screen())).toEqual(['▶ 1 scout', '2 beta']);
    const records = readJournal(world.sessions, 'alpha');
    expect(records.filter((record) => record.t === 'rename')).toEqual([{ t: 'rename', name: 'scout' }]);
    first.write('q');
    expect(await first.exited()).toBe(0);

    // The layout still names alpha (a fresh session); scout comes back as a pane of its own.
    const second = await world.launch();
    await waitForState(second, 'scout', 'idle');
    await second.waitFor('answer to one');
    expect(titlesOf(second.screen()).map((title) => title.replace('▶ ', ''))).toEqual(['1 alpha', '2 beta', '3 scout']);
    second.write('3');
    await typeMessage(second, 'scout', 'two');
    await second.waitFor('answer to two');
    expect(requestConversation(world.model, 1)).toEqual([
      { role: 'user', text: 'one' },
      { role: 'assistant', text: 'answer to one' },
      { role: 'user', text: 'two' },
    ]);
  });

  it(':budget --turns 1 refuses a second turn (over-budget in the title); budget --clear then p runs it', async () => {
    const world = await openWorld({ script: answerEcho });
    const app = await world.launch();
    await runCommand(app, 'budget --turns 1');
    await waitForStatus(app, 'alpha budget: turns 1');
    await typeMessage(app, 'alpha', 'one');
    await app.waitFor('answer to one');
    await waitForState(app, 'alpha', 'idle');

    await typeMessage(app, 'alpha', 'two');
    // The refused turn's message waits in the queue (the title counts it) for the budget to rise.
    await app.waitFor(/┌ ▶ 1 alpha · over-budget \(turns 1\/1 · 1 queued\)/);
    // beta is not capped: its answer arriving shows alpha had its chance and sent nothing.
    app.write('2');
    await typeMessage(app, 'beta', 'beta one');
    await app.waitFor('answer to beta one');
    expect(world.model.requests).toHaveLength(2);
    await waitForState(app, 'alpha', 'over-budget');
    expect(app.screen()).not.toContain('answer to two');

    app.write('1');
    await app.waitFor(/┌ ▶ 1 alpha ·/);
    await runCommand(app, 'budget --clear');
    await waitForStatus(app, 'alpha budget: none');
    await app.waitFor(/┌ ▶ 1 alpha · paused \(budget raised: resume to continue · 1 queued\)/);
    app.write('p');
    await app.waitFor('answer to two');
    await waitForState(app, 'alpha', 'idle');
    expect(requestConversation(world.model, 2)).toEqual([
      { role: 'user', text: 'one' },
      { role: 'assistant', text: 'answer to one' },
      { role: 'user', text: 'two' },
    ]);
    const budgets = readJournal(world.sessions, 'alpha').filter((record) => record.t === 'budget');
    expect(budgets).toEqual([
      { t: 'budget', limits: { turns: 1 } },
      { t: 'budget', limits: {} },
    ]);
  });
});
