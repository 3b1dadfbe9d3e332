// A send followed at once by a nudge (DESIGN.md §4, §9): the send opens the turn and the nudge
// joins that same turn, so a workflow call's prompt stays its first message and a text sent
// while it was queued is part of its first turn (workflow-agent-host.ts relies on this order).
import { afterEach, describe, expect, it } from 'vitest';
import { closeHarnesses, openHarness, userEntries } from './harness.js';

afterEach(closeHarnesses);

describe('a send then a nudge in the same tick', () => {
  it('the send opens the turn, the nudge joins it, and the turn ends once with the answer to both', async () => {
    const h = await openHarness([{ text: 'answer to the prompt' }, { text: 'answer to both' }], { agents: ['solo'] });
    const ended: string[] = [];
    h.controller.events.on((event) => {
      if (event.type === 'turn-finished' && event.agent === 'solo') ended.push(event.outcome);
    });
    expect(h.controller.delivery.send('solo', 'the prompt').outcome).toBe('delivered');
    expect(h.controller.delivery.nudge('solo', 'and mention Rome', { interrupt: false })).toMatchObject({ joined: 'joined-turn' });
    await h.settled('solo');
    expect(userEntries(h, 'solo')).toEqual(['the prompt:opens', 'and mention Rome:joins']);
    expect(ended).toHaveLength(1);
    expect(h.model.requests).toHaveLength(2);
  });
});
