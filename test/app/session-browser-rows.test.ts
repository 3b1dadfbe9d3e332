// The session browser's numbers read like the pane titles' (B10): one token unit rule, 3 decimals.
import { describe, expect, it } from 'vitest';
import { sessionRows } from '../../src/app/session-browser-rows.js';
import type { SessionSummary } from '../../src/core/store.js';

const summary: SessionSummary = {
  id: 'a1',
  name: 'alpha',
  model: 'claude-sonnet-4-6',
  created: 0,
  updated: 1_000,
  turns: 3,
  inputTokens: 44_000,
  outputTokens: 2_714,
  costUsd: 0.1721,
  unknownCosts: 0,
  budget: {},
};

describe('session browser rows', () => {
  it('tokens use the titles\' units on both sides (44k/2.7k, not 44k/2714) and cost has 3 decimals', () => {
    const [row] = sessionRows([summary], new Set(), 2_000);
    expect(row?.text).toMatch(/ 44k\/2\.7k +\$0\.172 +just now$/);
  });
});
