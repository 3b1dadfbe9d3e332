// e2e: the graft picker (`g`): source, turn range with a live preview, Enter grafts.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  answerEcho,
  entriesOf,
  eventually,
  paneText,
  readJournal,
  requestConversation,
  typeMessage,
  useWorld,
  waitForState,
} from './e2e-kit.js';
import { KEYS } from './terminal-driver.js';

const openWorld = useWorld();

describe('agentmux e2e: graft picker', { timeout: 90_000 }, () => {
  it('g → alpha → 1..1 previews turn 1 as beta will show it; Enter grafts it into pane, journal and next request', async () => {
    const world = await openWorld({ script: answerEcho });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'alpha question');
    await app.waitFor('answer to alpha question');
    await waitForState(app, 'alpha', 'idle');
    await typeMessage(app, 'alpha', 'second question');
    await app.waitFor('answer to second question');
    await waitForState(app, 'alpha', 'idle');
    app.write(KEYS.tab);
    await app.waitFor(/▶ 2 beta/);

    app.write('g');
    await app.waitFor('graft into beta — pick a source');
    await app.waitFor(/▶ agent +alpha +2 turns/);
    expect(app.screen()).toContain('transcript file…');
    app.write(KEYS.enter);
    await app.waitFor('graft into beta from alpha — pick turns FROM..TO');
    await app.waitFor(/▶ +1: alpha question/);
    // Before FROM is set, the preview follows the highlighted turn.
    app.write(KEYS.down);
    await app.waitFor('appends turns 2..2 as beta will show them');
    await app.waitFor(/\[1\] you .*second question/);
    app.write(KEYS.up);
    await app.waitFor('appends turns 1..1 as beta will show them');
    app.write(KEYS.enter);
    await app.waitFor('FROM 1: Enter sets TO and grafts');
    const preview = app.screen();
    expect(preview).toMatch(/⎇ grafted turn 1 from alpha \(2 entries\)/);
    expect(preview).toMatch(/\[1\] you .*alpha question/);
    expect(preview).toMatch(/\[1\.2\] ⎇ alpha .*answer to alpha question/);
    expect(preview).not.toMatch(/\[1\] you .*second question/);
    app.write(KEYS.enter);
    await app.waitFor('grafted turn 1 of alpha into beta (2 entries)');
    await app.waitUntil((screen) => !screen.includes('graft into beta'), 'the picker to close');
    expect(paneText(app.screen(), 1, 2)).toContain('alpha question');

    const betaRecords = await eventually(
      () => readJournal(world.sessions, 'beta'),
      (r) => entriesOf(r).length === 3,
      'the grafted entries in beta journal',
    );
    const grafted = entriesOf(betaRecords);
    expect(grafted.map((e) => e.kind)).toEqual(['graft-marker', 'user', 'assistant']);
    expect(grafted[0]).toMatchObject({ kind: 'graft-marker', sourceName: 'alpha', fromTurn: 1, toTurn: 1 });
    expect(grafted[1]).toMatchObject({ text: 'alpha question', provenance: { kind: 'graft', sourceName: 'alpha' } });
    expect(world.model.requests).toHaveLength(2);

    await typeMessage(app, 'beta', 'beta question');
    await app.waitFor('answer to beta question');
    expect(requestConversation(world.model, 2)).toEqual([
      { role: 'user', text: 'alpha question' },
      { role: 'assistant', text: 'answer to alpha question' },
      { role: 'user', text: 'beta question' },
    ]);
    expect(world.model.rejections).toEqual([]);
  });

  it("a typed FROM..TO is checked as it is typed and refused on Enter; Esc backs out one step at a time, then closes", async () => {
    const world = await openWorld({ script: answerEcho });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'first');
    await app.waitFor('answer to first');
    await waitForState(app, 'alpha', 'idle');
    app.write(KEYS.tab);
    await app.waitFor(/▶ 2 beta/);
    app.write('g');
    await app.waitFor('graft into beta — pick a source');
    app.write(KEYS.enter);
    await app.waitFor('pick turns FROM..TO');
    app.write('1..5');
    await app.waitFor('typed 1..5');
    // The range is checked as it is typed; Enter then refuses it and the picker stays open.
    await app.waitFor('turn 5 does not exist (the branch has 1 turn) · typed 1..5');
    app.write(KEYS.enter);
    await app.waitFor('turn 5 does not exist (the branch has 1 turn) · typed 1..5');
    expect(app.screen()).toContain('pick turns FROM..TO');
    app.write(KEYS.escape);
    await app.waitUntil((screen) => !screen.includes('typed 1..5'), 'the typed range to clear');
    app.write(KEYS.escape);
    await app.waitFor('graft into beta — pick a source');
    app.write(KEYS.escape);
    // The picker's box (its title) is gone and the mode is normal again; the status line may still
    // show the graft-picker command's own result, `graft into beta: pick a source`.
    await app.waitUntil((screen) => !screen.includes('graft into beta —') && screen.includes(' NORMAL '), 'the picker to close');
    expect(entriesOf(readJournal(world.sessions, 'beta'))).toEqual([]);
  });

  it('"transcript file…" reads a Claude Code JSONL by path; 2..2 grafts its second turn and the status line counts skipped lines', async () => {
    const world = await openWorld({ script: answerEcho });
    const app = await world.launch();
    const file = join(import.meta.dirname, '..', 'fixtures', 'transcripts', 'claude-code-session.jsonl');
    app.write('g');
    await app.waitFor('graft into alpha — pick a source');
    for (let step = 0; step < 5 && !/▶ transcript file…/.test(app.screen()); step++) {
      const before = app.screen();
      app.write(KEYS.down);
      await app.waitUntil((screen) => screen !== before, 'the selection to move');
    }
    app.write(KEYS.enter);
    await app.waitFor('transcript file (an agentmux journal');
    app.write(file);
    await app.waitFor('claude-code-session.jsonl');
    app.write(KEYS.enter);
    await app.waitFor('graft into alpha from claude-code-session.jsonl');
    app.write('2..2');
    await app.waitFor(/\[1\] you .*Now fix it and add a test\./);
    app.write(KEYS.enter);
    await app.waitFor('grafted turn 2 of claude-code-session.jsonl into alpha (2 entries) (5 lines of claude-code-session.jsonl skipped)');
    const grafted = entriesOf(readJournal(world.sessions, 'alpha'));
    expect(grafted.map((e) => e.kind)).toEqual(['graft-marker', 'user', 'assistant']);
    expect(grafted[1]).toMatchObject({ text: 'Now fix it and add a test.' });
  });
});
