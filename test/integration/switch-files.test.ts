// `switch BRANCH` moves the workspace files with the conversation, end to end through the
// controller, the real SDK, the scripted model and the file checkpoint adapters: the branch left
// goes back to the fork point, the branch reached gets its files; undo reverses it; a file changed
// since is not clobbered.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileCheckpointsFor } from '../../src/adapters/files/file-checkpoints.js';
import { createWorkspaceToolHost } from '../../src/adapters/tools/full-tool-host.js';
import type { ScriptStep } from '../../src/adapters/scripted-model/script.js';
import { dispatch } from '../../src/core/dispatch.js';
import { startHarness, until, type Harness } from './harness.js';

let harness: Harness | undefined;
let storeDir: string | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  if (storeDir !== undefined) rmSync(storeDir, { recursive: true, force: true });
  storeDir = undefined;
});

const STEPS: readonly ScriptStep[] = [
  // turn 1: a.txt = 1
  { text: 'Writing a.', toolUses: [{ name: 'write_file', input: { path: 'a.txt', content: '1\n' } }] },
  { text: 'Turn one done.' },
  // turn 2: a.txt = 2 and b.txt
  {
    text: 'Writing a and b.',
    toolUses: [
      { name: 'write_file', input: { path: 'a.txt', content: '2\n' } },
      { name: 'write_file', input: { path: 'b.txt', content: 'bee\n' } },
    ],
  },
  { text: 'Turn two done.' },
  // turn 2' (after rewind 1): c.txt
  { text: 'Writing c.', toolUses: [{ name: 'write_file', input: { path: 'c.txt', content: 'sea\n' } }] },
  { text: 'Other turn two done.' },
];

/** What the three files hold (null: absent). */
function files(h: Harness): Record<string, string | null> {
  const read = (name: string): string | null => (existsSync(join(h.workspace, name)) ? readFileSync(join(h.workspace, name), 'utf8') : null);
  return { a: read('a.txt'), b: read('b.txt'), c: read('c.txt') };
}

/** The user prompts of alpha's active branch. */
function prompts(h: Harness): string[] {
  const view = h.agent('alpha').session?.view();
  return (view?.items ?? []).flatMap((item) => (item.kind === 'message' && item.entry.kind === 'user' && item.entry.opensTurn ? [item.entry.text] : []));
}

/** Turn 1, turn 2, `rewind 1`, turn 2': branch 1 is the old turn 2. */
async function twoBranches(): Promise<Harness> {
  storeDir = mkdtempSync(join(tmpdir(), 'agentmux-sw-'));
  const checkpoints = fileCheckpointsFor(storeDir);
  const h = (harness = await startHarness(STEPS, {
    dir: storeDir,
    tools: checkpoints.wrap(createWorkspaceToolHost({ write: true })),
    files: checkpoints.files,
    approval: { approve: 'auto', allow: [] },
  }));
  const turn = async (text: string, requests: number): Promise<void> => {
    expect(h.controller.delivery.send('alpha', text).outcome).not.toBe('refused');
    await until(() => h.model.requests.length === requests && h.agent('alpha').phase.kind !== 'running', text, 20_000);
  };
  await turn('one', 2);
  await turn('two', 4);
  expect(files(h)).toEqual({ a: '2\n', b: 'bee\n', c: null });
  expect(dispatch(h.controller, 'rewind 1')).toMatchObject({ kind: 'ok', message: 'rewound alpha to 1; restored 2 files (u undoes)' });
  expect(files(h)).toEqual({ a: '1\n', b: null, c: null });
  await turn('other two', 6);
  expect(files(h)).toEqual({ a: '1\n', b: null, c: 'sea\n' });
  return h;
}

