// write_file against a real temp workspace: creation, replacement in one step, confinement.
import {
  chmodSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  closeSync,
  statSync,
  symlinkSync,
  existsSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspaceToolHost } from '../../../src/adapters/tools/full-tool-host.js';
import { resolveWriteTarget } from '../../../src/adapters/tools/write-file.js';
import type { ToolOutcome } from '../../../src/core/tools.js';
import { createTempWorkspace, type TempWorkspace } from './workspace-fixture.js';

let ws: TempWorkspace;
beforeEach(() => {
  ws = createTempWorkspace();
});
afterEach(() => ws.dispose());

function write(
  input: Record<string, unknown>,
  signal = new AbortController().signal,
): Promise<ToolOutcome> {
  const host = createWorkspaceToolHost({ write: true });
  return host.run({ id: 'toolu_w', name: 'write_file', input }, { cwd: ws.cwd, signal });
}

describe('write_file', () => {
  it('creates a file with its missing parent folders and reports bytes and lines', async () => {
    const outcome = await write({ path: 'src/deep/new.txt', content: 'héllo\nworld\n' });
    expect(outcome).toEqual({
      isError: false,
      content: 'created src/deep/new.txt: wrote 13 bytes, 2 lines',
    });
    expect(readFileSync(path.join(ws.cwd, 'src/deep/new.txt'), 'utf8')).toBe('héllo\nworld\n');
  });

  it('counts a last line without a newline and an empty file as zero lines', async () => {
    expect((await write({ path: 'a.txt', content: 'one\ntwo' })).content).toBe(
      'created a.txt: wrote 7 bytes, 2 lines',
    );
    expect((await write({ path: 'empty.txt', content: '' })).content).toBe(
      'created empty.txt: wrote 0 bytes, 0 lines',
    );
  });

  it('replaces an existing file by renaming a new one over it, keeping its mode', async () => {
    const file = ws.write('file.txt', 'old content\n');
    chmodSync(file, 0o751);
    const before = statSync(file);
    // A reader that opened the old file keeps reading the old bytes: the inode was swapped,
    // not rewritten in place, so nobody can observe a half-written file.
    const reader = openSync(file, 'r');
    try {
      const outcome = await write({ path: 'file.txt', content: 'new content\n' });
      expect(outcome).toEqual({
        isError: false,
        content: 'replaced file.txt: wrote 12 bytes, 1 line',
      });
      const buffer = Buffer.alloc(64);
      const read = readSync(reader, buffer, 0, 64, 0);
      expect(buffer.subarray(0, read).toString()).toBe('old content\n');
    } finally {
      closeSync(reader);
    }
    const after = statSync(file);
    expect(after.ino).not.toBe(before.ino);
    expect(after.mode & 0o777).toBe(0o751);
    expect(readFileSync(file, 'utf8')).toBe('new content\n');
    expect(readdirSync(ws.cwd)).toEqual(['file.txt']); // no temporary file left behind
  });

  it('writes through a symlink that stays inside the workspace, keeping the link', async () => {
    ws.write('real/target.txt', 'before\n');
    symlinkSync(path.join(ws.cwd, 'real/target.txt'), path.join(ws.cwd, 'alias.txt'));
    const outcome = await write({ path: 'alias.txt', content: 'after\n' });
    expect(outcome.content).toBe('replaced real/target.txt: wrote 6 bytes, 1 line');
    expect(readFileSync(path.join(ws.cwd, 'real/target.txt'), 'utf8')).toBe('after\n');
  });

  it('refuses a directory target', async () => {
    mkdirSync(path.join(ws.cwd, 'folder'));
    expect(await write({ path: 'folder', content: 'x' })).toEqual({
      isError: true,
      content: 'path "folder" is a directory',
    });
    expect(await write({ path: '.', content: 'x' })).toEqual({
      isError: true,
      content: 'path "." is a directory',
    });
  });

  it('refuses to create folders where a file is in the way', async () => {
    ws.write('plain.txt', 'x');
    const outcome = await write({ path: 'plain.txt/child.txt', content: 'x' });
    expect(outcome.isError).toBe(true);
    expect(outcome.content).toContain('a file is in the way');
  });

  it('names the bad field when the input is invalid', async () => {
    expect(await write({ path: 'a.txt' })).toEqual({
      isError: true,
      content:
        'invalid input for write_file: content: Invalid input: expected string, received undefined',
    });
    expect((await write({ path: '', content: 'x' })).content).toMatch(
      /^invalid input for write_file: path: /,
    );
  });

  it('does nothing once the agent has been aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await write({ path: 'a.txt', content: 'x' }, controller.signal)).toEqual({
      isError: true,
      content: 'write_file was aborted before it finished',
    });
    expect(existsSync(path.join(ws.cwd, 'a.txt'))).toBe(false);
  });
});

