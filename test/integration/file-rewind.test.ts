// File checkpoints end to end through the controller, the real SDK and the scripted model:
// read → edit_file → bash, then rewind puts the workspace back exactly as it was at the end of
// the rewound turn, undo brings the later state back, and a file changed since is not clobbered.
import { chmodSync, existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileCheckpointsFor } from '../../src/adapters/files/file-checkpoints.js';
import { FileSessionStore } from '../../src/adapters/store/file-session-store.js';
import { createWorkspaceToolHost } from '../../src/adapters/tools/full-tool-host.js';
import type { ScriptStep } from '../../src/adapters/scripted-model/script.js';
import { Controller } from '../../src/core/controller.js';
import type { CommandResult } from '../../src/core/command.js';
import { dispatch } from '../../src/core/dispatch.js';
import { startHarness, until, type Harness } from './harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/**
 * Every file of the workspace with its permission bits and bytes, every symlink with its target
 * (never followed), folders included as entries, so a stray one shows.
 */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const full = join(folder, name);
      const key = relative(root, full);
      const stats = lstatSync(full);
      if (stats.isSymbolicLink()) out[key] = `link to ${readlinkSync(full)}`;
      else if (stats.isDirectory()) {
        out[`${key}/`] = '';
        walk(full);
      } else out[key] = `${(stats.mode & 0o7777).toString(8)} ${readFileSync(full).toString('base64')}`;
    }
  };
  walk(root);
  return out;
}

const STEPS: readonly ScriptStep[] = [
  // turn 1: read, then edit
  { text: 'Reading.', toolUses: [{ name: 'read_file', input: { path: 'src/units.ts' } }] },
  { text: 'Editing.', toolUses: [{ name: 'edit_file', input: { path: 'README.md', old: '# tiny-duration', new: '# tiny-duration EDITED' } }] },
  { text: 'Turn one done.' },
  // turn 2: bash creates (in a new folder), changes and deletes files, binary included
  {
    text: 'Running.',
    toolUses: [
      {
        name: 'bash',
        input: { command: "mkdir -p out/deep && printf '\\000\\377' > out/deep/data.bin && echo more >> README.md && rm src/format.ts" },
      },
    ],
  },
  { text: 'Turn two done.' },
];

/** A command result's message, once its kind is checked. */
function said(result: CommandResult, kind: CommandResult['kind']): string {
  expect(result.kind).toBe(kind);
  return 'message' in result ? result.message : '';
}

let storeDir: string | undefined;
// After-hooks run in reverse order (vitest's `stack`): close the harness here first, so the store
// has stopped writing before its dir goes (else rmSync can race a new file: ENOTEMPTY).
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  if (storeDir !== undefined) rmSync(storeDir, { recursive: true, force: true });
  storeDir = undefined;
});

/** Runs turn 1 (read, edit) and turn 2 (bash) with file checkpoints on; returns the workspace after each. */
async function twoTurns(): Promise<{ h: Harness; afterTurn1: Record<string, string>; afterTurn2: Record<string, string> }> {
  storeDir = mkdtempSync(join(tmpdir(), 'agentmux-fr-'));
  const checkpoints = fileCheckpointsFor(storeDir);
  const h = (harness = await startHarness(STEPS, {
    dir: storeDir,
    tools: checkpoints.wrap(createWorkspaceToolHost({ write: true })),
    files: checkpoints.files,
    approval: { approve: 'auto', allow: [] },
  }));
  const before = snapshot(h.workspace);
  expect(h.controller.delivery.send('alpha', 'read and edit').outcome).not.toBe('refused');
  await until(() => h.model.requests.length === 3 && h.agent('alpha').phase.kind !== 'running', 'turn 1', 20_000);
  const afterTurn1 = snapshot(h.workspace);
  expect(afterTurn1).not.toEqual(before);
  expect(h.controller.delivery.send('alpha', 'run it').outcome).not.toBe('refused');
  await until(() => h.model.requests.length === 5 && h.agent('alpha').phase.kind !== 'running', 'turn 2', 20_000);
  const afterTurn2 = snapshot(h.workspace);
  expect(existsSync(join(h.workspace, 'out/deep/data.bin'))).toBe(true);
  expect(existsSync(join(h.workspace, 'src/format.ts'))).toBe(false);
  return { h, afterTurn1, afterTurn2 };
}