describe('switch restores files', () => {
  it('switching to the old branch brings a=2 and b back and removes c; undo returns to the branch with c', async () => {
    const h = await twoBranches();
    expect(dispatch(h.controller, 'switch 1')).toMatchObject({ kind: 'ok', message: 'switched alpha to branch 1 (now 2 turns; restored 3 files; u undoes)' });
    expect(files(h)).toEqual({ a: '2\n', b: 'bee\n', c: null });
    expect(prompts(h)).toEqual(['one', 'two']);
    expect(dispatch(h.controller, 'undo')).toMatchObject({ kind: 'ok', message: "undid alpha's switch; restored 3 files" });
    expect(files(h)).toEqual({ a: '1\n', b: null, c: 'sea\n' });
    expect(prompts(h)).toEqual(['one', 'other two']);
  });

  it('switching back and forth gives each branch its own files', async () => {
    const h = await twoBranches();
    expect(dispatch(h.controller, 'switch 1')).toMatchObject({ kind: 'ok' });
    // Switch back: the branch with c is branch 1 now.
    expect(dispatch(h.controller, 'switch 1')).toMatchObject({ kind: 'ok', message: 'switched alpha to branch 1 (now 2 turns; restored 3 files; u undoes)' });
    expect(files(h)).toEqual({ a: '1\n', b: null, c: 'sea\n' });
    expect(prompts(h)).toEqual(['one', 'other two']);
  });

  it('a file changed since by someone else refuses the switch; --keep-changed leaves it, --overwrite restores it and undo brings it back', async () => {
    const h = await twoBranches();
    writeFileSync(join(h.workspace, 'c.txt'), 'the user was here\n');
    const head = h.agent('alpha').session?.tree.head;
    expect(dispatch(h.controller, 'switch 1')).toMatchObject({
      kind: 'error',
      message: 'switch: alpha: 1 file changed since by someone else: c.txt; nothing was done (--overwrite restores them too, --keep-changed leaves them)',
    });
    expect(h.agent('alpha').session?.tree.head).toBe(head);
    expect(files(h)).toEqual({ a: '1\n', b: null, c: 'the user was here\n' });
    expect(h.controller.history.fileConflicts('alpha', { op: 'switch', branch: '1' })).toEqual({ ok: true, value: ['c.txt'] });

    expect(dispatch(h.controller, 'switch --keep-changed 1')).toMatchObject({
      kind: 'ok',
      message: 'switched alpha to branch 1 (now 2 turns; restored 2 files; kept 1 changed file: c.txt; u undoes)',
    });
    expect(files(h)).toEqual({ a: '2\n', b: 'bee\n', c: 'the user was here\n' });
    expect(dispatch(h.controller, 'undo')).toMatchObject({ kind: 'ok' });
    expect(files(h)).toEqual({ a: '1\n', b: null, c: 'the user was here\n' });

    expect(dispatch(h.controller, 'switch --overwrite 1')).toMatchObject({ kind: 'ok' });
    expect(files(h)).toEqual({ a: '2\n', b: 'bee\n', c: null });
    expect(dispatch(h.controller, 'undo')).toMatchObject({ kind: 'ok' });
    expect(files(h)).toEqual({ a: '1\n', b: null, c: 'the user was here\n' });
  });

  it('--conversation-only moves only the head; --files-only moves only the files', async () => {
    const h = await twoBranches();
    expect(dispatch(h.controller, 'switch --conversation-only 1')).toMatchObject({ kind: 'ok', message: 'switched alpha to branch 1 (now 2 turns; u undoes)' });
    expect(files(h)).toEqual({ a: '1\n', b: null, c: 'sea\n' });
    expect(dispatch(h.controller, 'undo')).toMatchObject({ kind: 'ok' });
    expect(dispatch(h.controller, 'switch --files-only 1')).toMatchObject({ kind: 'ok', message: "restored alpha's files to branch 1: restored 3 files (u undoes)" });
    expect(files(h)).toEqual({ a: '2\n', b: 'bee\n', c: null });
    expect(prompts(h)).toEqual(['one', 'other two']);
    expect(dispatch(h.controller, 'undo')).toMatchObject({ kind: 'ok' });
    expect(files(h)).toEqual({ a: '1\n', b: null, c: 'sea\n' });
  });
});
