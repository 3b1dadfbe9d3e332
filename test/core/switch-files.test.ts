// `switch BRANCH` moves files too: the branch left goes back to the fork point, the branch reached
// gets its latest versions; conflicts refuse as for rewind; undo reverses it through the undo point.
import { describe, expect, it } from 'vitest';
import { Controller } from '../../src/core/controller.js';
import { dispatch } from '../../src/core/dispatch.js';
import type { Entry, FileChange, FileVersion } from '../../src/core/entry.js';
import type { WorkspaceFiles } from '../../src/core/file-checkpoint.js';
import type { ModelProvider } from '../../src/core/provider.js';
import { ok, type Result } from '../../src/core/result.js';
import { entriesToTip, switchTargets } from '../../src/core/switch-files.js';
import type { ToolHost } from '../../src/core/tools.js';
import { ChainBuilder, expectErr, expectOk, expectSdk, text, toolUse } from './factories.js';
import { FakeCockpit } from './fake-cockpit.js';
import { MemorySessionStore } from './memory-store.js';
import { restoredFilesOf, type SessionState, type UndoPoint } from '../../src/core/session-state.js';

/** The newest undo point, which the test expects to exist. */
function lastPoint(session: SessionState): UndoPoint {
  const point = session.undoStack.at(-1);
  if (point === undefined) throw new Error('no undo point');
  return point;
}

const v = (name: string): FileVersion => ({ sha256: name, size: name.length });
const change = (path: string, before: string | null, after: string | null): FileChange => ({
  path,
  before: before === null ? null : v(before),
  after: after === null ? null : v(after),
});

function toolResult(id: string, parent: string | null, files: FileChange[], provenance: Entry['provenance'] = { kind: 'local' }): Entry {
  return { kind: 'tool-result', id, parent, at: 0, provenance, toolUseId: `t-${id}`, toolName: 'bash', content: '', isError: false, files };
}

/** Files in memory: path → version name (its "bytes"). */
class MemoryFiles implements WorkspaceFiles {
  readonly disk = new Map<string, string>();
  current(_cwd: string, path: string): Result<FileVersion | null> {
    const name = this.disk.get(path);
    return ok(name === undefined ? null : v(name));
  }
  restore(_cwd: string, path: string, version: FileVersion | null): Result<void> {
    if (version === null) this.disk.delete(path);
    else this.disk.set(path, version.sha256);
    return ok(undefined);
  }
  /** The workspace as sorted `path=version` strings. */
  state(): string[] {
    return [...this.disk].map(([path, name]) => `${path}=${name}`).sort();
  }
}

describe('switchTargets', () => {
  it("targets the leaving branch's earliest before, and the arriving branch's latest after expecting its first before", () => {
    const leaving = [toolResult('l1', null, [change('c', null, 'c1')]), toolResult('l2', 'l1', [change('c', 'c1', 'c2')])];
    const arriving = [toolResult('a1', null, [change('a', 'a1', 'a2'), change('b', null, 'b1')]), toolResult('a2', 'a1', [change('b', 'b1', 'b2')])];
    expect(switchTargets(leaving, arriving)).toEqual([
      { path: 'c', target: null, expected: v('c2') },
      { path: 'a', target: v('a2'), expected: v('a1') },
      { path: 'b', target: v('b2'), expected: null },
    ]);
  });

  it('a path both branches changed expects what the leaving branch left and targets what the arriving one left', () => {
    const leaving = [toolResult('l1', null, [change('a', 'a1', 'a3')])];
    const arriving = [toolResult('a1', null, [change('a', 'a1', 'a2')])];
    expect(switchTargets(leaving, arriving)).toEqual([{ path: 'a', target: v('a2'), expected: v('a3') }]);
  });

  it('a path both branches left at the same version needs nothing; grafted copies count for neither', () => {
    const leaving = [toolResult('l1', null, [change('a', 'a1', 'same')])];
    const arriving = [
      toolResult('a1', null, [change('a', 'a1', 'same')]),
      toolResult('a2', 'a1', [change('g', null, 'g1')], { kind: 'graft', sourceSession: 's', sourceEntry: 'x' }),
    ];
    expect(switchTargets(leaving, arriving)).toEqual([]);
  });
});

