import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { terminfoCacheFile, terminfoCachePath } from '../../src/adapters/terminfo-cache-file.js';
import type { TerminfoCache } from '../../src/core/terminfo-cache.js';
import { CockpitView } from '../../src/view/cockpit-view.js';
import { createTty, FakeTranscript } from './terminal-harness.js';
import { cockpit, gridRects, paneModel, statusModel } from './view-kit.js';

const savedTerm = process.env['TERM'];
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'agentmux-terminfo-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  if (savedTerm === undefined) delete process.env['TERM'];
  else process.env['TERM'] = savedTerm;
});

/** The store's cache file, counting what its loads returned. */
function countingCache(file: string): {
  cache: TerminfoCache;
  hits: () => number;
  misses: () => number;
} {
  const real = terminfoCacheFile(file);
  let hits = 0;
  let misses = 0;
  return {
    cache: {
      load: (term, systemFile) => {
        const found = real.load(term, systemFile);
        if (found === undefined) misses++;
        else hits++;
        return found;
      },
      save: (term, systemFile, data) => real.save(term, systemFile, data),
    },
    hits: () => hits,
    misses: () => misses,
  };
}

/** Everything a cockpit view writes up to its first frame (4 panes, colours, hints) under `term`. */
async function firstFrame(term: string, cache: TerminfoCache | undefined): Promise<string> {
  const tty = createTty(100, 24);
  process.env['TERM'] = term;
  const view = new CockpitView({
    input: tty.input,
    output: tty.output,
    title: 'first frame',
    ...(cache === undefined ? {} : { terminfoCache: cache }),
  });
  try {
    const names = ['alpha', 'beta', 'gamma', 'delta'];
    const transcript = new FakeTranscript(3, (index) => ({
      spans: [{ text: `row ${index} ✻ thinking`, style: index === 0 ? 'thinking' : 'assistant' }],
      cells: 16,
    }));
    const panes = names.map((name, index) =>
      paneModel(name, index + 1, { focused: index === 0, transcript }),
    );
    view.update(
      cockpit(panes, statusModel({ focused: 'alpha' })),
      gridRects(names, view.paneArea()),
    );
    view.renderNow();
    await tty.waitFor((text) => text.includes('delta') && text.includes('q quit'));
    return tty.output.written;
  } finally {
    view.dispose();
    tty.dispose();
  }
}

describe('terminfo from the store cache', () => {
  for (const term of ['xterm-256color', 'tmux-256color', 'screen-256color']) {
    it(`a cached start writes the same first frame as an uncached one (TERM=${term})`, async () => {
      const uncached = await firstFrame(term, undefined);
      const file = terminfoCachePath(dir);
      const first = countingCache(file);
      expect(await firstFrame(term, first.cache)).toBe(uncached);
      expect(first.misses()).toBe(1);
      const second = countingCache(file);
      expect(await firstFrame(term, second.cache)).toBe(uncached);
      expect(second.hits()).toBe(1);
      expect(second.misses()).toBe(0);
    });
  }

  it('a corrupt cache is ignored, the frame is the same, and the cache is rebuilt', async () => {
    const uncached = await firstFrame('xterm-256color', undefined);
    const file = terminfoCachePath(dir);
    writeFileSync(file, '{"version":1,"entries":{"xterm-256color":{"systemFile":null,"dataFile":');
    const corrupt = countingCache(file);
    expect(await firstFrame('xterm-256color', corrupt.cache)).toBe(uncached);
    expect(corrupt.misses()).toBe(1);
    expect((): unknown => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow();
    const rebuilt = countingCache(file);
    expect(await firstFrame('xterm-256color', rebuilt.cache)).toBe(uncached);
    expect(rebuilt.hits()).toBe(1);
  });
});

/** What calling a capability gives: its text, or the error blessed's own code throws (its `%X` has a typo). */
function outcome(call: () => unknown): unknown {
  try {
    return call();
  } catch (error) {
    return error instanceof Error ? `throws ${error.message}` : 'throws';
  }
}

/** The capabilities' texts of the Tput behind a fresh cockpit view under `term`, called with `params`. */
const objectOf = (value: unknown): object =>
  typeof value === 'object' && value !== null ? value : {};

function capabilityTexts(
  term: string,
  cache: TerminfoCache | undefined,
  params: readonly number[],
): Map<string, unknown> {
  const tty = createTty(80, 24);
  process.env['TERM'] = term;
  const view = new CockpitView({
    input: tty.input,
    output: tty.output,
    title: 'caps',
    ...(cache === undefined ? {} : { terminfoCache: cache }),
  });
  try {
    const tput: unknown = Reflect.get(objectOf(Reflect.get(view.screen, 'program')), 'tput');
    const methods: unknown = Reflect.get(objectOf(tput), 'methods');
    const strings: unknown = Reflect.get(objectOf(tput), 'strings');
    const texts = new Map<string, unknown>();
    for (const key of Object.keys(objectOf(strings))) {
      const method: unknown = Reflect.get(objectOf(methods), key);
      texts.set(
        key,
        outcome(() =>
          typeof method === 'function' ? Reflect.apply(method, tput, [[...params]]) : method,
        ),
      );
    }
    return texts;
  } finally {
    view.dispose();
    tty.dispose();
  }
}

describe('capabilities of a cached start, compiled on first use', () => {
  for (const term of ['xterm-256color', 'xterm', 'tmux-256color', 'screen-256color']) {
    it(`write what blessed's eager compile writes, for every string capability (TERM=${term})`, () => {
      const params = [3, 7, 1, 2, 5, 0, 1, 0, 1];
      const uncached = capabilityTexts(term, undefined, params);
      expect(uncached.size).toBeGreaterThan(100);
      const file = terminfoCachePath(dir);
      capabilityTexts(term, terminfoCacheFile(file), params);
      const cached = countingCache(file);
      expect(capabilityTexts(term, cached.cache, params)).toEqual(uncached);
      expect(cached.hits()).toBe(1);
    });
  }
});
