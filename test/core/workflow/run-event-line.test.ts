// Headless stderr lines (DESIGN.md §9 Headless): every line starts with the run id; a call that
// failed before any agent started reads as failed, not as a null result.
import { describe, expect, it } from 'vitest';
import { runEventLine } from '../../../src/core/workflow/run-event-line.js';

const at = '2026-12-07T14:00:00.000Z';

describe('run event lines', () => {
  it('says "failed (no agent)" for a call that threw before an agent started', () => {
    const line = runEventLine('k', { kind: 'record', line: { type: 'failed', at, agent: null, key: 'x', reason: 'no endpoint "nope/m" in the providers file' } });
    expect(line).toBe('k: failed (no agent): no endpoint "nope/m" in the providers file');
  });

  it('says "null AGENT" for an agent whose call resolved to null', () => {
    const line = runEventLine('k', { kind: 'record', line: { type: 'failed', at, agent: 'reviewer-1', key: 'x', reason: "the run's budget of 300 output tokens is spent" } });
    expect(line).toBe("k: null reviewer-1: the run's budget of 300 output tokens is spent");
  });
});
