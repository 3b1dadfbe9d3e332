// The run view's keys on a call queued for a slot (issue 14; DESIGN.md §9 "a `send` to a queued
// agent joins its first turn"): `t` opens the prompt with `send -t AGENT`, `e` opens the call's
// prompt in the editor (the in-app text area here: no $VISUAL/$EDITOR), `r` renames it — and the
// row follows the new name.
import { afterEach, describe, expect, it } from 'vitest';
import { QueuedCall } from '../../src/app/workflow/queued-call.js';
import { err } from '../../src/core/result.js';
import { CallStates } from '../../src/core/workflow/call-state.js';
import { closeCockpits, cockpitFor, press, type Cockpit } from './cockpit-kit.js';

afterEach(closeCockpits);

/** Gives the kit's cockpit a queued call `gamma` in run r1's Review phase; returns its steering. */
function queueGamma(cockpit: Cockpit): QueuedCall {
  const { controller } = cockpit.h;
  const calls = new CallStates((event) => controller.events.emit(event));
  controller.workflows = { start: () => err('unused'), stop: () => err('unused'), continue: () => err('unused'), live: () => [], find: (ref) => err(`${ref}: unused`), calls };
  const queue = new QueuedCall(() => calls.all()[0]?.agent ?? 'gamma', 'review gamma.ts');
  calls.add('r1', 'Review', 'gamma', queue.steering);
  return queue;
}

/** Presses `G` (the last row: the queued call). */
async function selectQueued(cockpit: Cockpit): Promise<void> {
  await press(cockpit, 'G');
  expect(cockpit.t.tty.text()).toMatch(/gamma \(queued\)/u);
}

async function type(cockpit: Cockpit, text: string): Promise<void> {
  for (const char of text) await press(cockpit, char);
}

describe('run view keys on a queued call', () => {
  it('t opens the prompt with send -t AGENT; Enter keeps the message for its first turn', async () => {
    const cockpit = await cockpitFor('runs');
    const queue = queueGamma(cockpit);
    await selectQueued(cockpit);
    await press(cockpit, 't');
    expect(cockpit.t.tty.text()).toContain(':send -t gamma ');
    await type(cockpit, 'be brief');
    await press(cockpit, '\r');
    expect(queue.texts()).toEqual(['be brief']);
  });

  it('e opens its prompt in the editor; saved, the call starts with the edited prompt', async () => {
    const cockpit = await cockpitFor('runs');
    const queue = queueGamma(cockpit);
    await selectQueued(cockpit);
    await press(cockpit, 'e');
    expect(cockpit.t.tty.text()).toContain("gamma's prompt (queued: it starts when you close this)");
    await type(cockpit, ' only');
    await press(cockpit, '\x13');
    expect(queue.prompt).toBe('review gamma.ts only');
    expect(cockpit.t.tty.text()).toMatch(/gamma will start with the new prompt/u);
  });

  it('r opens the prompt with rename -t AGENT; the queued row then shows the new name', async () => {
    const cockpit = await cockpitFor('runs');
    queueGamma(cockpit);
    await selectQueued(cockpit);
    await press(cockpit, 'r');
    await type(cockpit, 'lead');
    await press(cockpit, '\r');
    expect(cockpit.h.controller.workflows?.calls.find('lead')).toBeDefined();
    expect(cockpit.app.runView?.board.tree('r1')?.queuedIn('review').map((call) => call.name)).toEqual(['lead']);
  });
});
