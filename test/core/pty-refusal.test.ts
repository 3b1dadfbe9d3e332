// The refusal's words, shared by core's commands and the app's (src/app/commands/pty-guard.ts).
import { describe, expect, it } from 'vitest';
import { ptyDoesNotApply } from '../../src/core/pty-refusal.js';

describe('PTY refusals', () => {
  it('words a refusal as "NAME is a PTY agent: X does not apply"', () => {
    expect(ptyDoesNotApply('shell', 'rewind')).toBe('shell is a PTY agent: rewind does not apply');
  });
});
