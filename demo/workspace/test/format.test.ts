import { describe, expect, it } from 'vitest';
import { formatDuration } from '../src/format.js';

describe('formatDuration', () => {
  it('uses the largest units first', () => {
    expect(formatDuration(5_400)).toBe('1h 30m');
    expect(formatDuration(694_861)).toBe('1w 1d 1h 1m 1s');
  });

  it('formats zero as 0s', () => {
    expect(formatDuration(0)).toBe('0s');
  });

  it('refuses negative durations', () => {
    expect(() => formatDuration(-1)).toThrow(RangeError);
  });
});
