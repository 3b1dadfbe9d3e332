import { describe, expect, it, vi } from 'vitest';
import { Controller } from '../../src/core/controller.js';
import type { ModelProvider } from '../../src/core/provider.js';
import type { ToolHost } from '../../src/core/tools.js';
import { ChainBuilder, expectOk, expectSdk, text } from './factories.js';
import { MemorySessionStore } from './memory-store.js';

const noModel: ModelProvider = { stream: () => Promise.reject(new Error('history operations never call the model')) };
const noTools: ToolHost = { specs: () => [], run: () => Promise.resolve({ content: 'none', isError: true }) };

function controllerWithTurns(turns: number) {
  const controller = new Controller({ store: new MemorySessionStore(), providerFor: () => noModel, tools: noTools });
  const agent = expectSdk(expectOk(controller.addAgent({ name: 'alpha', model: 'test-model', cwd: '.' })));
  const session = agent.session;
  if (session === undefined) throw new Error('no session');
  const b = new ChainBuilder();
  for (let turn = 1; turn <= turns; turn++) {
    expectOk(session.commit(b.from(session.tree.head).user(`question ${turn}`)));
    expectOk(session.commit(b.from(session.tree.head).assistant(text(`answer ${turn}`))));
  }
  return { controller, session };
}

describe('history operations on a long session', () => {
  it('edit and entryText read the live view, never the whole path', async () => {
    const { controller, session } = controllerWithTurns(2000);
    session.view();
    const paths = vi.spyOn(session.tree, 'path');
    expect(expectOk(controller.history.entryText('alpha', { turn: 1 }))).toBe('question 1');
    expectOk(controller.history.edit('alpha', { turn: 1 }, 'reworded'));
    expectOk(controller.history.edit('alpha', { turn: 1000, k: 2 }, 'new answer'));
    expect(expectOk(controller.history.entryText('alpha', { turn: 1 }))).toBe('reworded');
    expect(expectOk(controller.history.entryText('alpha', { turn: 1000, k: 2 }))).toBe('new answer');
    expect(paths).not.toHaveBeenCalled();
    await controller.shutdown();
  });

  it('rewind and undo keep the live view equal to the branch they leave', async () => {
    const { controller, session } = controllerWithTurns(300);
    expectOk(controller.history.edit('alpha', { turn: 2 }, 'second, reworded'));
    expectOk(controller.history.edit('alpha', { turn: 250 }, 'late edit'));
    expectOk(controller.history.rewind('alpha', { turn: 100 }));
    expect(session.view().turnCount).toBe(100);
    // The edit of turn 2 survives the rewind (re-appended); the one of turn 250 is off the branch.
    expect(expectOk(controller.history.entryText('alpha', { turn: 2 }))).toBe('second, reworded');
    expectOk(controller.history.undo('alpha'));
    expect(session.view().turnCount).toBe(300);
    expect(expectOk(controller.history.entryText('alpha', { turn: 250 }))).toBe('late edit');
    await controller.shutdown();
  });
});
