// Pending approvals of workflow agents ring the bell once per agent (DESIGN.md §9 Approvals).
import { describe, expect, it } from 'vitest';
import type { CallStateEvent } from '../../src/core/workflow/call-state.js';
import { WaitingBell } from '../../src/view/waiting-bell.js';

const approval = (agent: string, run = 'r1'): CallStateEvent => ({ type: 'call-state', run, agent, phase: null, state: { kind: 'waiting-on-you', reason: 'approval' } });

describe('WaitingBell', () => {
  it('rings on the first pending approval of each agent, never again for that agent, never for other waits', () => {
    let rings = 0;
    const bell = new WaitingBell(() => (rings += 1));
    bell.heard(approval('rev-1'));
    bell.heard({ type: 'call-state', run: 'r1', agent: 'rev-1', phase: null, state: { kind: 'working' } });
    bell.heard(approval('rev-1'));
    expect(rings).toBe(1);
    bell.heard(approval('rev-2'));
    bell.heard({ type: 'call-state', run: 'r1', agent: 'rev-3', phase: null, state: { kind: 'waiting-on-you', reason: 'interrupted' } });
    expect(rings).toBe(2);
  });
});
