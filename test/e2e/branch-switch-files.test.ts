// e2e: the timeline's `s` switches branch and the workspace files follow (the branch left goes back
// to the fork point, the branch reached gets its files); a file changed since opens the conflict
// list, and `k` keeps it while restoring the rest.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventually, readJournal, runCommand, typeMessage, useWorld, waitForState } from './e2e-kit.js';
import { KEYS, type Driver } from './terminal-driver.js';
import { restoredFilesOf } from '../../src/core/session-state.js';

const openWorld = useWorld();

/** The timeline row the picker has selected: `[TURN.K]` or `└─ ⎇ N` (a pane title's ▶ is followed by neither). */
function selectedRow(screen: string): string | undefined {
  return /▶ +(\[[\d.]+\]|[└├]─ ⎇ \d+)/.exec(screen)?.[1];
}

/** Opens the timeline with `r` and moves up, one key at a time, until side branch `number` is selected. */
async function selectBranch(app: Driver, number: number): Promise<void> {
  app.write('r');
  await app.waitFor('timeline of alpha', 30_000);
  await app.waitUntil((screen) => selectedRow(screen) !== undefined, 'a selected row', 30_000);
  for (let step = 0; step < 20; step++) {
    const now = selectedRow(app.screen());
    if (now !== undefined && new RegExp(`^[└├]─ ⎇ ${number}$`).test(now)) return;
    app.write(KEYS.up);
    await app.waitUntil((screen) => selectedRow(screen) !== now, `the selection to move from ${now ?? '?'}`, 30_000);
  }
  throw new Error(`branch ${number} not found in the timeline:\n${app.screen()}`);
}

async function turn(app: Driver, text: string, done: string): Promise<void> {
  await typeMessage(app, 'alpha', text);
  await app.waitFor(done, 30_000);
  await waitForState(app, 'alpha', 'idle', 30_000);
}

describe('agentmux e2e: switching branch restores files', { timeout: 180_000 }, () => {
  it('s on a ⎇ branch row puts its files on disk, u takes them back, and a changed file opens the conflict list', async () => {
    const world = await openWorld({
      agents: ['alpha'],
      approval: { approve: 'auto' },
      script: [
        { text: 'Writing.', toolUses: [{ name: 'write_file', input: { path: 'notes.txt', content: 'v1\n' } }] },
        { text: 'Turn one done.' },
        { text: 'Writing more.', toolUses: [{ name: 'bash', input: { command: 'printf "v2\\n" > notes.txt && printf x > extra.txt' } }] },
        { text: 'Turn two done.' },
        { text: 'Writing other.', toolUses: [{ name: 'write_file', input: { path: 'other.txt', content: 'o\n' } }] },
        { text: 'Other turn done.' },
      ],
    });
    const w = world;
    const read = (name: string): string | null => (existsSync(join(w.workspace, name)) ? readFileSync(join(w.workspace, name), 'utf8') : null);
    const disk = (): Record<string, string | null> => ({ notes: read('notes.txt'), extra: read('extra.txt'), other: read('other.txt') });
    const app = await w.launch();
    await turn(app, 'write the notes', 'Turn one done.');
    await turn(app, 'write more', 'Turn two done.');
    await runCommand(app, 'rewind 1');
    await app.waitFor('rewound alpha to 1; restored 2 files (u undoes)', 30_000);
    await turn(app, 'write other', 'Other turn done.');
    expect(disk()).toEqual({ notes: 'v1\n', extra: null, other: 'o\n' });

    await selectBranch(app, 1);
    app.write('s');
    await app.waitFor('switched alpha to branch 1 (now 2 turns; restored 3 files; u undoes)', 30_000);
    expect(disk()).toEqual({ notes: 'v2\n', extra: 'x', other: null });
    const records = await eventually(
      () => readJournal(w.sessions, 'alpha'),
      (all) => all.some((r) => r.t === 'undo-point' && r.op === 'switch'),
      'the switch undo point in the journal',
      30_000,
    );
    const point = records.findLast((r) => r.t === 'undo-point');
    expect(point?.t === 'undo-point' ? restoredFilesOf(point)?.map((f) => f.path).sort() : undefined).toEqual(['extra.txt', 'notes.txt', 'other.txt']);

    app.write('u');
    await app.waitFor("undid alpha's switch; restored 3 files", 30_000);
    expect(disk()).toEqual({ notes: 'v1\n', extra: null, other: 'o\n' });

    // Someone else changes a file the switch would restore: `s` asks, `k` keeps it and restores the rest.
    writeFileSync(join(w.workspace, 'other.txt'), 'the user was here\n');
    await selectBranch(app, 1);
    app.write('s');
    await app.waitFor('switch alpha: 1 file changed since by someone else', 30_000);
    await app.waitFor('other.txt');
    expect(disk()).toEqual({ notes: 'v1\n', extra: null, other: 'the user was here\n' });
    app.write('k');
    await app.waitFor('switched alpha to branch 1 (now 2 turns; restored 2 files; kept 1 changed file: other.txt; u undoes)', 30_000);
    expect(disk()).toEqual({ notes: 'v2\n', extra: 'x', other: 'the user was here\n' });
  });
});
