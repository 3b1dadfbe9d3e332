// The workflow host with the real SDK on the scripted model (DESIGN.md §9, "When a call
// resolves"): a rewind or an edit on a pending workflow agent leaves it waiting on you (its call
// unresolved), and the later work ending with nothing pending resolves it with what that work said.
import { afterEach, describe, expect, it } from 'vitest';
import type { Script } from '../../src/adapters/scripted-model/script.js';
import { until } from './harness.js';
import { startWorkflowKit, type WorkflowKit } from './workflow-kit.js';
import type { SdkAgent } from '../../src/core/agent.js';
import { expectSdk } from '../core/factories.js';

let kit: WorkflowKit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

/** The first request is held until `held` opens; every later one answers `final: LAST TEXT`. */
function heldFirst(held: Promise<void>): Script {
  let first = true;
  return (request) => {
    if (first) {
      first = false;
      return { text: 'a draft that goes on and on', hold: { afterDeltas: 1, until: held } };
    }
    const last = request.body.messages[request.body.messages.length - 1];
    const content = last === undefined ? '' : typeof last.content === 'string' ? last.content : last.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
    return { text: `final: ${content}` };
  };
}

/** The host's state for the agent named `name`, as JSON. */
function stateOf(name: string): string {
  return JSON.stringify(kit?.host.calls.find(name)?.state ?? null);
}

describe('steering a pending workflow agent', () => {
  it('after Esc and a rewind it waits on you (rewound); a later message resolves the call with its answer', async () => {
    let release = (): void => undefined;
    kit = await startWorkflowKit(heldFirst(new Promise<void>((resolve) => (release = resolve))));
    const { controller } = kit;
    const pending = kit.call('review it', { label: 'rev' });
    await kit.model.waitForDeltas(0, 1);
    expect(stateOf('rev')).toBe('{"kind":"working"}');
    expect(controller.interrupt('rev').ok).toBe(true);
    await until(() => stateOf('rev') === '{"kind":"waiting-on-you","reason":"interrupted"}', 'rev waiting after Esc');
    release();
    expect(controller.history.rewind('rev', { turn: 0 }).ok).toBe(true);
    expect(stateOf('rev')).toBe('{"kind":"waiting-on-you","reason":"rewound"}');
    controller.delivery.send('rev', 'start over');
    const { outcome } = await pending;
    expect(outcome).toEqual({ kind: 'value', value: 'final: start over' });
    expect(kit.host.calls.find('rev')).toBeUndefined();
  });

  it('after Esc and an edit it waits on you (edited); retry runs the edited turn and its answer is the value', async () => {
    let release = (): void => undefined;
    kit = await startWorkflowKit(heldFirst(new Promise<void>((resolve) => (release = resolve))));
    const { controller } = kit;
    const pending = kit.call('review it', { label: 'rev' });
    await kit.model.waitForDeltas(0, 1);
    expect(controller.interrupt('rev').ok).toBe(true);
    await until(() => stateOf('rev').includes('interrupted'), 'rev waiting after Esc');
    release();
    expect(controller.history.edit('rev', { turn: 1 }, 'review it in French').ok).toBe(true);
    expect(stateOf('rev')).toBe('{"kind":"waiting-on-you","reason":"edited"}');
    expect(controller.retry('rev').ok).toBe(true);
    const { outcome } = await pending;
    expect(outcome).toEqual({ kind: 'value', value: 'final: review it in French' });
  });

  it('skip while a message waits for the agent: the call is null and the waiting message never starts a turn', async () => {
    let release = (): void => undefined;
    kit = await startWorkflowKit(heldFirst(new Promise<void>((resolve) => (release = resolve))));
    const { controller } = kit;
    const pending = kit.call('review it', { label: 'rev' });
    await kit.model.waitForDeltas(0, 1);
    const rev = (): SdkAgent => expectSdk(controller.find('rev'));
    controller.delivery.send('rev', 'and then this');
    expect(rev().queue.length).toBe(1);
    const entry = kit.host.calls.find('rev');
    if (entry === undefined) throw new Error('no pending call rev');
    entry.steering.skip();
    release();
    const { outcome } = await pending;
    expect(outcome).toEqual({ kind: 'null', reason: 'skipped by the user' });
    await until(() => rev().phase.kind !== 'running', 'rev to stop');
    // Only the held first request ever reached the model; the queued send was dropped, journaled so.
    expect(kit.model.requests).toHaveLength(1);
    expect(rev().session.pending.size).toBe(0);
  });
});
