// Every file tool refuses paths whose real target is outside the agent's cwd (DESIGN.md §7).
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveInWorkspace } from '../../../src/adapters/tools/workspace-path.js';
import { createTempWorkspace, type TempWorkspace } from './workspace-fixture.js';

let ws: TempWorkspace;
beforeEach(() => {
  ws = createTempWorkspace();
  ws.write('inside.txt', 'inside\n');
});
afterEach(() => ws.dispose());

const pathInputs = {
  read_file: (p: string) => ({ path: p }),
  list_files: (p: string) => ({ path: p }),
  grep: (p: string) => ({ pattern: 'secret', path: p }),
};

describe.each(Object.entries(pathInputs))('%s confinement', (tool, inputFor) => {
  it('refuses a relative path that climbs out with ..', async () => {
    const outcome = await ws.run(tool, inputFor('../outside/secret.txt'));
    expect(outcome).toEqual({
      isError: true,
      content: 'path "../outside/secret.txt" is outside the workspace',
    });
  });

  it('refuses an absolute path elsewhere', async () => {
    const target = path.join(ws.outside, 'secret.txt');
    const outcome = await ws.run(tool, inputFor(target));
    expect(outcome.isError).toBe(true);
    expect(outcome.content).toBe(`path ${JSON.stringify(target)} is outside the workspace`);
  });

  it('refuses a symlink that points out of the workspace', async () => {
    symlinkSync(ws.outside, path.join(ws.cwd, 'escape'));
    const outcome = await ws.run(tool, inputFor('escape/secret.txt'));
    expect(outcome).toEqual({
      isError: true,
      content: 'path "escape/secret.txt" is outside the workspace',
    });
  });

  it('says "outside" rather than "missing" for a missing file behind an outward symlink', async () => {
    symlinkSync(ws.outside, path.join(ws.cwd, 'escape'));
    const outcome = await ws.run(tool, inputFor('escape/nope.txt'));
    expect(outcome.content).toBe('path "escape/nope.txt" is outside the workspace');
  });

  it('reports a missing path clearly', async () => {
    const outcome = await ws.run(tool, inputFor('nope/missing.txt'));
    expect(outcome).toEqual({ isError: true, content: 'path "nope/missing.txt" does not exist' });
  });
});

describe('resolveInWorkspace', () => {
  it('follows a symlink that stays inside the workspace', async () => {
    mkdirSync(path.join(ws.cwd, 'real'));
    ws.write('real/file.txt', 'x');
    symlinkSync(path.join(ws.cwd, 'real'), path.join(ws.cwd, 'alias'));
    const resolved = await resolveInWorkspace(ws.cwd, 'alias/file.txt');
    expect(resolved).toEqual({
      ok: true,
      value: {
        root: ws.cwd,
        real: path.join(ws.cwd, 'real', 'file.txt'),
        display: 'real/file.txt',
      },
    });
  });

  it('accepts an absolute path inside the workspace and .. that stays inside', async () => {
    const absolute = await resolveInWorkspace(ws.cwd, path.join(ws.cwd, 'inside.txt'));
    const climbing = await resolveInWorkspace(ws.cwd, 'sub/../inside.txt');
    expect(absolute.ok && absolute.value.display).toBe('inside.txt');
    expect(climbing.ok && climbing.value.display).toBe('inside.txt');
  });

  it('judges paths by the real cwd when the cwd itself is a symlink', async () => {
    const linkedCwd = path.join(ws.base, 'linked-workspace');
    symlinkSync(ws.cwd, linkedCwd);
    const inside = await resolveInWorkspace(linkedCwd, path.join(linkedCwd, 'inside.txt'));
    const outside = await resolveInWorkspace(linkedCwd, '../outside/secret.txt');
    expect(inside.ok && inside.value.display).toBe('inside.txt');
    expect(outside).toEqual({
      ok: false,
      error: 'path "../outside/secret.txt" is outside the workspace',
    });
  });

  it('refuses the parent of the workspace itself', async () => {
    expect(await resolveInWorkspace(ws.cwd, '..')).toEqual({
      ok: false,
      error: 'path ".." is outside the workspace',
    });
  });

  it('reports a missing workspace', async () => {
    const missing = path.join(ws.base, 'gone');
    expect(await resolveInWorkspace(missing, 'a.txt')).toEqual({
      ok: false,
      error: `workspace ${JSON.stringify(missing)} does not exist`,
    });
  });
});

describe('symlinks inside the workspace', () => {
  it('read_file reads through a symlink that stays inside', async () => {
    ws.write('docs/guide.md', 'hello\n');
    symlinkSync(path.join(ws.cwd, 'docs', 'guide.md'), path.join(ws.cwd, 'guide-link.md'));
    expect(await ws.run('read_file', { path: 'guide-link.md' })).toEqual({
      isError: false,
      content: '    1\thello',
    });
  });

  it('list_files and grep skip a symlink that points outside, keeping the rest', async () => {
    symlinkSync(path.join(ws.outside, 'secret.txt'), path.join(ws.cwd, 'leak.txt'));
    symlinkSync(ws.outside, path.join(ws.cwd, 'leak-dir'));
    const listed = await ws.run('list_files', {});
    const grepped = await ws.run('grep', { pattern: 'secret|inside' });
    expect(listed).toEqual({ isError: false, content: 'inside.txt' });
    expect(grepped).toEqual({ isError: false, content: 'inside.txt:1: inside' });
  });
});
