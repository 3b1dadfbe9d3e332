// e2e: the branch tree in the timeline, and switching branches by keys (issue 5, item 1).
import { describe, expect, it } from 'vitest';
import {
  activeBranch,
  answerEcho,
  eventually,
  readJournal,
  requestConversation,
  typeMessage,
  useWorld,
  waitForState,
  type World,
} from './e2e-kit.js';
import { KEYS, type Driver } from './terminal-driver.js';

const openWorld = useWorld();

async function turn(app: Driver, text: string): Promise<void> {
  await typeMessage(app, 'alpha', text);
  await app.waitFor(`answer to ${text}`, 30_000);
  await waitForState(app, 'alpha', 'idle', 30_000);
}

/** The user texts of the journal's active branch. */
function activePrompts(w: World): string[] {
  return activeBranch(readJournal(w.sessions, 'alpha')).flatMap((e) => (e.kind === 'user' ? [e.text] : []));
}

async function openTimeline(app: Driver): Promise<void> {
  app.write('r');
  await app.waitFor('timeline of alpha', 30_000);
}

describe('agentmux e2e: the branch tree in the timeline', { timeout: 180_000 }, () => {
  it('r shows the branch a rewind left; s switches to it, the pane shows the old turn 2, u returns', async () => {
    const world = await openWorld({ script: answerEcho });
    const w = world;
    const app = await w.launch();
    await turn(app, 'one');
    await turn(app, 'two');

    // Rewind to 1.2 by keys: the timeline starts on the head (2.2).
    await openTimeline(app);
    await app.waitFor(/▶ \[2\.2\]/);
    app.write(KEYS.up + KEYS.up);
    await app.waitFor(/▶ \[1\.2\]/);
    app.write(KEYS.enter);
    await app.waitFor('rewound alpha to 1.2 (u undoes)', 30_000);
    await turn(app, 'three');

    // The timeline lists the side branch under 1.2, with what it held.
    await openTimeline(app);
    await app.waitFor(/└─ ⎇ 1: 1 turn, left by rewind \d\d:\d\d — 'two' … 'answer to two'/);
    await app.waitFor(/▶ \[2\.2\]/);
    app.write(KEYS.up + KEYS.up);
    await app.waitFor(/▶ +└─ ⎇ 1/);
    app.write('s');
    await app.waitFor('switched alpha to branch 1 (now 2 turns; u undoes)', 30_000);
    await app.waitUntil(
      (screen) => screen.includes('answer to two') && !screen.includes('answer to three'),
      'the old turn 2 back in the pane',
      30_000,
    );
    const records = await eventually(
      () => readJournal(w.sessions, 'alpha'),
      (r) => r.some((record) => record.t === 'head' && record.reason === 'switch'),
      'a switch head record',
      30_000,
    );
    const switchAt = records.findIndex((record) => record.t === 'undo-point' && record.op === 'switch');
    expect(switchAt).toBeGreaterThan(0);
    expect(records[switchAt + 1]).toMatchObject({ t: 'head', reason: 'switch' });
    expect(activePrompts(w)).toEqual(['one', 'two']);

    // u undoes the switch: the branch with turn "three" is active again.
    app.write('u');
    await app.waitFor("undid alpha's switch", 30_000);
    await app.waitUntil(
      (screen) => screen.includes('answer to three') && !screen.includes('answer to two'),
      'turn "three" back in the pane',
      30_000,
    );
    await eventually(() => activePrompts(w), (prompts) => prompts.join() === 'one,three', 'the journal head back on "three"', 30_000);

    // Enter on a branch row switches too; the next request carries the branch switched to.
    await openTimeline(app);
    await app.waitFor(/▶ \[2\.2\]/);
    app.write(KEYS.up + KEYS.up);
    await app.waitFor(/▶ +└─ ⎇ 1: 1 turn, left by rewind \d\d:\d\d — 'two'/);
    app.write(KEYS.enter);
    await app.waitFor('switched alpha to branch 1', 30_000);
    await turn(app, 'four');
    const last = w.model.requests.length - 1;
    expect(requestConversation(w.model, last)).toEqual([
      { role: 'user', text: 'one' },
      { role: 'assistant', text: 'answer to one' },
      { role: 'user', text: 'two' },
      { role: 'assistant', text: 'answer to two' },
      { role: 'user', text: 'four' },
    ]);
    expect(w.model.rejections).toEqual([]);
  });
});
