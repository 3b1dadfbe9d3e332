// Bracketed paste splitting (B2): pasted text is cut out of the input whole, across reads,
// and the keys typed around it stay keys.
import { describe, expect, it } from 'vitest';
import { normalizePaste, PasteSplitter } from '../../src/view/paste-input.js';

const START = '\x1b[200~';
const END = '\x1b[201~';

describe('PasteSplitter', () => {
  it('leaves a chunk without a paste alone (its keys are blessed\'s to read)', () => {
    const splitter = new PasteSplitter();
    expect(splitter.split('abc')).toEqual({ parts: [{ kind: 'typed', text: 'abc' }], touchedPaste: false });
    // A lone Esc is a key now, never held back as the start of a marker.
    expect(splitter.split('\x1b')).toEqual({ parts: [{ kind: 'typed', text: '\x1b' }], touchedPaste: false });
  });

  it('cuts a paste out whole, with the keys typed before and after it in order', () => {
    const splitter = new PasteSplitter();
    const split = splitter.split(`x${START}line one\r:new two\rq${END}y`);
    expect(split.touchedPaste).toBe(true);
    expect(split.parts).toEqual([
      { kind: 'typed', text: 'x' },
      { kind: 'paste', text: 'line one\r:new two\rq' },
      { kind: 'typed', text: 'y' },
    ]);
  });

  it('keeps a paste open across reads, markers cut between two reads included', () => {
    const splitter = new PasteSplitter();
    const first = splitter.split(`${START}one\r`);
    expect(first).toEqual({ parts: [], touchedPaste: true });
    expect(splitter.inPaste).toBe(true);
    expect(splitter.split('two\rthree\x1b[20')).toEqual({ parts: [], touchedPaste: true });
    expect(splitter.split(`1~n`)).toEqual({
      parts: [
        { kind: 'paste', text: 'one\rtwo\rthree' },
        { kind: 'typed', text: 'n' },
      ],
      touchedPaste: true,
    });
    expect(splitter.inPaste).toBe(false);
    // A start marker cut by the read waits for the rest.
    expect(splitter.split('\x1b[20')).toEqual({ parts: [], touchedPaste: true });
    expect(splitter.split(`0~u${END}`)).toEqual({ parts: [{ kind: 'paste', text: 'u' }], touchedPaste: true });
  });

  it('normalizes CR LF and lone CR to LF', () => {
    expect(normalizePaste('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
  });
});
