import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  GREP_MAX_FILE_BYTES,
  GREP_MAX_LINE_CHARS,
  GREP_MAX_MATCHES,
} from '../../../src/adapters/tools/grep.js';
import { signalAbortingAfter } from './abort-signal.js';
import { createTempWorkspace, type TempWorkspace } from './workspace-fixture.js';

let ws: TempWorkspace;
beforeEach(() => {
  ws = createTempWorkspace();
  ws.write(
    'src/parser.ts',
    'export function parse(text: string) {\n  // TODO: handle decimals\n  return parseInt(text, 10);\n}\n',
  );
  ws.write(
    'src/format.ts',
    'export function format(n: number) {\r\n  return `${n}s`; // todo later\r\n}\r\n',
  );
  ws.write('README.md', '# Demo\nTODO: write docs\n');
  ws.write('node_modules/dep/index.js', '// TODO in a dependency\n');
  ws.write('.git/config', 'TODO in git\n');
  ws.write('assets/blob.bin', Buffer.concat([Buffer.from('TODO '), Buffer.from([0, 1, 2])]));
});
afterEach(() => ws.dispose());

describe('grep', () => {
  it('prints path:line: text for each match, skipping binaries, .git and node_modules', async () => {
    expect(await ws.run('grep', { pattern: 'TODO' })).toEqual({
      isError: false,
      content: 'README.md:2: TODO: write docs\nsrc/parser.ts:2:   // TODO: handle decimals',
    });
  });

  it('uses JavaScript regex syntax', async () => {
    const { content } = await ws.run('grep', { pattern: '\\b(?:TODO|todo)\\b.*$' });
    expect(content).toBe(
      'README.md:2: TODO: write docs\nsrc/format.ts:2:   return `${n}s`; // todo later\nsrc/parser.ts:2:   // TODO: handle decimals',
    );
    expect((await ws.run('grep', { pattern: '^export function \\w+\\(text' })).content).toBe(
      'src/parser.ts:1: export function parse(text: string) {',
    );
  });

  it('searches only under path, and a single file when path is a file', async () => {
    expect((await ws.run('grep', { pattern: 'return', path: 'src' })).content).toBe(
      'src/format.ts:2:   return `${n}s`; // todo later\nsrc/parser.ts:3:   return parseInt(text, 10);',
    );
    expect((await ws.run('grep', { pattern: 'return', path: 'src/parser.ts' })).content).toBe(
      'src/parser.ts:3:   return parseInt(text, 10);',
    );
  });

  it('says when nothing matches, without an error', async () => {
    expect(await ws.run('grep', { pattern: 'nothing-here' })).toEqual({
      isError: false,
      content: 'no matches for /nothing-here/ in the workspace',
    });
  });

  it('names an invalid regex in a tool error', async () => {
    const outcome = await ws.run('grep', { pattern: 'parse(' });
    expect(outcome.isError).toBe(true);
    expect(outcome.content).toMatch(
      /^invalid regex "parse\(": Invalid regular expression: \/parse\(\/: /,
    );
  });

  it('refuses a binary file named as the path', async () => {
    expect(await ws.run('grep', { pattern: 'TODO', path: 'assets/blob.bin' })).toEqual({
      isError: true,
      content: 'path "assets/blob.bin" is a binary file; grep searches text only',
    });
  });

  it(`caps at ${GREP_MAX_MATCHES} matches and says so`, async () => {
    ws.write('many.txt', 'hit\n'.repeat(GREP_MAX_MATCHES + 20));
    const { content } = await ws.run('grep', { pattern: '^hit$', path: 'many.txt' });
    const lines = content.split('\n');
    expect(lines).toHaveLength(GREP_MAX_MATCHES + 1);
    expect(lines[GREP_MAX_MATCHES - 1]).toBe(`many.txt:${GREP_MAX_MATCHES}: hit`);
    expect(lines.at(-1)).toBe(
      `[capped at ${GREP_MAX_MATCHES} matches; narrow the pattern or path]`,
    );
  });

  it('cuts a long matching line', async () => {
    ws.write('long.txt', `needle${'z'.repeat(GREP_MAX_LINE_CHARS * 3)}\n`);
    const { content } = await ws.run('grep', { pattern: 'needle', path: 'long.txt' });
    expect(content).toBe(`long.txt:1: needle${'z'.repeat(GREP_MAX_LINE_CHARS - 6)} …`);
  });

  it('skips files over the size limit and says how many', async () => {
    ws.write('huge.log', `needle\n${'a'.repeat(GREP_MAX_FILE_BYTES)}`);
    ws.write('small.log', 'needle\n');
    expect((await ws.run('grep', { pattern: 'needle' })).content).toBe(
      'small.log:1: needle\n[skipped 1 file(s) over 1 MiB]',
    );
  });

  it('refuses bad input naming the field', async () => {
    expect(await ws.run('grep', { path: 'src' })).toEqual({
      isError: true,
      content:
        'invalid input for grep: pattern: Invalid input: expected string, received undefined',
    });
  });

  it('stops part-way through the walk when the signal aborts', async () => {
    for (let index = 0; index < 200; index += 1) ws.write(`many/f${index}.txt`, 'TODO\n');
    const counting = signalAbortingAfter(3);
    expect(await ws.run('grep', { pattern: 'TODO' }, counting.signal)).toEqual({
      isError: true,
      content: 'grep was aborted before it finished',
    });
    expect(counting.checks()).toBeLessThan(10);
  });
});
