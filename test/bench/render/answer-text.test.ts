import { describe, expect, it } from 'vitest';
import { answerText } from '../../../bench/render/answer-text.js';

describe('bench answer text', () => {
  it('holds 4 characters per requested token, in lines of 40 to 70 characters', () => {
    const text = answerText(5000);
    expect(text.length).toBe(20_000);
    const lines = text.split('\n');
    expect(lines.length).toBeGreaterThan(250);
    for (const line of lines.slice(0, -1)) {
      expect(line.length).toBeGreaterThanOrEqual(40);
      expect(line.length).toBeLessThanOrEqual(80);
    }
  });
});
