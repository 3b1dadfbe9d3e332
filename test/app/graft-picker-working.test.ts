// B13: grafting into an agent at work is refused when the picker would open, not after a source,
// FROM and TO were picked.
import { afterEach, describe, expect, it } from 'vitest';
import { closeCockpits, cockpitFor, press } from './cockpit-kit.js';

afterEach(closeCockpits);

describe('graft picker on a working agent (B13)', () => {
  it('g on an agent at work says so at once and opens no picker; on an idle one it opens', async () => {
    const cockpit = await cockpitFor('approval');
    const { app } = cockpit;
    expect(app.controller.panes.focused()).toBe('alpha');
    await press(cockpit, 'g');
    expect(app.modes.top()).toBe('normal');
    expect(app.message?.text).toBe('graft-picker: alpha is working: interrupt it first (Esc)');
    await press(cockpit, '\t');
    expect(app.controller.panes.focused()).toBe('beta');
    await press(cockpit, 'g');
    expect(app.modes.top()).toBe('graft');
  });
});
