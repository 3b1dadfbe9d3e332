// The mode stack: normal at the bottom, the top names the status bar's mode; each mode leaves
// exactly once, wherever it sits (an overlay closed under another must not pop the top one).
import { describe, expect, it } from 'vitest';
import { ModeStack } from '../../src/app/mode-stack.js';
import { hintsOf, MODES } from '../../src/core/key-table.js';

describe('the mode stack', () => {
  it('is normal when empty, and the top mode otherwise', () => {
    let changes = 0;
    const stack = new ModeStack(() => changes++);
    expect(stack.top()).toBe('normal');
    const leaveCopy = stack.enter('copy');
    const leaveSearch = stack.enter('search-input');
    expect(stack.names()).toEqual(['normal', 'copy', 'search-input']);
    leaveSearch();
    expect(stack.top()).toBe('copy');
    leaveCopy();
    expect(stack.top()).toBe('normal');
    expect(changes).toBe(4);
  });

  it('removes the entry a leave belongs to, not the top, and a second leave does nothing', () => {
    const stack = new ModeStack(() => undefined);
    const leaveSessions = stack.enter('sessions');
    stack.enter('confirm');
    leaveSessions();
    leaveSessions();
    expect(stack.names()).toEqual(['normal', 'confirm']);
  });

  it('every mode has hints generated from its rows', () => {
    for (const mode of MODES) expect(hintsOf(mode.name).length, mode.name).toBeGreaterThan(0);
    expect(hintsOf('normal')).toContain('? help');
  });
});
