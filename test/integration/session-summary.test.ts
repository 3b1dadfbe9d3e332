// The session browser's figures (issue 11, B10): a fork's row shows the turns its pane shows at
// once, with a known zero cost (copies cost nothing: the source spent it), and quitting is no
// activity, so after a restart rows keep their own "last activity" instead of all saying "just now".
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSessionStore } from '../../src/adapters/store/file-session-store.js';
import { sessionRowText } from '../../src/app/session-browser-rows.js';
import { dispatch } from '../../src/core/dispatch.js';
import { closeHarnesses, openHarness, startHarness } from './harness.js';

afterEach(closeHarnesses);

const HOUR = 3_600_000;

describe('session rows', () => {
  it("a fork's row shows its copied turns and a known $0 at once, and its source keeps its own", async () => {
    const h = await openHarness([{ text: 'One.' }, { text: 'Two.' }]);
    for (const text of ['first', 'second']) {
      expect(dispatch(h.controller, `send ${text}`).kind).toBe('ok');
      await h.settled('alpha');
    }
    expect(dispatch(h.controller, 'fork')).toMatchObject({ kind: 'ok', message: 'forked alpha into alpha-fork' });
    const fork = h.store.list().find((row) => row.name === 'alpha-fork');
    expect(fork).toMatchObject({ branchTurns: 2, turns: 0, costUsd: 0, inputTokens: 0 });
    expect(h.agent('alpha-fork').session?.view().turnCount).toBe(2);
    if (fork === undefined) throw new Error('no fork row');
    expect(sessionRowText(fork, true, Date.now(), 0)).toMatch(/^● alpha-fork +claude-sonnet-4-6 +2 +0\/0 +\$0\.000 /);
    expect(h.store.list().find((row) => row.name === 'alpha')).toMatchObject({ branchTurns: 2, turns: 2 });
  });

  it('after a quit and a restart an hour later, a row keeps the time of its last activity, not the quit or the load', async () => {
    let clock = Date.UTC(2026, 11, 7, 9, 0, 0);
    const h = await startHarness([{ text: 'Done.' }], { now: () => clock });
    expect(dispatch(h.controller, 'send work').kind).toBe('ok');
    await h.settled('alpha');
    const worked = clock;
    clock += HOUR; // nothing happens for an hour, then agentmux quits
    const dir = h.dir;
    await h.controller.shutdown();
    await h.store.close();
    await h.model.close();
    const reopened = FileSessionStore.open(dir);
    if (!reopened.ok) throw new Error(reopened.error);
    expect(reopened.value.list().find((row) => row.name === 'alpha')?.updated).toBe(worked);
    await reopened.value.close();
    clock += HOUR; // the restart: the layout reattaches alpha, and it is closed again untouched
    const again = await openHarness([], { dir, now: () => clock });
    expect(again.agent('alpha').session?.view().turnCount).toBe(1);
    await again.controller.shutdown();
    expect(again.store.list().find((row) => row.name === 'alpha')?.updated).toBe(worked);
    await closeHarnesses();
    rmSync(dir, { recursive: true, force: true });
    rmSync(h.workspace, { recursive: true, force: true });
  });
});
