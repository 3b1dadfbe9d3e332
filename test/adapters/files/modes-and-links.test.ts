// File checkpoints keep a file's permission bits and record symlinks as links: what the writing
// tools and bash report, and how BlobWorkspaceFiles puts them back without following a link.
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileCheckpoints } from '../../../src/adapters/files/checkpoint-tool-host.js';
import { BlobWorkspaceFiles } from '../../../src/adapters/files/workspace-files.js';
import { BlobStore } from '../../../src/adapters/store/blob-store.js';
import { createWorkspaceToolHost } from '../../../src/adapters/tools/full-tool-host.js';
import type { FileChange, FileVersion } from '../../../src/core/entry.js';
import type { ToolOutcome } from '../../../src/core/tools.js';

let dir: string;
let workspace: string;
let blobs: BlobStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'agentmux-ml-'));
  workspace = join(dir, 'ws');
  mkdirSync(workspace);
  blobs = new BlobStore(join(dir, 'blobs'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(name: string, input: Record<string, unknown>): Promise<ToolOutcome> {
  const host = withFileCheckpoints(createWorkspaceToolHost({ write: true }), { blobs });
  return host.run({ id: 't1', name, input }, { cwd: workspace, signal: new AbortController().signal });
}

async function bash(command: string): Promise<readonly FileChange[]> {
  const outcome = await run('bash', { command });
  expect(outcome.isError).toBe(false);
  return outcome.files ?? [];
}

function textOf(version: FileVersion | null | undefined): string | null {
  if (version === null || version === undefined) return null;
  const read = blobs.getBytes(version.sha256);
  if (!read.ok) throw new Error(read.error);
  return read.value.toString('utf8');
}

function modeOf(relative: string): number {
  return lstatSync(join(workspace, relative)).mode & 0o777;
}

const done = { ok: true, value: undefined };

describe('modes', () => {
  it('bash rm of an executable records its mode, and restoring it brings the +x back', async () => {
    writeFileSync(join(workspace, 'run.sh'), 'echo hi\n');
    chmodSync(join(workspace, 'run.sh'), 0o755);
    const [change] = await bash('rm run.sh');
    expect(change).toMatchObject({ path: 'run.sh', before: { mode: 0o755 }, after: null });
    expect(new BlobWorkspaceFiles(blobs).restore(workspace, 'run.sh', change?.before ?? null)).toEqual(done);
    expect(readFileSync(join(workspace, 'run.sh'), 'utf8')).toBe('echo hi\n');
    expect(modeOf('run.sh')).toBe(0o755);
  });

  it('a chmod alone is a change, and restoring the earlier version takes the +x away again', async () => {
    writeFileSync(join(workspace, 'tool.sh'), 'true\n');
    chmodSync(join(workspace, 'tool.sh'), 0o644);
    await bash('true'); // warms the baseline cache: the chmod must be seen although size and mtime stay
    const changes = await bash('chmod +x tool.sh');
    expect(changes).toHaveLength(1);
    const [change] = changes;
    expect(change?.before?.sha256).toBe(change?.after?.sha256);
    expect(change?.before?.mode).toBe(0o644);
    expect(change?.after?.mode).toBe(0o755);
    const files = new BlobWorkspaceFiles(blobs);
    expect(files.current(workspace, 'tool.sh')).toEqual({ ok: true, value: change?.after });
    expect(files.restore(workspace, 'tool.sh', change?.before ?? null)).toEqual(done);
    expect(modeOf('tool.sh')).toBe(0o644);
  });

  it('write_file and edit_file record the mode before and after', async () => {
    writeFileSync(join(workspace, 'x.sh'), 'one\n');
    chmodSync(join(workspace, 'x.sh'), 0o750);
    const edited = await run('edit_file', { path: 'x.sh', old: 'one', new: 'two' });
    expect(edited.files).toMatchObject([{ path: 'x.sh', before: { mode: 0o750 }, after: { mode: 0o750 } }]);
    const created = await run('write_file', { path: 'new.txt', content: 'n' });
    expect(created.files?.[0]?.after?.mode).toBe(statSync(join(workspace, 'new.txt')).mode & 0o7777);
  });

  it('a version with no recorded mode (an older journal) keeps the mode of the file it replaces', () => {
    writeFileSync(join(workspace, 'old.sh'), 'new bytes');
    chmodSync(join(workspace, 'old.sh'), 0o700);
    const stored = blobs.putBytes(Buffer.from('old bytes'));
    if (!stored.ok) throw new Error(stored.error);
    expect(new BlobWorkspaceFiles(blobs).restore(workspace, 'old.sh', { sha256: stored.value, size: 9 })).toEqual(done);
    expect(readFileSync(join(workspace, 'old.sh'), 'utf8')).toBe('old bytes');
    expect(modeOf('old.sh')).toBe(0o700);
  });
});

describe('symlinks', () => {
  it('bash ln -s is recorded as a link whose blob is its target, and restoring null removes only the link', async () => {
    writeFileSync(join(workspace, 'README.md'), 'readme');
    const [change] = await bash('ln -s README.md lnk');
    expect(change).toMatchObject({ path: 'lnk', before: null, after: { link: true, size: 9 } });
    expect(textOf(change?.after)).toBe('README.md');
    expect(new BlobWorkspaceFiles(blobs).restore(workspace, 'lnk', null)).toEqual(done);
    expect(lstatSync(join(workspace, 'lnk'), { throwIfNoEntry: false })).toBeUndefined();
    expect(readFileSync(join(workspace, 'README.md'), 'utf8')).toBe('readme');
  });

  it('removing or re-pointing a link is a change; a link to a folder is not walked into', async () => {
    mkdirSync(join(workspace, 'sub'));
    writeFileSync(join(workspace, 'sub', 'f.txt'), 'f');
    symlinkSync('sub', join(workspace, 'dirlink'));
    symlinkSync('a', join(workspace, 'pointer'));
    const changes = await bash('rm dirlink && ln -sfn b pointer');
    expect(changes.map((c) => c.path)).toEqual(['dirlink', 'pointer']);
    const [removed, repointed] = changes;
    expect(textOf(removed?.before)).toBe('sub');
    expect(removed?.after).toBeNull();
    expect([textOf(repointed?.before), textOf(repointed?.after)]).toEqual(['a', 'b']);
    expect(await bash('ln -s sub again && touch sub/g.txt')).toMatchObject([{ path: 'again' }, { path: 'sub/g.txt' }]);
  });

  it('restores a link as a link, even one pointing outside the workspace, and reads it back without following it', () => {
    writeFileSync(join(dir, 'secret.txt'), 'outside');
    const stored = blobs.putBytes(Buffer.from('../secret.txt'));
    if (!stored.ok) throw new Error(stored.error);
    const link: FileVersion = { sha256: stored.value, size: 13, link: true };
    const files = new BlobWorkspaceFiles(blobs);
    expect(files.restore(workspace, 'deep/out', link)).toEqual(done);
    expect(readlinkSync(join(workspace, 'deep/out'))).toBe('../secret.txt');
    expect(files.current(workspace, 'deep/out')).toEqual({ ok: true, value: link });
    // A regular file restored where that link now is replaces the link, never writing through it.
    const text = blobs.putBytes(Buffer.from('inside'));
    if (!text.ok) throw new Error(text.error);
    expect(files.restore(workspace, 'deep/out', { sha256: text.value, size: 6, mode: 0o640 })).toEqual(done);
    expect(lstatSync(join(workspace, 'deep/out')).isFile()).toBe(true);
    expect(readFileSync(join(workspace, 'deep/out'), 'utf8')).toBe('inside');
    expect(readFileSync(join(dir, 'secret.txt'), 'utf8')).toBe('outside');
    expect(modeOf('deep/out')).toBe(0o640);
    // And a link restored over a regular file replaces the file.
    expect(files.restore(workspace, 'deep/out', link)).toEqual(done);
    expect(lstatSync(join(workspace, 'deep/out')).isSymbolicLink()).toBe(true);
  });

  it('deleting a link that points at a file outside removes the link, not its target', () => {
    writeFileSync(join(dir, 'secret.txt'), 'outside');
    symlinkSync(join(dir, 'secret.txt'), join(workspace, 'out'));
    expect(new BlobWorkspaceFiles(blobs).restore(workspace, 'out', null)).toEqual(done);
    expect(readFileSync(join(dir, 'secret.txt'), 'utf8')).toBe('outside');
  });
});
