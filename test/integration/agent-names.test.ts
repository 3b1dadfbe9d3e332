// controller.find answers from a name index (core/agent-names.ts) kept by AgentAdmin: after
// new, rename (a freed name taken again) and close it must find exactly what a scan of the
// pane list would. Each step fails if the index misses that change.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/dispatch.js';
import { startHarness, type Harness } from './harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** What a scan of the pane list finds: the index must agree for every name asked. */
function expectIndexAgrees(h: Harness, names: readonly string[]): void {
  for (const name of names) {
    const scanned = h.controller.allAgents().find((agent) => agent.name === name);
    expect(h.controller.find(name), name).toBe(scanned);
  }
}

describe('finding agents by name (the index)', () => {
  it('follows new, rename, a freed name taken again, and close', async () => {
    const h = (harness = await startHarness([], { agents: ['alpha', 'beta'] }));
    const asked = ['alpha', 'beta', 'gamma', 'delta', 'omega'];
    expect(dispatch(h.controller, 'new gamma').kind).toBe('ok');
    expect(h.controller.find('gamma')?.name).toBe('gamma');
    expectIndexAgrees(h, asked);

    const beta = h.controller.find('beta');
    expect(dispatch(h.controller, 'rename -t beta delta').kind).toBe('ok');
    expect(h.controller.find('beta')).toBeUndefined();
    expect(h.controller.find('delta')).toBe(beta);
    expectIndexAgrees(h, asked);

    const gamma = h.controller.find('gamma');
    expect(dispatch(h.controller, 'rename -t gamma beta').kind).toBe('ok');
    expect(h.controller.find('beta')).toBe(gamma);
    expect(h.controller.find('gamma')).toBeUndefined();
    expectIndexAgrees(h, asked);

    expect(dispatch(h.controller, 'close -t delta').kind).toBe('ok');
    expect(h.controller.find('delta')).toBeUndefined();
    expectIndexAgrees(h, asked);
    await h.controller.closed();
    expect(dispatch(h.controller, 'new delta').kind).toBe('ok');
    expect(h.controller.find('delta')).not.toBe(beta);
    expect(h.controller.find('delta')?.name).toBe('delta');
    expectIndexAgrees(h, asked);
  });
});
