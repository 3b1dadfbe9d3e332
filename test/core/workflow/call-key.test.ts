// DESIGN.md §9 call keys: what goes into the hash and what does not, and `#k`.
import { describe, expect, it } from 'vitest';
import { CallKeys, callHash } from '../../../src/core/workflow/call-key.js';
import { canonicalJson } from '../../../src/core/workflow/canonical-json.js';

describe('call keys', () => {
  it('ignore label and phase, but not the other options', () => {
    const base = callHash([], 'p', { model: 'haiku' }, undefined);
    expect(callHash([], 'p', { model: 'haiku', label: 'x', phase: 'Find' }, undefined)).toBe(base);
    expect(callHash([], 'p', { model: 'sonnet' }, undefined)).not.toBe(base);
    expect(callHash([], 'p', { model: 'haiku', effort: 'low' }, undefined)).not.toBe(base);
    expect(callHash([], 'p', { model: 'haiku', isolation: 'worktree' }, undefined)).not.toBe(base);
  });

  it('depend on the path, the prompt and the args, not on the key order of a schema', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    const reordered = { properties: { a: { type: 'string' } }, type: 'object' };
    const base = callHash([{ kind: 'parallel', index: 0 }], 'p', { schema }, { n: 1 });
    expect(callHash([{ kind: 'parallel', index: 0 }], 'p', { schema: reordered }, { n: 1 })).toBe(base);
    expect(callHash([{ kind: 'parallel', index: 1 }], 'p', { schema }, { n: 1 })).not.toBe(base);
    expect(callHash([{ kind: 'pipeline', item: 0, stage: 0 }], 'p', { schema }, { n: 1 })).not.toBe(base);
    expect(callHash([{ kind: 'parallel', index: 0 }], 'q', { schema }, { n: 1 })).not.toBe(base);
    expect(callHash([{ kind: 'parallel', index: 0 }], 'p', { schema }, { n: 2 })).not.toBe(base);
    expect(callHash([{ kind: 'workflow', ref: 'inner' }, { kind: 'parallel', index: 0 }], 'p', { schema }, { n: 1 })).not.toBe(base);
  });

  it('count earlier calls with the same hash as #k', () => {
    const keys = new CallKeys();
    expect([keys.next('a'), keys.next('b'), keys.next('a'), keys.next('a')]).toEqual(['a#0', 'b#0', 'a#1', 'a#2']);
  });

  it('canonical JSON sorts keys at every depth', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
  });
});
