import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { terminfoCacheFile, terminfoCachePath } from '../../src/adapters/terminfo-cache-file.js';
import type { TerminfoData } from '../../src/core/terminfo-cache.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'agentmux-terminfo-cache-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A terminfo file of the test's own (its content is never read, only stamped) and data from it. */
function world(): { systemFile: string; data: TerminfoData } {
  writeFileSync(join(dir, 'xterm-test'), 'compiled terminfo');
  const data: TerminfoData = {
    name: 'xterm-test',
    names: ['xterm-test', 'a test terminal'],
    desc: 'a test terminal',
    file: join(dir, 'xterm-test'),
    bools: { auto_right_margin: true },
    numbers: { columns: 80, max_colors: 256 },
    strings: { cursor_address: '\u001b[%i%p1%d;%p2%dH' },
    error: undefined,
  };
  return { systemFile: data.file, data };
}

describe('terminfo cache file', () => {
  it('is written owner-only (0600) like every store file, whatever the umask', () => {
    const { systemFile, data } = world();
    const mask = process.umask(0);
    try {
      terminfoCacheFile(terminfoCachePath(dir)).save('xterm-test', systemFile, data);
    } finally {
      process.umask(mask);
    }
    expect(statSync(terminfoCachePath(dir)).mode & 0o777).toBe(0o600);
  });

  it('reads an entry back while the terminfo file it came from is unchanged', () => {
    const { systemFile, data } = world();
    const cache = terminfoCacheFile(terminfoCachePath(dir));
    expect(cache.load('xterm-test', systemFile)).toBeUndefined();
    cache.save('xterm-test', systemFile, data);
    expect(terminfoCacheFile(terminfoCachePath(dir)).load('xterm-test', systemFile)).toEqual(data);
  });

  it("keeps blessed's fallback message with the entry", () => {
    const { systemFile, data } = world();
    const cache = terminfoCacheFile(terminfoCachePath(dir));
    cache.save('xterm-test', systemFile, { ...data, error: 'Terminfo parse error.' });
    expect(cache.load('xterm-test', systemFile)?.error).toBe('Terminfo parse error.');
  });

  it('misses when the terminfo file changed size or time, or is another file, or another TERM', () => {
    const { systemFile, data } = world();
    const cache = terminfoCacheFile(terminfoCachePath(dir));
    cache.save('xterm-test', systemFile, data);
    expect(cache.load('screen-test', systemFile)).toBeUndefined();
    expect(cache.load('xterm-test', undefined)).toBeUndefined();
    expect(cache.load('xterm-test', join(dir, 'elsewhere'))).toBeUndefined();
    const later = new Date(Date.now() + 60_000);
    utimesSync(systemFile, later, later);
    expect(cache.load('xterm-test', systemFile)).toBeUndefined();
    cache.save('xterm-test', systemFile, data);
    expect(cache.load('xterm-test', systemFile)).toEqual(data);
    writeFileSync(systemFile, 'compiled terminfo, longer now');
    utimesSync(systemFile, later, later);
    expect(cache.load('xterm-test', systemFile)).toBeUndefined();
  });

  it('misses when no terminfo file was found then but one is now', () => {
    const { data } = world();
    const cache = terminfoCacheFile(terminfoCachePath(dir));
    cache.save('xterm-test', undefined, data);
    expect(cache.load('xterm-test', undefined)).toEqual(data);
    expect(cache.load('xterm-test', data.file)).toBeUndefined();
  });

  it('keeps one entry per TERM', () => {
    const { systemFile, data } = world();
    const cache = terminfoCacheFile(terminfoCachePath(dir));
    cache.save('xterm-test', systemFile, data);
    cache.save('screen-test', systemFile, { ...data, name: 'screen-test' });
    expect(cache.load('xterm-test', systemFile)?.name).toBe('xterm-test');
    expect(cache.load('screen-test', systemFile)?.name).toBe('screen-test');
  });

  for (const [what, text] of [
    ['not JSON', '{"version": 1, "entries": {'],
    ['JSON of another shape', '{"version": 1, "entries": {"xterm-test": {"data": 3}}}'],
    ['empty', ''],
  ] as const) {
    it(`treats a cache file that is ${what} as empty, and the next save rebuilds it`, () => {
      const { systemFile, data } = world();
      const file = terminfoCachePath(dir);
      writeFileSync(file, text);
      const cache = terminfoCacheFile(file);
      expect(cache.load('xterm-test', systemFile)).toBeUndefined();
      cache.save('xterm-test', systemFile, data);
      expect(cache.load('xterm-test', systemFile)).toEqual(data);
      expect((): unknown => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow();
    });
  }

  it('never fails a start when the store cannot be written', () => {
    const { systemFile, data } = world();
    // A file where the store's folder should be: nothing can be written under it.
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    const cache = terminfoCacheFile(join(dir, 'not-a-folder', 'terminfo-cache.json'));
    expect(() => cache.save('xterm-test', systemFile, data)).not.toThrow();
    expect(cache.load('xterm-test', systemFile)).toBeUndefined();
  });
});
