import { describe, expect, it } from 'vitest';
import { freeRestoredName } from '../../src/core/restored-name.js';

describe('the name a restored session comes back under', () => {
  it('is NAME-restored, then NAME-restored2, 3… while those are taken', () => {
    expect(freeRestoredName('zed', () => false)).toBe('zed-restored');
    const taken = new Set(['zed-restored', 'zed-restored2']);
    expect(freeRestoredName('zed', (name) => taken.has(name))).toBe('zed-restored3');
  });
});
