import { describe, expect, it } from 'vitest';
import { matchesGlob } from '../../../src/adapters/tools/glob.js';

describe('matchesGlob', () => {
  it('* matches within one path segment only', () => {
    expect(matchesGlob('*.ts', 'index.ts')).toBe(true);
    expect(matchesGlob('*.ts', 'src/index.ts')).toBe(false);
    expect(matchesGlob('src/*.ts', 'src/index.ts')).toBe(true);
    expect(matchesGlob('src/*.ts', 'src/deep/index.ts')).toBe(false);
  });

  it('** crosses segments and **/ also matches zero directories', () => {
    expect(matchesGlob('**/*.ts', 'index.ts')).toBe(true);
    expect(matchesGlob('**/*.ts', 'src/a/b/index.ts')).toBe(true);
    expect(matchesGlob('src/**', 'src/a/b.ts')).toBe(true);
    expect(matchesGlob('src/**/b.ts', 'src/b.ts')).toBe(true);
    expect(matchesGlob('src/**/b.ts', 'lib/b.ts')).toBe(false);
  });

  it('? matches exactly one character other than /', () => {
    expect(matchesGlob('file?.txt', 'file1.txt')).toBe(true);
    expect(matchesGlob('file?.txt', 'file12.txt')).toBe(false);
    expect(matchesGlob('a?b', 'a/b')).toBe(false);
  });

  it('treats regex characters in the glob literally', () => {
    expect(matchesGlob('a.b', 'axb')).toBe(false);
    expect(matchesGlob('(x)+[y].md', '(x)+[y].md')).toBe(true);
    expect(matchesGlob('$^{}|\\.md', '$^{}|\\.md')).toBe(true);
  });

  it('matches the whole path, not a part of it', () => {
    expect(matchesGlob('*.ts', 'index.tsx')).toBe(false);
    expect(matchesGlob('index', 'src/index.ts')).toBe(false);
  });
});

describe('brace alternatives', () => {
  it('{a,b} matches either alternative, and an unmatched brace is literal', () => {
    expect(matchesGlob('**/*.{ts,md}', 'src/parser.ts')).toBe(true);
    expect(matchesGlob('**/*.{ts,md}', 'README.md')).toBe(true);
    expect(matchesGlob('**/*.{ts,md}', 'package.json')).toBe(false);
    expect(matchesGlob('a{b', 'a{b')).toBe(true);
  });
});
