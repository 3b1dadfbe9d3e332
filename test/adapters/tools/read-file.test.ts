import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  READ_FILE_MAX_BYTES,
  READ_FILE_MAX_LINE_CHARS,
  READ_FILE_MAX_LINES,
} from '../../../src/adapters/tools/read-file.js';
import { createTempWorkspace, numberedText, type TempWorkspace } from './workspace-fixture.js';

let ws: TempWorkspace;
beforeEach(() => {
  ws = createTempWorkspace();
});
afterEach(() => ws.dispose());

describe('read_file', () => {
  it('returns every line numbered, without a trailer, for a small file', async () => {
    ws.write('src/a.ts', 'const a = 1;\r\n\nexport { a };\n');
    expect(await ws.run('read_file', { path: 'src/a.ts' })).toEqual({
      isError: false,
      content: '    1\tconst a = 1;\n    2\t\n    3\texport { a };',
    });
  });

  it('keeps a last line that has no newline after it', async () => {
    ws.write('a.txt', 'one\ntwo');
    expect((await ws.run('read_file', { path: 'a.txt' })).content).toBe('    1\tone\n    2\ttwo');
  });

  it('offset and limit select a 1-based window and say where to continue', async () => {
    ws.write('big.txt', numberedText(20));
    const outcome = await ws.run('read_file', { path: 'big.txt', offset: 5, limit: 3 });
    expect(outcome).toEqual({
      isError: false,
      content:
        '    5\tline 5\n    6\tline 6\n    7\tline 7\n' +
        '[more lines follow; call read_file with offset=8 to continue]',
    });
  });

  it('has no trailer when the window reaches the end of the file', async () => {
    ws.write('big.txt', numberedText(20));
    const outcome = await ws.run('read_file', { path: 'big.txt', offset: 18, limit: 3 });
    expect(outcome.content).toBe('   18\tline 18\n   19\tline 19\n   20\tline 20');
  });

  it('reports an offset past the end with the line count', async () => {
    ws.write('small.txt', numberedText(3));
    expect(await ws.run('read_file', { path: 'small.txt', offset: 10 })).toEqual({
      isError: true,
      content: 'offset 10 is past the end of "small.txt", which has 3 lines',
    });
  });

  it(`caps output at ${READ_FILE_MAX_LINES} lines and says so`, async () => {
    ws.write('huge.txt', numberedText(READ_FILE_MAX_LINES + 500));
    const { content, isError } = await ws.run('read_file', { path: 'huge.txt' });
    const lines = content.split('\n');
    expect(isError).toBe(false);
    expect(lines).toHaveLength(READ_FILE_MAX_LINES + 1);
    expect(lines[READ_FILE_MAX_LINES - 1]).toBe(
      ` ${READ_FILE_MAX_LINES}\tline ${READ_FILE_MAX_LINES}`,
    );
    expect(lines.at(-1)).toBe(
      `[output capped at ${READ_FILE_MAX_LINES} lines; call read_file with offset=${READ_FILE_MAX_LINES + 1} to continue]`,
    );
  });

  it('a limit above the line cap is held to the cap', async () => {
    ws.write('huge.txt', numberedText(READ_FILE_MAX_LINES + 10));
    const { content } = await ws.run('read_file', {
      path: 'huge.txt',
      limit: READ_FILE_MAX_LINES * 5,
    });
    expect(content.split('\n')).toHaveLength(READ_FILE_MAX_LINES + 1);
    expect(content).toMatch(
      /\[output capped at 2000 lines; call read_file with offset=2001 to continue\]$/,
    );
  });

  it(`caps output at ${READ_FILE_MAX_BYTES / 1024} KiB and says where to continue`, async () => {
    const wide = `${'x'.repeat(999)}\n`.repeat(300); // 300 KB in 300 lines
    ws.write('wide.txt', wide);
    const { content, isError } = await ws.run('read_file', { path: 'wide.txt' });
    expect(isError).toBe(false);
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(READ_FILE_MAX_BYTES + 200);
    const shown = content.split('\n').length - 1;
    expect(shown).toBeGreaterThan(90);
    expect(shown).toBeLessThan(110);
    expect(content).toMatch(
      new RegExp(
        `\\[output capped at 100 KiB; call read_file with offset=${shown + 1} to continue\\]$`,
      ),
    );
  });

  it('cuts an over-long line and keeps going', async () => {
    ws.write('minified.js', `${'y'.repeat(READ_FILE_MAX_LINE_CHARS * 50)}\nnext\n`);
    const { content } = await ws.run('read_file', { path: 'minified.js' });
    const [first, second] = content.split('\n');
    expect(first).toBe(
      `    1\t${'y'.repeat(READ_FILE_MAX_LINE_CHARS)} … [line cut at ${READ_FILE_MAX_LINE_CHARS} characters]`,
    );
    expect(second).toBe('    2\tnext');
  });

  it('decodes UTF-8 characters split across read chunks', async () => {
    const text = `${'é'.repeat(70_000)}\nend\n`; // 140 KB: crosses the 64 KiB chunk boundary mid-character
    ws.write('accents.txt', text);
    const { content } = await ws.run('read_file', { path: 'accents.txt', offset: 2 });
    expect(content).toBe('    2\tend');
  });

  it('refuses a binary file', async () => {
    ws.write('logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    expect(await ws.run('read_file', { path: 'logo.png' })).toEqual({
      isError: true,
      content:
        'path "logo.png" is a binary file (it contains NUL bytes); read_file reads text only',
    });
  });

  it('says an empty file is empty', async () => {
    ws.write('empty.txt', '');
    expect(await ws.run('read_file', { path: 'empty.txt' })).toEqual({
      isError: false,
      content: '(empty.txt is empty)',
    });
  });

  it('points a directory to list_files', async () => {
    ws.write('src/a.ts', '');
    expect(await ws.run('read_file', { path: 'src' })).toEqual({
      isError: true,
      content: 'path "src" is a directory; use list_files to see its files',
    });
  });

  it('reports a missing file', async () => {
    expect(await ws.run('read_file', { path: 'missing.ts' })).toEqual({
      isError: true,
      content: 'path "missing.ts" does not exist',
    });
  });

  it.each([
    [{}, 'invalid input for read_file: path: Invalid input: expected string, received undefined'],
    [
      { path: 7 },
      'invalid input for read_file: path: Invalid input: expected string, received number',
    ],
    [
      { path: 'a.txt', offset: 0 },
      'invalid input for read_file: offset: Too small: expected number to be >=1',
    ],
    [
      { path: 'a.txt', limit: 1.5 },
      'invalid input for read_file: limit: Invalid input: expected int, received number',
    ],
  ])('refuses bad input %j naming the field', async (input, message) => {
    ws.write('a.txt', 'a\n');
    expect(await ws.run('read_file', input)).toEqual({ isError: true, content: message });
  });

  it('stops with an error outcome when the signal is aborted', async () => {
    ws.write('a.txt', 'a\n');
    const controller = new AbortController();
    controller.abort();
    expect(await ws.run('read_file', { path: 'a.txt' }, controller.signal)).toEqual({
      isError: true,
      content: 'read_file was aborted before it finished',
    });
  });
});
