import { describe, expect, it } from 'vitest';
import { viewBranch } from '../../src/core/branch.js';
import { Controller } from '../../src/core/controller.js';
import { dispatch } from '../../src/core/dispatch.js';
import type { ModelProvider } from '../../src/core/provider.js';
import { SessionState } from '../../src/core/session-state.js';
import type { ToolHost } from '../../src/core/tools.js';
import { ChainBuilder, expectErr, expectOk, expectSdk, text } from './factories.js';
import { MemorySessionStore } from './memory-store.js';

const noModel: ModelProvider = { stream: () => Promise.reject(new Error('switching never calls the model')) };
const noTools: ToolHost = { specs: () => [], run: () => Promise.resolve({ content: 'none', isError: true }) };

function world(turns: number) {
  const store = new MemorySessionStore();
  const controller = new Controller({ store, providerFor: () => noModel, tools: noTools });
  const agent = expectSdk(expectOk(controller.addAgent({ name: 'alpha', model: 'test-model', cwd: '.' })));
  const session = agent.session;
  if (session === undefined) throw new Error('no session');
  const b = new ChainBuilder();
  const say = (n: number): void => {
    expectOk(session.commit(b.from(session.tree.head).user(`q${n}`)));
    expectOk(session.commit(b.from(session.tree.head).assistant(text(`a${n}`))));
  };
  for (let turn = 1; turn <= turns; turn++) say(turn);
  /** What the active branch reads as, one text per message. */
  const reads = (): string[] =>
    session.view().items.flatMap((item) =>
      item.kind !== 'message' ? [] : [item.entry.kind === 'user' ? item.entry.text : item.entry.kind === 'assistant' ? item.entry.blocks.map((block) => (block.type === 'text' ? block.text : '')).join('') : ''],
    );
  return { store, controller, session, say, reads };
}

describe('switch BRANCH', () => {
  it('switch 1 after a rewind makes the rewound turns active again, recorded as an undoable switch', async () => {
    const { controller, session, say, reads } = world(2);
    expectOk(controller.history.rewind('alpha', { turn: 1 }));
    say(3);
    expect(reads()).toEqual(['q1', 'a1', 'q3', 'a3']);
    const message = expectOk(controller.history.switchBranch('alpha', '1'));
    expect(message).toBe('switched alpha to branch 1 (now 2 turns; u undoes)');
    expect(reads()).toEqual(['q1', 'a1', 'q2', 'a2']);
    expect(session.undoStack.at(-1)).toMatchObject({ op: 'switch' });
    // The branch just left is now branch 1; switching back and forth is symmetric.
    expectOk(controller.history.switchBranch('alpha', '1'));
    expect(reads()).toEqual(['q1', 'a1', 'q3', 'a3']);
    await controller.shutdown();
  });

  it('undo after a switch returns to the branch it left', async () => {
    const { controller, say, reads } = world(2);
    expectOk(controller.history.rewind('alpha', { turn: 1 }));
    say(3);
    expectOk(controller.history.switchBranch('alpha', '1'));
    expect(expectOk(controller.history.undo('alpha'))).toBe("undid alpha's switch");
    expect(reads()).toEqual(['q1', 'a1', 'q3', 'a3']);
    await controller.shutdown();
  });

  it('the journal records undo-point switch then head switch, and a replay keeps the switched head', async () => {
    const { store, controller, session, say } = world(2);
    expectOk(controller.history.rewind('alpha', { turn: 1 }));
    say(3);
    const before = session.tree.head;
    expectOk(controller.history.switchBranch('alpha', '1'));
    const tip = session.tree.head;
    const loaded = store.load(session.id);
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value.records.slice(-2)).toEqual([
      { t: 'undo-point', op: 'switch', before },
      { t: 'head', head: tip, reason: 'switch' },
    ]);
    const replayed = expectOk(SessionState.replay(loaded.value.header, loaded.value.records));
    expect(replayed.tree.head).toBe(tip);
    expect(replayed.view().turnCount).toBe(2);
    expect(replayed.undoStack.at(-1)?.op).toBe('switch');
    await controller.shutdown();
  });

  it('a branch reads with its own edits, not those of the branch it leaves', async () => {
    const { controller, session, say, reads } = world(2);
    // The edit of turn 1 sits at the tip of the branch holding turn 2 …
    expectOk(controller.history.edit('alpha', { turn: 1 }, 'q1 on the old branch'));
    // … and the rewind re-appends it on the kept part, where a later edit rewrites it again.
    expectOk(controller.history.rewind('alpha', { turn: 1 }));
    expectOk(controller.history.edit('alpha', { turn: 1 }, 'q1 on the new branch'));
    say(3);
    expect(reads()).toEqual(['q1 on the new branch', 'a1', 'q3', 'a3']);
    expectOk(controller.history.switchBranch('alpha', '1'));
    expect(reads()).toEqual(['q1 on the old branch', 'a1', 'q2', 'a2']);
    // The live view equals a fresh walk of the path.
    expect(session.view().items.map((item) => item.entry)).toEqual(viewBranch(session.tree.path()).items.map((item) => item.entry));
    expectOk(controller.history.undo('alpha'));
    expect(reads()).toEqual(['q1 on the new branch', 'a1', 'q3', 'a3']);
    await controller.shutdown();
  });

  it('switch by tip id, and the errors: no such branch, no branches', async () => {
    const { controller, session, reads } = world(2);
    expect(expectErr(controller.history.switchBranch('alpha', '1'))).toBe('alpha: there are no other branches');
    const tip = session.tree.head ?? '';
    expectOk(controller.history.rewind('alpha', { turn: 1 }));
    expect(expectErr(controller.history.switchBranch('alpha', '2'))).toBe('alpha: branch 2 does not exist (branches 1..1)');
    expectOk(controller.history.switchBranch('alpha', tip));
    expect(reads()).toEqual(['q1', 'a1', 'q2', 'a2']);
    await controller.shutdown();
  });

  it('the switch command parses -t and BRANCH and reaches the controller', async () => {
    const { controller, reads } = world(2);
    expectOk(controller.history.rewind('alpha', { turn: 1 }));
    expect(dispatch(controller, 'switch -t alpha 1')).toMatchObject({ kind: 'ok', message: 'switched alpha to branch 1 (now 2 turns; u undoes)' });
    expect(reads()).toEqual(['q1', 'a1', 'q2', 'a2']);
    expect(dispatch(controller, 'switch')).toMatchObject({ kind: 'error' });
    await controller.shutdown();
  });
});
