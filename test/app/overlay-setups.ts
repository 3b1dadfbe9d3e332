// How the every-key walk opens each overlay mode in a fresh cockpit, through the same commands
// a person's keys run: two agents with turns to show, then the overlay, its selection moved off
// the last row so that every movement key has somewhere to go.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rewindAsking } from '../../src/app/file-conflict-flow.js';
import type { ModeName } from '../../src/core/key-table.js';
import { until } from '../integration/harness.js';
import { cockpitFor, press, settle, writeStep, type Cockpit } from './cockpit-kit.js';
import { loopRunning } from '../core/factories.js';

const TALK = [
  { text: 'First answer from the model, line one.\nAnd a second line of the answer.' },
  { text: 'Beta has an answer too.' },
  { text: 'Second answer to alpha.' },
];

/** Waits until no agent of the cockpit is working (or each waits on a person's approval). */
export async function quiet(cockpit: Cockpit): Promise<void> {
  const still = (state: string, running: boolean): boolean => !running || state === 'awaiting-approval';
  await until(() => cockpit.h.controller.allAgents().every((agent) => still(agent.state, loopRunning(agent))), 'every agent idle', 20_000);
  await settle(cockpit);
}

/** alpha with two turns, beta with one. */
async function withTurns(): Promise<Cockpit> {
  const cockpit = await cockpitFor('normal', { steps: TALK });
  const { controller } = cockpit.h;
  for (const [agent, text] of [['alpha', 'hello'], ['beta', 'hi'], ['alpha', 'again']] as const) {
    controller.delivery.send(agent, text);
    await quiet(cockpit);
  }
  return cockpit;
}

/** Types `text` key by key. */
async function type(cockpit: Cockpit, text: string): Promise<void> {
  for (const ch of text) await press(cockpit, ch);
}

/** Runs `line` as a key would and lets the screen settle. */
async function run(cockpit: Cockpit, line: string): Promise<void> {
  cockpit.app.run(line);
  await settle(cockpit);
}

/** A fresh cockpit with `mode` open on top, ready for its keys. */
export const OVERLAY_SETUPS: Partial<Record<ModeName, () => Promise<Cockpit>>> = {
  async timeline() {
    const cockpit = await withTurns();
    await run(cockpit, 'timeline');
    await run(cockpit, 'timeline-move -2');
    return cockpit;
  },
  async 'timeline-edit'() {
    const cockpit = await withTurns();
    await run(cockpit, 'timeline --edit');
    await run(cockpit, 'timeline-move -2');
    return cockpit;
  },
  async 'file-conflicts'() {
    const cockpit = await cockpitFor('normal', { steps: [writeStep, { text: 'done' }], checkpoints: true, allow: ['write_file'] });
    cockpit.h.controller.delivery.send('alpha', 'write it');
    await quiet(cockpit);
    writeFileSync(join(cockpit.h.workspace, 'new.txt'), 'changed by someone else\n');
    cockpit.app.apply(rewindAsking(cockpit.app, 'alpha', { turn: 0 }));
    await settle(cockpit);
    return cockpit;
  },
  async confirm() {
    const cockpit = await cockpitFor('approval');
    await run(cockpit, 'quit');
    return cockpit;
  },
  async receipts() {
    const cockpit = await cockpitFor('normal', { steps: [{ text: 'heard you, alpha' }, { text: 'heard you, beta' }] });
    await run(cockpit, 'compose --broadcast');
    await type(cockpit, 'stop');
    await press(cockpit, '\r');
    await quiet(cockpit);
    return cockpit;
  },
  async pager() {
    const cockpit = await cockpitFor('normal');
    await run(cockpit, 'help');
    await run(cockpit, 'pager-move 3');
    return cockpit;
  },
  async copy() {
    const cockpit = await withTurns();
    await run(cockpit, 'copy-mode');
    await run(cockpit, 'copy-mode-move -2');
    return cockpit;
  },
  async search() {
    const cockpit = await withTurns();
    await run(cockpit, 'search');
    await type(cockpit, 'answer');
    await press(cockpit, '\r');
    return cockpit;
  },
  async graft() {
    const cockpit = await withTurns();
    await run(cockpit, 'graft-picker');
    // The range step, away from its first row, a range chosen so that the preview shows.
    await run(cockpit, 'graft-picker-do enter');
    await run(cockpit, 'graft-picker-move 1');
    return cockpit;
  },
  async sessions() {
    const cockpit = await withTurns();
    await run(cockpit, 'session-browser');
    await run(cockpit, 'session-browser-move 1');
    return cockpit;
  },
};