describe('entriesToTip', () => {
  it('lists the entries from just after the fork point to the tip, oldest first (null fork: from the root)', () => {
    const b = new ChainBuilder();
    const u1 = b.user('q1');
    const a1 = b.assistant(text('a1'));
    b.user('q2');
    const a2 = b.assistant(text('a2'));
    const tree = b.tree();
    expect(entriesToTip(tree, a2.id, a1.id).map((e) => e.id)).toEqual(b.entries.slice(2).map((e) => e.id));
    expect(entriesToTip(tree, a2.id, null).map((e) => e.id)).toEqual(b.entries.map((e) => e.id));
    expect(entriesToTip(tree, u1.id, null)).toEqual([u1]);
  });
});

const noModel: ModelProvider = { stream: () => Promise.reject(new Error('switching never calls the model')) };
const noTools: ToolHost = { specs: () => [], run: () => Promise.resolve({ content: 'none', isError: true }) };

/** A controller with in-memory files; `work` commits a turn whose tool call changes files on disk. */
function world() {
  const store = new MemorySessionStore();
  const files = new MemoryFiles();
  const controller = new Controller({ store, providerFor: () => noModel, tools: noTools, files });
  const agent = expectSdk(expectOk(controller.addAgent({ name: 'alpha', model: 'test-model', cwd: '/ws' })));
  const session = agent.session;
  if (session === undefined) throw new Error('no session');
  const b = new ChainBuilder();
  let calls = 0;
  const work = (prompt: string, writes: Record<string, string | null>): void => {
    const changes: FileChange[] = Object.entries(writes).map(([path, after]) => {
      const before = files.disk.get(path) ?? null;
      if (after === null) files.disk.delete(path);
      else files.disk.set(path, after);
      return change(path, before, after);
    });
    const id = `call-${++calls}`;
    expectOk(session.commit(b.from(session.tree.head).user(prompt)));
    expectOk(session.commit(b.from(session.tree.head).assistant(toolUse(id, 'bash', { command: 'x' }))));
    expectOk(session.commit({ ...b.from(session.tree.head).result(id, 'done', { toolName: 'bash' }), files: changes }));
    expectOk(session.commit(b.from(session.tree.head).assistant(text(`did ${prompt}`))));
  };
  const prompts = (): string[] => session.view().items.flatMap((item) => (item.kind === 'message' && item.entry.kind === 'user' ? [item.entry.text] : []));
  return { controller, files, session, work, prompts };
}

/** Turn 1 writes a=1; turn 2 writes a=2 and b; rewind 1; turn 2' writes c. Branch 1 is the old turn 2. */
function twoBranches() {
  const w = world();
  w.work('one', { a: '1' });
  w.work('two', { a: '2', b: 'b' });
  expect(expectOk(w.controller.history.rewind('alpha', { turn: 1 }))).toBe('rewound alpha to 1; restored 2 files (u undoes)');
  w.work('three', { c: 'c' });
  expect(w.files.state()).toEqual(['a=1', 'c=c']);
  return w;
}