describe('rewind restores files', () => {
  it('rewind 1 puts the workspace back exactly as at the end of turn 1, and undo brings turn 2 back', async () => {
    const { h, afterTurn1, afterTurn2 } = await twoTurns();
    const rewound = dispatch(h.controller, 'rewind 1');
    expect(rewound).toMatchObject({ kind: 'ok', message: 'rewound alpha to 1; restored 3 files (u undoes)' });
    expect(snapshot(h.workspace)).toEqual(afterTurn1);
    expect(h.agent('alpha').session?.view().turnCount).toBe(1);
    expect(dispatch(h.controller, 'undo')).toMatchObject({ kind: 'ok', message: "undid alpha's rewind; restored 3 files" });
    expect(snapshot(h.workspace)).toEqual(afterTurn2);
    expect(h.agent('alpha').session?.view().turnCount).toBe(2);
  });

  it('rewind 0 undoes the edit of turn 1 too; --conversation-only leaves files; --files-only leaves the head', async () => {
    const { h, afterTurn2 } = await twoTurns();
    expect(dispatch(h.controller, 'rewind --conversation-only 1')).toMatchObject({ kind: 'ok' });
    expect(snapshot(h.workspace)).toEqual(afterTurn2);
    expect(dispatch(h.controller, 'undo')).toMatchObject({ kind: 'ok' });
    const readme = readFileSync(join(h.workspace, 'README.md'), 'utf8');
    expect(said(dispatch(h.controller, 'rewind --files-only 0'), 'ok')).toContain('restored 3 files');
    expect(h.agent('alpha').session?.view().turnCount).toBe(2);
    expect(readFileSync(join(h.workspace, 'README.md'), 'utf8')).not.toContain('EDITED');
    expect(readFileSync(join(h.workspace, 'README.md'), 'utf8')).not.toBe(readme);
    expect(dispatch(h.controller, 'undo')).toMatchObject({ kind: 'ok' });
    expect(snapshot(h.workspace)).toEqual(afterTurn2);
  });

  it('refuses to clobber a file changed since by someone else; --keep-changed leaves it, --overwrite restores it', async () => {
    const { h, afterTurn1 } = await twoTurns();
    writeFileSync(join(h.workspace, 'README.md'), 'the user rewrote this\n');
    const head = h.agent('alpha').session?.tree.head;
    const refused = dispatch(h.controller, 'rewind 1');
    expect(refused).toMatchObject({
      kind: 'error',
      message: 'rewind: alpha: 1 file changed since by someone else: README.md; nothing was done (--overwrite restores them too, --keep-changed leaves them)',
    });
    expect(h.agent('alpha').session?.tree.head).toBe(head);
    expect(existsSync(join(h.workspace, 'out/deep/data.bin'))).toBe(true);
    expect(h.controller.history.fileConflicts('alpha', { op: 'rewind', address: { turn: 1 } })).toEqual({ ok: true, value: ['README.md'] });

    expect(dispatch(h.controller, 'rewind --keep-changed 1')).toMatchObject({
      kind: 'ok',
      message: 'rewound alpha to 1; restored 2 files; kept 1 changed file: README.md (u undoes)',
    });
    expect(readFileSync(join(h.workspace, 'README.md'), 'utf8')).toBe('the user rewrote this\n');
    expect(existsSync(join(h.workspace, 'out'))).toBe(false);
    expect(dispatch(h.controller, 'undo')).toMatchObject({ kind: 'ok' });

    expect(said(dispatch(h.controller, 'rewind --overwrite 1'), 'ok')).toContain('restored 3 files');
    expect(snapshot(h.workspace)).toEqual(afterTurn1);
    // Undo puts back what the rewind replaced: the user's text, not the agent's.
    expect(dispatch(h.controller, 'undo')).toMatchObject({ kind: 'ok' });
    expect(readFileSync(join(h.workspace, 'README.md'), 'utf8')).toBe('the user rewrote this\n');
  });

  it('undo refuses too when a restored file changed after the rewind', async () => {
    const { h } = await twoTurns();
    expect(dispatch(h.controller, 'rewind 1')).toMatchObject({ kind: 'ok' });
    writeFileSync(join(h.workspace, 'src/format.ts'), 'changed after the rewind\n');
    expect(said(dispatch(h.controller, 'undo'), 'error')).toContain('undo: alpha: 1 file changed since by someone else: src/format.ts');
    expect(h.agent('alpha').session?.view().turnCount).toBe(1);
    expect(said(dispatch(h.controller, 'undo --keep-changed'), 'ok')).toContain('kept 1 changed file: src/format.ts');
    expect(readFileSync(join(h.workspace, 'src/format.ts'), 'utf8')).toBe('changed after the rewind\n');
    expect(h.agent('alpha').session?.view().turnCount).toBe(2);
  });

  it('the journal keeps what a rewind restored: after a restart, undo still brings the files back', async () => {
    const { h, afterTurn2 } = await twoTurns();
    expect(dispatch(h.controller, 'rewind 1')).toMatchObject({ kind: 'ok' });
    const workspace = h.workspace;
    const dir = storeDir ?? '';
    await h.controller.shutdown();
    await h.store.close();
    const store = FileSessionStore.open(dir);
    if (!store.ok) throw new Error(store.error);
    const checkpoints = fileCheckpointsFor(dir);
    const again = new Controller({
      store: store.value,
      providerFor: () => {
        throw new Error('no model call expected');
      },
      tools: checkpoints.wrap(createWorkspaceToolHost({ write: true })),
      files: checkpoints.files,
    });
    try {
      expect(again.addAgent({ name: 'alpha', model: 'claude-sonnet-4-6', cwd: workspace }).ok).toBe(true);
      expect(again.history.undo('alpha')).toEqual({ ok: true, value: "undid alpha's rewind; restored 3 files" });
      expect(snapshot(workspace)).toEqual(afterTurn2);
    } finally {
      await again.shutdown();
      await store.value.close();
    }
  });
});

