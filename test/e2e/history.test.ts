// e2e: rewind (`:rewind` and the timeline), edit (`e` and `:edit` through $EDITOR) and graft;
// what the status bar says in the timeline opened by `e` (edit) and by `r` (rewind).
import { describe, expect, it } from 'vitest';
import {
  activeBranch,
  answerEcho,
  entriesOf,
  eventually,
  readJournal,
  requestConversation,
  runCommand,
  typeMessage,
  useWorld,
  waitForState,
  type World,
} from './e2e-kit.js';
import { KEYS, type Driver } from './terminal-driver.js';

const openWorld = useWorld();

async function twoTurns(app: Driver): Promise<void> {
  await typeMessage(app, 'alpha', 'one');
  await app.waitFor('answer to one');
  await waitForState(app, 'alpha', 'idle');
  await typeMessage(app, 'alpha', 'two');
  await app.waitFor('answer to two');
  await waitForState(app, 'alpha', 'idle');
}

/** After a rewind to turn 1: the pane, the journal and the next request all lack turn 2. */
async function expectRewoundToTurnOne(app: Driver, w: World): Promise<void> {
  await app.waitUntil(
    (screen) => !screen.includes('answer to two') && screen.includes('answer to one'),
    'turn 2 to leave the pane',
  );
  const records = await eventually(
    () => readJournal(w.sessions, 'alpha'),
    (r) => r.some((record) => record.t === 'head' && record.reason === 'rewind'),
    'a rewind head record',
  );
  expect(activeBranch(records).map((e) => (e.kind === 'user' ? e.text : e.kind))).toEqual([
    'one',
    'assistant',
  ]);
  // Nothing is deleted: turn 2 is still in the journal, off the active branch.
  expect(entriesOf(records).some((e) => e.kind === 'user' && e.text === 'two')).toBe(true);

  await typeMessage(app, 'alpha', 'three');
  await app.waitFor('answer to three');
  expect(w.model.requests).toHaveLength(3);
  expect(requestConversation(w.model, 2)).toEqual([
    { role: 'user', text: 'one' },
    { role: 'assistant', text: 'answer to one' },
    { role: 'user', text: 'three' },
  ]);
  expect(app.screen()).toMatch(/\[2\] you three/);
  expect(w.model.rejections).toEqual([]);
}