describe('switch restores files', () => {
  it("switch puts back what the branch left changed and applies the branch reached; undo reverses both", async () => {
    const { controller, files, session, prompts } = twoBranches();
    expect(expectOk(controller.history.switchBranch('alpha', '1'))).toBe('switched alpha to branch 1 (now 2 turns; restored 3 files; u undoes)');
    expect(prompts()).toEqual(['one', 'two']);
    expect(files.state()).toEqual(['a=2', 'b=b']);
    expect(restoredFilesOf(lastPoint(session))).toEqual([change('c', 'c', null), change('a', '1', '2'), change('b', null, 'b')]);
    expect(expectOk(controller.history.undo('alpha'))).toBe("undid alpha's switch; restored 3 files");
    expect(prompts()).toEqual(['one', 'three']);
    expect(files.state()).toEqual(['a=1', 'c=c']);
    await controller.shutdown();
  });

  it('switching back and forth keeps each branch with its own files', async () => {
    const { controller, files } = twoBranches();
    expectOk(controller.history.switchBranch('alpha', '1'));
    expect(files.state()).toEqual(['a=2', 'b=b']);
    expect(expectOk(controller.history.switchBranch('alpha', '1'))).toContain('restored 3 files');
    expect(files.state()).toEqual(['a=1', 'c=c']);
    await controller.shutdown();
  });

  it('a file changed since by someone else refuses the switch with the list; --keep-changed leaves it, --overwrite restores it', async () => {
    const { controller, files, session, prompts } = twoBranches();
    files.disk.set('c', 'user');
    const head = session.tree.head;
    expect(expectErr(controller.history.switchBranch('alpha', '1'))).toBe(
      'alpha: 1 file changed since by someone else: c; nothing was done (--overwrite restores them too, --keep-changed leaves them)',
    );
    expect(session.tree.head).toBe(head);
    expect(files.state()).toEqual(['a=1', 'c=user']);
    expect(controller.history.fileConflicts('alpha', { op: 'switch', branch: '1' })).toEqual({ ok: true, value: ['c'] });

    expect(expectOk(controller.history.switchBranch('alpha', '1', { scope: 'both', conflicts: 'keep' }))).toBe(
      'switched alpha to branch 1 (now 2 turns; restored 2 files; kept 1 changed file: c; u undoes)',
    );
    expect(files.state()).toEqual(['a=2', 'b=b', 'c=user']);
    expectOk(controller.history.undo('alpha'));
    expect(prompts()).toEqual(['one', 'three']);
    expect(files.state()).toEqual(['a=1', 'c=user']);

    expectOk(controller.history.switchBranch('alpha', '1', { scope: 'both', conflicts: 'overwrite' }));
    expect(files.state()).toEqual(['a=2', 'b=b']);
    // Undo brings back what the switch replaced: the user's version.
    expectOk(controller.history.undo('alpha'));
    expect(files.state()).toEqual(['a=1', 'c=user']);
    await controller.shutdown();
  });

  it('--conversation-only leaves the files (undo too); --files-only leaves the head and undo puts the files back', async () => {
    const { controller, files, session, prompts } = twoBranches();
    expectOk(controller.history.switchBranch('alpha', '1', { scope: 'conversation', conflicts: 'refuse' }));
    expect(prompts()).toEqual(['one', 'two']);
    expect(files.state()).toEqual(['a=1', 'c=c']);
    expect(restoredFilesOf(lastPoint(session))).toBeUndefined();
    expectOk(controller.history.undo('alpha'));
    expect(files.state()).toEqual(['a=1', 'c=c']);

    expect(expectOk(controller.history.switchBranch('alpha', '1', { scope: 'files', conflicts: 'refuse' }))).toBe(
      "restored alpha's files to branch 1: restored 3 files (u undoes)",
    );
    expect(prompts()).toEqual(['one', 'three']);
    expect(files.state()).toEqual(['a=2', 'b=b']);
    expectOk(controller.history.undo('alpha'));
    expect(prompts()).toEqual(['one', 'three']);
    expect(files.state()).toEqual(['a=1', 'c=c']);
    await controller.shutdown();
  });

  it('a branch that changed no files switches without touching them (message unchanged)', async () => {
    const { controller, files, work } = world();
    work('one', { a: '1' });
    work('two', {});
    expectOk(controller.history.rewind('alpha', { turn: 1 }));
    expect(expectOk(controller.history.switchBranch('alpha', '1'))).toBe('switched alpha to branch 1 (now 2 turns; u undoes)');
    expect(files.state()).toEqual(['a=1']);
    await controller.shutdown();
  });
});

describe('switch command flags', () => {
  it('passes scope and conflict mode through, and rejects flags that exclude each other', () => {
    const api = new FakeCockpit();
    dispatch(api, 'switch 2');
    dispatch(api, 'switch -t beta --files-only --keep-changed 1');
    dispatch(api, 'switch --conversation-only abc123');
    dispatch(api, 'switch --overwrite 3');
    expect(api.calls).toEqual([
      { method: 'switchBranch', args: ['alpha', '2', { scope: 'both', conflicts: 'refuse' }] },
      { method: 'switchBranch', args: ['beta', '1', { scope: 'files', conflicts: 'keep' }] },
      { method: 'switchBranch', args: ['alpha', 'abc123', { scope: 'conversation', conflicts: 'refuse' }] },
      { method: 'switchBranch', args: ['alpha', '3', { scope: 'both', conflicts: 'overwrite' }] },
    ]);
    expect(dispatch(api, 'switch --overwrite --keep-changed 1')).toMatchObject({
      kind: 'error',
      message: 'switch: --overwrite and --keep-changed exclude each other',
    });
    expect(dispatch(api, 'switch --files-only --conversation-only 1')).toMatchObject({
      kind: 'error',
      message: 'switch: --conversation-only and --files-only exclude each other',
    });
  });
});
