// `budget --all` caps what the whole store has spent: closing a pane does not reset it.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('overall budget', () => {
  it('counts the turns of a closed agent, so the next turn elsewhere is over budget', async () => {
    const h = (harness = await startHarness([{ text: 'a1' }, { text: 'never' }], { agents: ['alpha', 'beta'] }));
    h.controller.send('alpha', 'one');
    await h.settled('alpha');
    expect(h.controller.closeAgent('alpha').ok).toBe(true);
    await h.controller.closed();
    expect(h.controller.setBudget({ kind: 'all' }, { turns: 1 }).ok).toBe(true);
    h.controller.send('beta', 'two');
    await h.settled('beta');
    expect(h.agent('beta').state).toBe('over-budget');
    expect(h.agent('beta').detail).toMatch(/^overall turns 1\/1/);
    expect(h.model.requests).toHaveLength(1);
  });
});