describe('agentmux e2e: rewind, edit, graft', { timeout: 60_000 }, () => {
  it(':rewind 1 takes turn 2 off the pane, the journal branch and the next request', async () => {
    const world = await openWorld({ script: answerEcho });
    const app = await world.launch();
    await twoTurns(app);
    await runCommand(app, 'rewind 1');
    await expectRewoundToTurnOne(app, world);
  });

  it('r opens the timeline; arrows pick 1.2 and Enter rewinds there', async () => {
    const world = await openWorld({ script: answerEcho });
    const app = await world.launch();
    await twoTurns(app);
    app.write('r');
    await app.waitFor('timeline of alpha');
    await app.waitFor(/▶ \[2\.2\]/);
    app.write(KEYS.up);
    app.write(KEYS.up);
    await app.waitFor(/▶ \[1\.2\]/);
    app.write(KEYS.enter);
    await app.waitUntil((screen) => !screen.includes('timeline of alpha'), 'the timeline to close');
    await expectRewoundToTurnOne(app, world);
  });

  it('e opens the timeline; Enter on 1.1 runs $EDITOR and the next request carries the edited text', async () => {
    const world = await openWorld({ script: answerEcho });
    const editor = world.script('swap-fruit.sh', `sed -i 's/apples/oranges/' "$1"`);
    const app = await world.launch({ EDITOR: editor });
    await typeMessage(app, 'alpha', 'I like apples');
    await app.waitFor('answer to I like apples');
    await waitForState(app, 'alpha', 'idle');
    app.write('e');
    await app.waitFor('timeline of alpha — Enter edits');
    app.write(KEYS.up);
    await app.waitFor(/▶ \[1\.1\]/);
    app.write(KEYS.enter);
    await app.waitFor(/\[1\] you \(edited\) I like oranges/);
    await expectEditedTurnOne(app, world);
  });

  it(':edit 1 runs $EDITOR on turn 1 and the next request carries the edited text', async () => {
    const world = await openWorld({ script: answerEcho });
    const editor = world.script('swap-fruit.sh', `sed -i 's/apples/oranges/' "$1"`);
    const app = await world.launch({ EDITOR: editor });
    await typeMessage(app, 'alpha', 'I like apples');
    await app.waitFor('answer to I like apples');
    await waitForState(app, 'alpha', 'idle');
    await runCommand(app, 'edit 1');
    await app.waitFor(/\[1\] you \(edited\) I like oranges/);
    await expectEditedTurnOne(app, world);
  });

  it(':edit 1 with neither $VISUAL nor $EDITOR edits in the in-app text area; C-s saves', async () => {
    const world = await openWorld({ script: answerEcho });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'I like apples');
    await app.waitFor('answer to I like apples');
    await waitForState(app, 'alpha', 'idle');
    await runCommand(app, 'edit 1');
    await app.waitFor('C-s saves, Esc cancels');
    await app.waitUntil(() => app.line(-2).startsWith(' EDIT '), 'the status bar to say EDIT');
    app.write(' and pears');
    await app.waitFor('I like apples and pears');
    app.write(KEYS.ctrlS);
    await app.waitFor(/\[1\] you \(edited\) I like apples and pears/);
    await app.waitUntil(() => app.line(-2).startsWith(' NORMAL '), 'normal mode again');
    await typeMessage(app, 'alpha', 'next');
    await app.waitFor('answer to next');
    expect(requestConversation(world.model, 1)).toEqual([
      { role: 'user', text: 'I like apples and pears' },
      { role: 'assistant', text: 'answer to I like apples' },
      { role: 'user', text: 'next' },
    ]);
  });

  it(':graft -t beta alpha 1 copies alpha turn 1 into beta without a model call; beta next request carries it', async () => {
    const world = await openWorld({ script: answerEcho });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'alpha question');
    await app.waitFor('answer to alpha question');
    await waitForState(app, 'alpha', 'idle');

    await runCommand(app, 'graft -t beta alpha 1');
    await app.waitFor(/grafted/);
    const betaRecords = await eventually(
      () => readJournal(world.sessions, 'beta'),
      (r) => entriesOf(r).length === 3,
      'the grafted entries in beta journal',
    );
    const grafted = entriesOf(betaRecords);
    expect(grafted.map((e) => e.kind)).toEqual(['graft-marker', 'user', 'assistant']);
    expect(grafted[1]).toMatchObject({
      text: 'alpha question',
      provenance: { kind: 'graft', sourceName: 'alpha' },
    });
    const alphaIds = new Set(entriesOf(readJournal(world.sessions, 'alpha')).map((e) => e.id));
    expect(grafted.some((e) => alphaIds.has(e.id))).toBe(false);
    expect(world.model.requests).toHaveLength(1);

    app.write(KEYS.tab);
    await app.waitFor(/▶ 2 beta/);
    await typeMessage(app, 'beta', 'beta question');
    await app.waitFor('answer to beta question');
    expect(requestConversation(world.model, 1)).toEqual([
      { role: 'user', text: 'alpha question' },
      { role: 'assistant', text: 'answer to alpha question' },
      { role: 'user', text: 'beta question' },
    ]);
    expect(world.model.rejections).toEqual([]);
  });

  it('the timeline opened by e says in the status bar that Enter edits, not that it rewinds', async () => {
    const world = await openWorld({ script: answerEcho, agents: ['alpha'] });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'first');
    await app.waitFor('answer to first');
    app.write('e');
    await app.waitFor('timeline of alpha — Enter edits');
    await app.waitUntil((screen) => screen.includes('Enter/e edit') && !screen.includes('Enter/r rewind'), 'edit hints');
    await app.waitUntil(() => app.line(-2).includes('TIMELINE'), 'the mode to read TIMELINE');
    // Esc and r in one read are one Alt key (issue 11, B3): a person's two presses come apart.
    app.write(KEYS.escape);
    await app.waitUntil(() => !app.line(-2).includes('TIMELINE'), 'the timeline to close');
    app.write('r');
    await app.waitFor('timeline of alpha — Enter rewinds');
    await app.waitFor('Enter/r rewind');
  });
});

async function expectEditedTurnOne(app: Driver, w: World): Promise<void> {
  const records = await eventually(
    () => readJournal(w.sessions, 'alpha'),
    (r) => entriesOf(r).some((e) => e.kind === 'edit'),
    'an edit entry in the journal',
  );
  const edit = entriesOf(records).find((e) => e.kind === 'edit');
  expect(edit).toMatchObject({
    kind: 'edit',
    replacement: { kind: 'text', text: 'I like oranges' },
  });
  expect(w.model.requests).toHaveLength(1);
  await typeMessage(app, 'alpha', 'next');
  await app.waitFor('answer to next');
  expect(requestConversation(w.model, 1)).toEqual([
    { role: 'user', text: 'I like oranges' },
    { role: 'assistant', text: 'answer to I like apples' },
    { role: 'user', text: 'next' },
  ]);
  expect(w.model.rejections).toEqual([]);
}