describe('rewind restores modes and symlinks', () => {
  it('a deleted executable comes back executable, a new symlink goes, a chmod is undone; undo redoes all three', async () => {
    storeDir = mkdtempSync(join(tmpdir(), 'agentmux-fr-'));
    const checkpoints = fileCheckpointsFor(storeDir);
    const h = (harness = await startHarness(
      [{ text: 'Tidying.', toolUses: [{ name: 'bash', input: { command: 'rm run.sh && ln -s README.md lnk && chmod 600 README.md' } }] }, { text: 'Tidied.' }],
      { dir: storeDir, tools: checkpoints.wrap(createWorkspaceToolHost({ write: true })), files: checkpoints.files, approval: { approve: 'auto', allow: [] } },
    ));
    writeFileSync(join(h.workspace, 'run.sh'), 'echo run\n');
    chmodSync(join(h.workspace, 'run.sh'), 0o755);
    chmodSync(join(h.workspace, 'README.md'), 0o644);
    const before = snapshot(h.workspace);
    expect(h.controller.delivery.send('alpha', 'tidy up').outcome).not.toBe('refused');
    await until(() => h.model.requests.length === 2 && h.agent('alpha').phase.kind !== 'running', 'the turn', 20_000);
    const after = snapshot(h.workspace);
    expect(after['lnk']).toBe('link to README.md');
    expect(after['README.md']?.startsWith('600 ')).toBe(true);
    expect(dispatch(h.controller, 'rewind 0')).toMatchObject({ kind: 'ok', message: 'rewound alpha to 0; restored 3 files (u undoes)' });
    expect(snapshot(h.workspace)).toEqual(before);
    expect(before['run.sh']?.startsWith('755 ')).toBe(true);
    expect(dispatch(h.controller, 'undo')).toMatchObject({ kind: 'ok', message: "undid alpha's rewind; restored 3 files" });
    expect(snapshot(h.workspace)).toEqual(after);
  });
});
