// File checkpoints on real files: what write_file, edit_file and bash report as changed, the
// baseline limits, and restoring versions inside (never outside) the workspace.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileCheckpoints } from '../../../src/adapters/files/checkpoint-tool-host.js';
import { parseGitignore } from '../../../src/adapters/files/gitignore.js';
import { BlobWorkspaceFiles } from '../../../src/adapters/files/workspace-files.js';
import { BlobStore } from '../../../src/adapters/store/blob-store.js';
import { createWorkspaceToolHost } from '../../../src/adapters/tools/full-tool-host.js';
import type { FileChange } from '../../../src/core/entry.js';
import type { Result } from '../../../src/core/result.js';
import type { ToolHost, ToolOutcome } from '../../../src/core/tools.js';

let dir: string;
let workspace: string;
let blobs: BlobStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'agentmux-fc-'));
  workspace = join(dir, 'ws');
  mkdirSync(workspace);
  blobs = new BlobStore(join(dir, 'blobs'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function host(limits?: { maxFiles: number; maxFileBytes: number; maxTotalBytes: number }): ToolHost {
  return withFileCheckpoints(createWorkspaceToolHost({ write: true }), limits === undefined ? { blobs } : { blobs, limits });
}

async function run(h: ToolHost, name: string, input: Record<string, unknown>): Promise<ToolOutcome> {
  return h.run({ id: 't1', name, input }, { cwd: workspace, signal: new AbortController().signal });
}

/** The bytes a recorded version names. */
function bytesOf(version: FileChange['before']): string | null {
  if (version === null) return null;
  const read = blobs.getBytes(version.sha256);
  if (!read.ok) throw new Error(read.error);
  return read.value.toString('latin1');
}

describe('write_file and edit_file checkpoints', () => {
  it('write_file of a new file in a new nested folder records absent → its bytes', async () => {
    const outcome = await run(host(), 'write_file', { path: 'deep/er/new.txt', content: 'hello\n' });
    expect(outcome.isError).toBe(false);
    expect(outcome.files).toHaveLength(1);
    const [change] = outcome.files ?? [];
    expect(change?.path).toBe('deep/er/new.txt');
    expect(change?.before).toBeNull();
    expect(bytesOf(change?.after ?? null)).toBe('hello\n');
  });

  it('edit_file records the prior content and the new one', async () => {
    writeFileSync(join(workspace, 'a.txt'), 'one\ntwo\n');
    const outcome = await run(host(), 'edit_file', { path: 'a.txt', old: 'two', new: 'TWO' });
    expect(outcome.isError).toBe(false);
    const [change] = outcome.files ?? [];
    expect(bytesOf(change?.before ?? null)).toBe('one\ntwo\n');
    expect(bytesOf(change?.after ?? null)).toBe('one\nTWO\n');
  });

  it('a refused or no-op call records nothing', async () => {
    writeFileSync(join(workspace, 'a.txt'), 'same');
    expect((await run(host(), 'edit_file', { path: 'a.txt', old: 'zzz', new: 'y' })).files).toBeUndefined();
    expect((await run(host(), 'write_file', { path: 'a.txt', content: 'same' })).files).toBeUndefined();
    expect((await run(host(), 'write_file', { path: '../out.txt', content: 'x' })).files).toBeUndefined();
  });
});

describe('bash checkpoints', () => {
  it('report created, changed and deleted files, a binary file and a nested new folder included', async () => {
    writeFileSync(join(workspace, 'keep.txt'), 'untouched');
    writeFileSync(join(workspace, 'change.txt'), 'before');
    writeFileSync(join(workspace, 'gone.txt'), 'bye');
    writeFileSync(join(workspace, 'bin.dat'), Buffer.from([0, 255, 1, 254, 10]));
    const outcome = await run(host(), 'bash', {
      command: "printf after > change.txt; rm gone.txt; mkdir -p n/m && printf 'x' > n/m/new.txt; printf '\\000\\001\\377' > bin.dat",
    });
    expect(outcome.isError).toBe(false);
    const files = outcome.files ?? [];
    expect(files.map((f) => f.path)).toEqual(['bin.dat', 'change.txt', 'gone.txt', 'n/m/new.txt']);
    const byPath = new Map(files.map((f) => [f.path, f]));
    expect(bytesOf(byPath.get('bin.dat')?.before ?? null)).toBe(Buffer.from([0, 255, 1, 254, 10]).toString('latin1'));
    expect(bytesOf(byPath.get('bin.dat')?.after ?? null)).toBe(Buffer.from([0, 1, 255]).toString('latin1'));
    expect(bytesOf(byPath.get('change.txt')?.before ?? null)).toBe('before');
    expect(byPath.get('gone.txt')?.after).toBeNull();
    expect(byPath.get('n/m/new.txt')?.before).toBeNull();
  });

  it('skip .git, node_modules and what the top-level .gitignore ignores', async () => {
    writeFileSync(join(workspace, '.gitignore'), 'dist/\n*.log\n/only-root.txt\n');
    const outcome = await run(host(), 'bash', {
      command: 'mkdir -p .git node_modules dist sub && touch .git/x node_modules/y dist/z a.log sub/b.log only-root.txt sub/only-root.txt kept.txt',
    });
    expect((outcome.files ?? []).map((f) => f.path)).toEqual(['kept.txt', 'sub/only-root.txt']);
  });

  it('say in the result when the workspace is over the file limit, and record no false creations', async () => {
    for (const name of ['a', 'b', 'c', 'd']) writeFileSync(join(workspace, `${name}.txt`), name);
    const outcome = await run(host({ maxFiles: 2, maxFileBytes: 1024, maxTotalBytes: 1 << 20 }), 'bash', {
      command: 'printf A2 > a.txt; printf new > e.txt',
    });
    expect(outcome.content).toContain('file checkpoint: workspace over 2 files; changes beyond were not recorded');
    expect((outcome.files ?? []).map((f) => f.path)).toEqual(['a.txt']);
  });

  it('say which files were over the size limit', async () => {
    writeFileSync(join(workspace, 'big.bin'), Buffer.alloc(4096, 1));
    const outcome = await run(host({ maxFiles: 100, maxFileBytes: 1024, maxTotalBytes: 1 << 20 }), 'bash', { command: 'rm big.bin' });
    expect(outcome.content).toMatch(/file checkpoint: files over 0 MiB were not recorded: big\.bin/);
    expect(outcome.files).toBeUndefined();
  });
});

/** A failed result's message (a success fails the test). */
function errorOf(result: Result<unknown>): string {
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
}

describe('BlobWorkspaceFiles', () => {
  it('restores a recorded version, a deleted file and a removed folder, binary-safe', async () => {
    const files = new BlobWorkspaceFiles(blobs);
    const outcome = await run(host(), 'bash', { command: "mkdir -p n && printf '\\000z' > n/x.bin" });
    const [change] = outcome.files ?? [];
    expect(change?.path).toBe('n/x.bin');
    expect(files.restore(workspace, 'n/x.bin', null)).toEqual({ ok: true, value: undefined });
    expect(existsSync(join(workspace, 'n'))).toBe(false);
    expect(files.restore(workspace, 'n/x.bin', change?.after ?? null)).toEqual({ ok: true, value: undefined });
    expect(readFileSync(join(workspace, 'n/x.bin'))).toEqual(Buffer.from([0, 122]));
    expect(files.current(workspace, 'n/x.bin')).toEqual({ ok: true, value: change?.after });
    expect(files.current(workspace, 'missing')).toEqual({ ok: true, value: null });
  });

  it('never reads or writes outside the workspace, through .. or a symlinked folder', () => {
    const files = new BlobWorkspaceFiles(blobs);
    mkdirSync(join(dir, 'outside'));
    symlinkSync(join(dir, 'outside'), join(workspace, 'link'));
    const stored = blobs.putBytes(Buffer.from('evil'));
    if (!stored.ok) throw new Error(stored.error);
    const version = { sha256: stored.value, size: 4 };
    expect(errorOf(files.restore(workspace, '../escape.txt', version))).toContain('outside the workspace');
    expect(errorOf(files.restore(workspace, 'link/escape.txt', version))).toContain('outside the workspace');
    expect(files.restore(workspace, join(dir, 'abs.txt'), version)).toMatchObject({ ok: false });
    expect(files.current(workspace, '../ws2')).toMatchObject({ ok: false });
    expect(existsSync(join(dir, 'escape.txt'))).toBe(false);
    expect(existsSync(join(dir, 'outside', 'escape.txt'))).toBe(false);
    expect(existsSync(join(dir, 'abs.txt'))).toBe(false);
  });
});

describe('parseGitignore', () => {
  it('matches unanchored names at any depth, anchored paths at the root, folders-only with a trailing slash', () => {
    const ignored = parseGitignore('# comment\nbuild/\n*.tmp\n/top.txt\ndocs/*.md\n!keep.tmp\n');
    expect(ignored('a/b/c.tmp', false)).toBe(true);
    expect(ignored('build', true)).toBe(true);
    expect(ignored('build', false)).toBe(false);
    expect(ignored('top.txt', false)).toBe(true);
    expect(ignored('x/top.txt', false)).toBe(false);
    expect(ignored('docs/a.md', false)).toBe(true);
    expect(ignored('keep.tmp', false)).toBe(true); // negations are not supported
  });
});
