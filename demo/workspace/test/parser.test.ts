import { describe, expect, it } from 'vitest';
import { DurationError, parseDuration } from '../src/parser.js';

describe('parseDuration', () => {
  it('parses a single unit', () => {
    expect(parseDuration('90s')).toBe(90);
    expect(parseDuration('2d')).toBe(172_800);
  });

  it('adds up several parts, with or without spaces', () => {
    expect(parseDuration('1h 30m')).toBe(5_400);
    expect(parseDuration('1h30m')).toBe(5_400);
  });

  it('ignores case and surrounding whitespace', () => {
    expect(parseDuration('  2H ')).toBe(7_200);
  });

  it('accepts decimal amounts', () => {
    expect(parseDuration('1.5h')).toBe(5_400);
  });

  it('rejects text that is not a duration', () => {
    expect(() => parseDuration('')).toThrow(DurationError);
    expect(() => parseDuration('soon')).toThrow(DurationError);
  });
});
