// `budget --all` caps what the whole store has spent: closing a pane does not reset it.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness, openHarness, closeHarnesses } from './harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('overall budget', () => {
  it('counts the turns of a closed agent, so the next turn elsewhere is over budget', async () => {
    const h = (harness = await startHarness([{ text: 'a1' }, { text: 'never' }], { agents: ['alpha', 'beta'] }));
    h.controller.delivery.send('alpha', 'one');
    await h.settled('alpha');
    expect(h.controller.panes.close('alpha').ok).toBe(true);
    await h.controller.closed();
    expect(h.controller.budgets.set({ kind: 'all' }, { turns: 1 }, false).ok).toBe(true);
    h.controller.delivery.send('beta', 'two');
    await h.settled('beta');
    expect(h.agent('beta').state).toBe('over-budget');
    expect(h.agent('beta').detail).toMatch(/^overall turns 1\/1/);
    expect(h.model.requests).toHaveLength(1);
  });
});

describe('budgets with a model that has no price', () => {
  it('an unpriced agent never switches the overall USD cap off: the priced spend still reaches it, and it says "+ ?"', async () => {
    const h = (harness = await startHarness([{ text: 'priced' }, { text: 'unpriced' }, { text: 'never' }], { agents: ['alpha', 'beta'] }));
    expect(h.controller.panes.newAgent('weird', { model: 'gpt-99' }).ok).toBe(true);
    h.controller.delivery.send('alpha', 'one');
    await h.settled('alpha');
    h.controller.delivery.send('weird', 'two');
    await h.settled('weird');
    expect(h.controller.budgets.storeTotals().unknownCosts).toBe(1);
    const set = h.controller.budgets.set({ kind: 'all' }, { usd: 0.000001 }, false);
    expect(set.ok && set.value).toContain('not counted');
    h.controller.delivery.send('beta', 'three');
    await h.settled('beta');
    expect(h.agent('beta').state).toBe('over-budget');
    expect(h.agent('beta').detail).toMatch(/^overall USD \d+\.\d{3} \+ \?\/0\.000001/);
    expect(h.model.requests).toHaveLength(2);
  });

  it('a token cap still holds an unpriced agent', async () => {
    const h = (harness = await startHarness([{ text: 'unpriced' }, { text: 'never' }], { agents: ['alpha'] }));
    expect(h.controller.panes.newAgent('weird', { model: 'gpt-99' }).ok).toBe(true);
    expect(h.controller.budgets.set({ kind: 'agent', agent: 'weird' }, { tokens: 1 }, false).ok).toBe(true);
    h.controller.delivery.send('weird', 'one');
    await h.settled('weird');
    h.controller.delivery.send('weird', 'two');
    await h.settled('weird');
    expect(h.agent('weird').state).toBe('over-budget');
    expect(h.model.requests).toHaveLength(1);
  });

  it('budget with no limits reports caps and spend, unknown costs as "+ ?"', async () => {
    const h = (harness = await startHarness([{ text: 'priced' }, { text: 'unpriced' }], { agents: ['alpha'] }));
    expect(h.controller.panes.newAgent('weird', { model: 'gpt-99' }).ok).toBe(true);
    h.controller.delivery.send('alpha', 'one');
    await h.settled('alpha');
    h.controller.delivery.send('weird', 'two');
    await h.settled('weird');
    h.controller.budgets.set({ kind: 'all' }, { usd: 2 }, false);
    const all = h.controller.budgets.report({ kind: 'all' });
    expect(all.ok && all.value).toMatch(/^overall: \$\d\.\d{3} \+ \? of \$2 · [\d,]+ tokens · 2 turns$/);
    const weird = h.controller.budgets.report({ kind: 'agent', agent: 'weird' });
    expect(weird.ok && weird.value).toMatch(/^weird: \? · [\d,]+ tokens · 1 turn \(no cap\) · overall: /);
  });

  it('clearing the overall cap releases the agents it held', async () => {
    const h = (harness = await startHarness([{ text: 'a1' }, { text: 'never' }], { agents: ['alpha', 'beta'] }));
    h.controller.delivery.send('alpha', 'one');
    await h.settled('alpha');
    h.controller.budgets.set({ kind: 'all' }, { turns: 1 }, false);
    h.controller.delivery.send('beta', 'two');
    await h.settled('beta');
    expect(h.agent('beta').state).toBe('over-budget');
    h.controller.budgets.set({ kind: 'all' }, {}, true);
    expect(h.agent('beta').state).toBe('paused');
  });
});

// Found by a review (formerly review-regressions.test.ts).
afterEach(closeHarnesses);

describe('budgets', () => {
  it('a USD budget pauses the agent before its next model call', async () => {
    const h = await openHarness([{ text: 'Reading.', toolUses: [{ name: 'list_files', input: {} }] }, { text: 'never requested' }]);
    expect(h.controller.budgets.set({ kind: 'agent', agent: 'alpha' }, { usd: 0.000001 }, false).ok).toBe(true);
    h.controller.delivery.send('alpha', 'go');
    await h.settled('alpha');
    expect(h.agent('alpha').state).toBe('over-budget');
    expect(h.agent('alpha').detail).toMatch(/^USD /);
    expect(h.model.requests).toHaveLength(1);
  });

  it('the overall budget stops every agent, and does not leak into another controller', async () => {
    const h = await openHarness([{ text: 'a1' }, { text: 'never requested' }], { agents: ['alpha', 'beta'] });
    expect(h.controller.budgets.set({ kind: 'all' }, { turns: 1 }, false).ok).toBe(true);
    h.controller.delivery.send('alpha', 'one');
    await h.settled('alpha');
    h.controller.delivery.send('beta', 'two');
    await h.settled('beta');
    expect(h.agent('beta').state).toBe('over-budget');
    expect(h.agent('beta').detail).toMatch(/^overall turns/);
    expect(h.model.requests).toHaveLength(1);

    const other = await openHarness([{ text: 'free' }, { text: 'free again' }]);
    for (const text of ['unbudgeted', 'still unbudgeted']) {
      other.controller.delivery.send('alpha', text);
      await other.settled('alpha');
    }
    expect(other.agent('alpha').state).toBe('idle');
    expect(other.model.requests).toHaveLength(2);
  });
});
