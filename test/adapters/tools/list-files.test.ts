import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIST_FILES_MAX_ENTRIES } from '../../../src/adapters/tools/list-files.js';
import { signalAbortingAfter } from './abort-signal.js';
import { createTempWorkspace, type TempWorkspace } from './workspace-fixture.js';

let ws: TempWorkspace;
beforeEach(() => {
  ws = createTempWorkspace();
  for (const file of [
    'package.json',
    'README.md',
    'src/index.ts',
    'src/parser.ts',
    'src/util/strings.ts',
    'test/parser.test.ts',
    'docs/guide.md',
    '.git/HEAD',
    'node_modules/dep/index.js',
    'src/node_modules/nested/index.js',
  ]) {
    ws.write(file, 'x\n');
  }
});
afterEach(() => ws.dispose());

describe('list_files', () => {
  it('lists every file recursively in path order, skipping .git and node_modules', async () => {
    expect(await ws.run('list_files', {})).toEqual({
      isError: false,
      content: [
        'README.md',
        'docs/guide.md',
        'package.json',
        'src/index.ts',
        'src/parser.ts',
        'src/util/strings.ts',
        'test/parser.test.ts',
      ].join('\n'),
    });
  });

  it('sorts entries by name whatever order they were created in', async () => {
    for (const name of ['zeta.txt', 'mid/b.txt', 'alpha.txt', 'mid/a.txt', 'Zulu.txt']) {
      ws.write(`order/${name}`, '');
    }
    expect((await ws.run('list_files', { path: 'order' })).content).toBe(
      'order/Zulu.txt\norder/alpha.txt\norder/mid/a.txt\norder/mid/b.txt\norder/zeta.txt',
    );
  });

  it('lists a subdirectory with paths still relative to the workspace root', async () => {
    expect((await ws.run('list_files', { path: 'src' })).content).toBe(
      'src/index.ts\nsrc/parser.ts\nsrc/util/strings.ts',
    );
  });

  it('lists inside node_modules when asked for it explicitly', async () => {
    expect((await ws.run('list_files', { path: 'node_modules' })).content).toBe(
      'node_modules/dep/index.js',
    );
  });

  it.each([
    ['*.md', ['README.md']],
    ['**/*.md', ['README.md', 'docs/guide.md']],
    ['src/*.ts', ['src/index.ts', 'src/parser.ts']],
    ['src/**/*.ts', ['src/index.ts', 'src/parser.ts', 'src/util/strings.ts']],
    ['**/pars?r*', ['src/parser.ts', 'test/parser.test.ts']],
  ])('pattern %s matches paths relative to the listed directory', async (pattern, expected) => {
    expect((await ws.run('list_files', { pattern })).content).toBe(expected.join('\n'));
  });

  it('matches the pattern relative to path', async () => {
    expect((await ws.run('list_files', { path: 'src', pattern: '*.ts' })).content).toBe(
      'src/index.ts\nsrc/parser.ts',
    );
  });

  it('says when nothing matches', async () => {
    expect(await ws.run('list_files', { pattern: '*.rs' })).toEqual({
      isError: false,
      content: 'no files matching "*.rs" under the workspace',
    });
  });

  it(`caps the listing at ${LIST_FILES_MAX_ENTRIES} entries and says so`, async () => {
    for (let index = 0; index < LIST_FILES_MAX_ENTRIES + 5; index += 1) {
      ws.write(`many/f${String(index).padStart(4, '0')}.txt`, '');
    }
    const { content, isError } = await ws.run('list_files', { path: 'many' });
    const lines = content.split('\n');
    expect(isError).toBe(false);
    expect(lines).toHaveLength(LIST_FILES_MAX_ENTRIES + 1);
    expect(lines[0]).toBe('many/f0000.txt');
    expect(lines.at(-1)).toBe(
      `[capped at ${LIST_FILES_MAX_ENTRIES} entries; more files exist — narrow path or pattern]`,
    );
  });

  it('does not say capped when exactly the cap is listed', async () => {
    for (let index = 0; index < LIST_FILES_MAX_ENTRIES; index += 1) {
      ws.write(`many/f${String(index).padStart(4, '0')}.txt`, '');
    }
    const { content } = await ws.run('list_files', { path: 'many' });
    expect(content.split('\n')).toHaveLength(LIST_FILES_MAX_ENTRIES);
    expect(content).not.toContain('capped');
  });

  it('lists a symlinked file inside the workspace but does not follow a symlinked directory', async () => {
    mkdirSync(path.join(ws.cwd, 'links'));
    symlinkSync(path.join(ws.cwd, 'README.md'), path.join(ws.cwd, 'links', 'readme-link.md'));
    symlinkSync(path.join(ws.cwd, 'src'), path.join(ws.cwd, 'links', 'src-link'));
    expect((await ws.run('list_files', { path: 'links' })).content).toBe('links/readme-link.md');
  });

  it('refuses a file as the directory to list', async () => {
    expect(await ws.run('list_files', { path: 'README.md' })).toEqual({
      isError: true,
      content: 'path "README.md" is a file, not a directory; use read_file to read it',
    });
  });

  it('refuses bad input naming the field', async () => {
    expect(await ws.run('list_files', { pattern: 3 })).toEqual({
      isError: true,
      content:
        'invalid input for list_files: pattern: Invalid input: expected string, received number',
    });
  });

  it('stops part-way through the walk when the signal aborts', async () => {
    for (let index = 0; index < 200; index += 1) ws.write(`many/f${index}.txt`, '');
    const counting = signalAbortingAfter(3);
    const outcome = await ws.run('list_files', {}, counting.signal);
    expect(outcome).toEqual({
      isError: true,
      content: 'list_files was aborted before it finished',
    });
    expect(counting.checks()).toBeLessThan(10);
  });
});