describe('write_file confinement', () => {
  it('refuses a path that climbs out with ..', async () => {
    expect(await write({ path: '../outside/new.txt', content: 'x' })).toEqual({
      isError: true,
      content: 'path "../outside/new.txt" is outside the workspace',
    });
    expect(readdirSync(ws.outside)).toEqual(['secret.txt']);
  });

  it('refuses an absolute path elsewhere, existing or not', async () => {
    const secret = path.join(ws.outside, 'secret.txt');
    const fresh = path.join(ws.outside, 'fresh', 'new.txt');
    expect((await write({ path: secret, content: 'pwned' })).content).toBe(
      `path ${JSON.stringify(secret)} is outside the workspace`,
    );
    expect((await write({ path: fresh, content: 'pwned' })).isError).toBe(true);
    expect(readFileSync(secret, 'utf8')).toBe('top secret\n');
    expect(existsSync(path.join(ws.outside, 'fresh'))).toBe(false);
  });

  it('refuses symlinks out of the workspace, to a file or through a folder', async () => {
    symlinkSync(ws.outside, path.join(ws.cwd, 'escape'));
    symlinkSync(path.join(ws.outside, 'secret.txt'), path.join(ws.cwd, 'secret-link.txt'));
    for (const requested of ['escape/secret.txt', 'escape/new/dir/file.txt', 'secret-link.txt']) {
      expect(await write({ path: requested, content: 'pwned' })).toEqual({
        isError: true,
        content: `path ${JSON.stringify(requested)} is outside the workspace`,
      });
    }
    expect(readdirSync(ws.outside)).toEqual(['secret.txt']);
    expect(readFileSync(path.join(ws.outside, 'secret.txt'), 'utf8')).toBe('top secret\n');
  });

  it('refuses a dangling symlink, which would create its target wherever it points', async () => {
    const target = path.join(ws.outside, 'created-by-link.txt');
    symlinkSync(target, path.join(ws.cwd, 'dangling.txt'));
    symlinkSync(path.join(ws.outside, 'nowhere'), path.join(ws.cwd, 'dangling-dir'));
    for (const requested of ['dangling.txt', 'dangling-dir/file.txt']) {
      const outcome = await write({ path: requested, content: 'pwned' });
      expect(outcome.isError).toBe(true);
      expect(outcome.content).toContain('symlink whose target does not exist');
    }
    expect(readdirSync(ws.outside)).toEqual(['secret.txt']);
  });
});

describe('resolveWriteTarget', () => {
  it('accepts a new file whose .. stays inside and says it does not exist yet', async () => {
    expect(await resolveWriteTarget(ws.cwd, 'a/../b/new.txt')).toEqual({
      ok: true,
      value: {
        root: ws.cwd,
        real: path.join(ws.cwd, 'b', 'new.txt'),
        display: 'b/new.txt',
        exists: false,
      },
    });
  });
});

describe('createWorkspaceToolHost', () => {
  it('offers only the read-only tools without write, and the writing tools after them with it', () => {
    const names = (write: boolean) =>
      createWorkspaceToolHost({ write })
        .specs()
        .map((spec) => [spec.name, spec.effect]);
    expect(names(false)).toEqual([
      ['read_file', 'read'],
      ['list_files', 'read'],
      ['grep', 'read'],
    ]);
    expect(names(true)).toEqual([
      ['read_file', 'read'],
      ['list_files', 'read'],
      ['grep', 'read'],
      ['write_file', 'write'],
      ['edit_file', 'write'],
      ['bash', 'exec'],
    ]);
  });

  it('refuses writing tools on a read-only host', async () => {
    const host = createWorkspaceToolHost({ write: false });
    const outcome = await host.run(
      { id: 'toolu_x', name: 'write_file', input: { path: 'a.txt', content: 'x' } },
      { cwd: ws.cwd, signal: new AbortController().signal },
    );
    expect(outcome.isError).toBe(true);
    expect(existsSync(path.join(ws.cwd, 'a.txt'))).toBe(false);
  });
});
