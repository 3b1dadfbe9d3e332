// e2e: file checkpoints through the real binary. An agent writes and runs bash; `:rewind 1`
// puts the files back as at the end of turn 1 (journal: an undo point listing them); a file
// changed since makes `u` show the conflict list, and `k` keeps it while restoring the rest.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activeBranch, eventually, readJournal, runCommand, typeMessage, useWorld, waitForState } from './e2e-kit.js';
import { restoredFilesOf } from '../../src/core/session-state.js';

const openWorld = useWorld();

describe('agentmux e2e: file rewind', { timeout: 120_000 }, () => {
  it(':rewind 1 restores the files of turn 1, u brings turn 2 back, and a changed file opens the conflict list', async () => {
    const world = await openWorld({
      agents: ['alpha'],
      approval: { approve: 'auto' },
      script: [
        { text: 'Writing.', toolUses: [{ name: 'write_file', input: { path: 'notes.txt', content: 'v1\n' } }] },
        { text: 'Turn one done.' },
        { text: 'Running.', toolUses: [{ name: 'bash', input: { command: 'printf "v2\\n" > notes.txt && mkdir -p out && printf x > out/made.txt' } }] },
        { text: 'Turn two done.' },
      ],
    });
    const w = world;
    const notes = join(w.workspace, 'notes.txt');
    const made = join(w.workspace, 'out', 'made.txt');
    const app = await w.launch();
    await typeMessage(app, 'alpha', 'write the notes');
    await app.waitFor('Turn one done.', 30_000);
    await waitForState(app, 'alpha', 'idle', 30_000);
    await typeMessage(app, 'alpha', 'run it');
    await app.waitFor('Turn two done.', 30_000);
    await waitForState(app, 'alpha', 'idle', 30_000);
    expect(readFileSync(notes, 'utf8')).toBe('v2\n');
    expect(existsSync(made)).toBe(true);

    await runCommand(app, 'rewind 1');
    await app.waitFor('rewound alpha to 1; restored 2 files (u undoes)', 30_000);
    expect(readFileSync(notes, 'utf8')).toBe('v1\n');
    expect(existsSync(join(w.workspace, 'out'))).toBe(false);
    const records = await eventually(
      () => readJournal(w.sessions, 'alpha'),
      (all) => all.some((r) => r.t === 'undo-point' && restoredFilesOf(r) !== undefined),
      'the undo point with files in the journal',
    );
    const point = records.find((r) => r.t === 'undo-point');
    expect(point?.t === 'undo-point' ? restoredFilesOf(point)?.map((f) => f.path).sort() : undefined).toEqual(['notes.txt', 'out/made.txt']);
    expect(activeBranch(records).some((e) => e.kind === 'tool-result' && e.toolName === 'bash')).toBe(false);

    // Someone else changes a file the rewind restored: `u` asks, `k` keeps it and restores the rest.
    writeFileSync(notes, 'the user was here\n');
    app.write('u');
    await app.waitFor('undo alpha: 1 file changed since by someone else', 30_000);
    await app.waitFor('notes.txt');
    app.write('k');
    await app.waitFor("undid alpha's rewind; restored 1 file; kept 1 changed file: notes.txt", 30_000);
    expect(readFileSync(notes, 'utf8')).toBe('the user was here\n');
    expect(readFileSync(made, 'utf8')).toBe('x');
    const after = readJournal(w.sessions, 'alpha');
    expect(activeBranch(after).some((e) => e.kind === 'tool-result' && e.toolName === 'bash')).toBe(true);
  });
});
