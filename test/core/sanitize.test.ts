import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nearest256, sanitize, Sanitizer, type SanitizedRun } from '../../src/core/sanitize.js';

const fixtures = fileURLToPath(new URL('../fixtures/sanitize/', import.meta.url));
const names = readdirSync(fixtures)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => name.slice(0, -'.txt'.length));

function fixture(name: string): { input: string; expected: unknown } {
  const input = readFileSync(`${fixtures}${name}.txt`, 'utf8');
  const expected: unknown = JSON.parse(readFileSync(`${fixtures}${name}.json`, 'utf8'));
  return { input, expected };
}

/** Runs with equal colours merged, so chunked and whole output compare. */
function merged(runs: readonly SanitizedRun[]): SanitizedRun[] {
  const out: SanitizedRun[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && JSON.stringify(last.colours) === JSON.stringify(run.colours)) {
      out[out.length - 1] = { ...last, text: last.text + run.text };
    } else out.push(run);
  }
  return out;
}

/** True for a control (other than newline), C1, bidi or spoofing format character. */
function isForbidden(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x0a) ||
    (code >= 0x7f && code <= 0x9f) ||
    [0x061c, 0x200e, 0x200f].includes(code) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

describe('sanitize golden fixtures', () => {
  it('has the fixtures, the nasty one included', () => {
    expect(names).toEqual(expect.arrayContaining(['nasty', 'colours', 'controls', 'wide']));
  });

  for (const name of names) {
    it(`turns ${name}.txt into the runs of ${name}.json`, () => {
      const { input, expected } = fixture(name);
      expect(sanitize(input)).toEqual(expected);
    });

    it(`${name}.txt gives the same runs when streamed one code unit at a time`, () => {
      const { input } = fixture(name);
      const sanitizer = new Sanitizer();
      const streamed = [...input].flatMap((char) => sanitizer.feed(char));
      expect(merged(streamed)).toEqual(merged(sanitize(input)));
    });
  }

  it('leaves no control, C1 or bidi character in the nasty fixture', () => {
    const text = sanitize(fixture('nasty').input)
      .map((run) => run.text)
      .join('');
    expect([...text].filter((char) => isForbidden(char.codePointAt(0) ?? 0))).toEqual([]);
    expect(text).not.toContain('pwned');
    expect(text).not.toContain('cm0gLXJmIH4=');
    expect(text).not.toContain('evil.example');
  });
});

describe('sanitize', () => {
  it('keeps blessed-looking tags as typed', () => {
    expect(sanitize('{red-fg}x{/red-fg}')).toEqual([{ text: '{red-fg}x{/red-fg}' }]);
  });

  it('drops a CSI sequence that is not SGR, even one ending in m with a private prefix', () => {
    expect(sanitize('a\x1b[?31mb\x1b[>4;2mc')).toEqual([{ text: 'abc' }]);
  });

  it('ends an OSC string at a newline so later lines stay visible', () => {
    expect(sanitize('\x1b]0;title without end\nvisible')).toEqual([{ text: '\nvisible' }]);
  });

  it('replaces lone surrogates and keeps pairs', () => {
    expect(sanitize('a\ud800b\udc00c😀')).toEqual([{ text: 'a\ufffdb\ufffdc😀' }]);
  });

  it('carries colours across chunks of a stream', () => {
    const sanitizer = new Sanitizer();
    expect(sanitizer.feed('\x1b[3')).toEqual([]);
    expect(sanitizer.feed('2mgreen')).toEqual([{ text: 'green', colours: { fg: 2 } }]);
    expect(sanitizer.feed(' still')).toEqual([{ text: ' still', colours: { fg: 2 } }]);
  });

  it('maps truecolour to the nearest 256-colour index', () => {
    expect(nearest256(255, 0, 0)).toBe(196);
    expect(nearest256(0, 0, 0)).toBe(16);
    expect(nearest256(128, 128, 128)).toBe(244);
    expect(nearest256(95, 135, 175)).toBe(67);
  });

  it('never draws text in a colour pair that hides it (fg = bg, black on black, white on white)', () => {
    expect(sanitize('see \x1b[30;40mrm -rf ~\x1b[0m done')).toEqual([{ text: 'see rm -rf ~ done' }]);
    expect(sanitize('\x1b[1;38;5;16;40mhidden')).toEqual([{ text: 'hidden', colours: { bold: true } }]);
    expect(sanitize('\x1b[38;2;1;1;1;48;2;0;0;0mtruecolour')).toEqual([{ text: 'truecolour' }]);
    expect(sanitize('\x1b[97;107mwhite')).toEqual([{ text: 'white' }]);
    expect(sanitize('\x1b[31;44mred on blue')).toEqual([{ text: 'red on blue', colours: { fg: 1, bg: 4 } }]);
  });

  it('drops a near-black or near-white colour set against the terminal default (unknown theme)', () => {
    expect(sanitize('\x1b[30mblack on a dark theme')).toEqual([{ text: 'black on a dark theme' }]);
    expect(sanitize('\x1b[47mwhite under a light default')).toEqual([{ text: 'white under a light default' }]);
    expect(sanitize('\x1b[41mred bg\x1b[0m')).toEqual([{ text: 'red bg', colours: { bg: 1 } }]);
  });

  it('a hiding pair set in one chunk of a stream stays dropped in the next', () => {
    const sanitizer = new Sanitizer();
    expect(sanitizer.feed('\x1b[30;40m')).toEqual([]);
    expect(sanitizer.feed('secret')).toEqual([{ text: 'secret' }]);
    expect(sanitizer.feed('\x1b[37mnow grey')).toEqual([{ text: 'now grey', colours: { fg: 7, bg: 0 } }]);
  });
});
