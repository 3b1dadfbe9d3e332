// B19: an action on a timeline's graft marker row is refused naming that action, not always
// "rewound to or edited".
import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../integration/harness.js';
import { closeCockpits, cockpitFor, press } from './cockpit-kit.js';

afterEach(closeCockpits);

describe('timeline actions on a graft marker (B19)', () => {
  it('y and f on the marker row say what cannot be done there; r still says rewound', async () => {
    const cockpit = await cockpitFor('normal', { steps: [{ text: 'alpha answer' }] });
    const { app, h, t } = cockpit;
    h.controller.delivery.send('alpha', 'hi');
    await until(() => h.agent('alpha').state === 'idle' && h.agent('alpha').session.totals.outputTokens > 0, 'alpha answered');
    expect(h.controller.history.graft('beta', 'alpha', { from: 1, to: 1 }).ok).toBe(true);
    await press(cockpit, '\t');
    expect(app.controller.panes.focused()).toBe('beta');
    for (const [key, said] of [
      ['y', 'pick an entry (a graft marker cannot be copied from)'],
      ['f', 'pick an entry (a graft marker cannot be forked from)'],
      ['r', 'pick an entry (a graft marker cannot be rewound to)'],
    ] as const) {
      await press(cockpit, 'r');
      expect(app.modes.top()).toBe('timeline');
      // The marker is the row above the grafted entries: move up until it is selected.
      for (let step = 0; step < 10 && !selectedRow(t.tty.text()).includes('⎇ grafted turns'); step++) await press(cockpit, 'k');
      expect(selectedRow(t.tty.text())).toContain('⎇ grafted turns');
      await press(cockpit, key);
      expect(app.message?.text).toBe(said);
      if (app.modes.top() !== 'normal') await press(cockpit, '\x1b');
    }
  });
});

/** The timeline's selected row: the one the picker draws with `▶ ` just inside its border. */
function selectedRow(screen: string): string {
  return screen.split('\n').find((line) => line.includes('│▶ ')) ?? '';
}
