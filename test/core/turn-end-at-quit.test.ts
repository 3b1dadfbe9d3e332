// A turn cut short by a quit keeps its deliveries (DESIGN.md §5 turn-finished): at shutdown every
// open turn, running or paused, reports `interrupted` once, and a controller started again on the
// same store continues the turn on `retry` with the ids of the messages it answers.
import { describe, expect, it } from 'vitest';
import type { AgentConfig } from '../../src/core/agent.js';
import type { DeliveryReceipt } from '../../src/core/cockpit-api.js';
import { Controller } from '../../src/core/controller.js';
import type { ModelProvider } from '../../src/core/provider.js';
import type { ToolHost } from '../../src/core/tools.js';
import type { TurnFinished } from '../../src/core/turn-ledger.js';
import { expectOk, expectSdk, idSource, loopRunning, text, toolUse } from './factories.js';
import { gate, GatedProvider } from './gated-provider.js';
import { MemorySessionStore } from './memory-store.js';

const tools: ToolHost = {
  specs: () => [{ name: 'read_file', description: 'read', inputSchema: { type: 'object' }, effect: 'read' }],
  run: (call) => Promise.resolve({ content: `ran ${call.name}`, isError: false }),
};
const config: AgentConfig = { name: 'alpha', model: 'test-model', cwd: '.' };

function cockpit(store: MemorySessionStore, provider: ModelProvider, prefix: string) {
  const controller = new Controller({ store, providerFor: () => provider, tools, newDeliveryId: idSource(prefix), retryDelaysMs: [] });
  const finished: TurnFinished[] = [];
  controller.events.on((event) => {
    if (event.type === 'turn-finished') finished.push(event);
  });
  const agent = expectSdk(expectOk(controller.addAgent(config)));
  return { controller, finished, agent };
}

function idOf(receipt: DeliveryReceipt): string {
  if (receipt.outcome === 'refused') throw new Error(`refused: ${receipt.detail}`);
  return receipt.id;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('a turn cut short by a quit', () => {
  it('reports interrupted at shutdown, and after a restart retry reports the same delivery and its nudge', async () => {
    const store = new MemorySessionStore();
    const toolRound = gate();
    const provider = new GatedProvider([{ blocks: [toolUse('r1')], held: toolRound.held }, { blocks: [text('never')], held: gate().held }]);
    const first = cockpit(store, provider, 'm');
    const sent = idOf(first.controller.delivery.send('alpha', 'work'));
    await until(() => provider.started === 1, 'the first model call');
    // Joins the turn at its next safe point, after the tool round.
    const nudged = idOf(first.controller.delivery.nudge('alpha', 'and this', { interrupt: false }));
    toolRound.open();
    await until(() => provider.started === 2, 'the second model call, the nudge committed');
    await first.controller.shutdown();
    expect(first.finished.map((event) => [event.outcome, event.deliveries])).toEqual([['interrupted', [sent, nudged]]]);

    const second = cockpit(store, new GatedProvider([{ blocks: [text('done now')] }]), 'n');
    expectOk(second.controller.retry('alpha'));
    await until(() => second.finished.length === 1, 'the retried turn to end');
    expect(second.finished[0]).toMatchObject({ outcome: 'answered', turn: 1, text: 'done now', deliveries: [sent, nudged] });
    await second.controller.shutdown();
  });

  it('a turn held by a pause reports interrupted at shutdown, once', async () => {
    const hold = gate();
    const provider = new GatedProvider([{ blocks: [toolUse('r1')], held: hold.held }, { blocks: [text('done')] }]);
    const { controller, finished, agent } = cockpit(new MemorySessionStore(), provider, 'm');
    const sent = idOf(controller.delivery.send('alpha', 'go'));
    await until(() => provider.started === 1, 'the stream');
    expectOk(controller.pause('alpha'));
    hold.open();
    await until(() => !loopRunning(agent) && agent.phase.kind === 'paused', 'the pause at the safe point');
    expect(finished).toEqual([]);
    await controller.shutdown();
    await controller.shutdown();
    expect(finished).toMatchObject([{ outcome: 'interrupted', deliveries: [sent] }]);
  });
});
