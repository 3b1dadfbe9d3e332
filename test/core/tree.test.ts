import { describe, expect, it } from 'vitest';
import { viewBranch } from '../../src/core/branch.js';
import type { Entry } from '../../src/core/entry.js';
import { SessionTree } from '../../src/core/tree.js';
import { ChainBuilder, expectErr, expectOk, text } from './factories.js';

const ids = (entries: readonly Entry[]) => entries.map((entry) => entry.id);

describe('SessionTree', () => {
  it('append moves the head and the path reads root to head', () => {
    const b = new ChainBuilder();
    const tree = new SessionTree();
    expect(tree.head).toBeNull();
    expect(tree.path()).toEqual([]);
    expectOk(tree.append(b.user('hi')));
    expectOk(tree.append(b.assistant(text('hello'))));
    expect(tree.head).toBe('e2');
    expect(ids(tree.path())).toEqual(['e1', 'e2']);
    expect(tree.get('e1')?.kind).toBe('user');
    expect(tree.has('e2')).toBe(true);
    expect(tree.has('nope')).toBe(false);
  });

  it('add rejects a duplicate id', () => {
    const b = new ChainBuilder();
    const tree = new SessionTree();
    const first = b.user('hi');
    expectOk(tree.add(first));
    expect(expectErr(tree.add(first))).toBe('entry e1 already exists');
  });

  it('add rejects an unknown parent and an edit of an unknown entry', () => {
    const b = new ChainBuilder();
    const tree = new SessionTree();
    const orphan = { ...b.user('hi'), parent: 'ghost' };
    expect(expectErr(tree.add(orphan))).toBe('entry e1 names an unknown parent ghost');
    const root = new ChainBuilder('r');
    const edit = root.edit('ghost', 'x');
    expect(expectErr(tree.add({ ...edit, parent: null }))).toBe(
      'edit r1 targets an unknown entry ghost',
    );
  });

  it('add does not move the head; append requires the head as parent', () => {
    const b = new ChainBuilder();
    const tree = new SessionTree();
    const u1 = b.user('one');
    expectOk(tree.add(u1));
    expect(tree.head).toBeNull();
    const a1 = b.assistant(text('a'));
    expect(expectErr(tree.append(a1))).toContain('must have the head');
    expectOk(tree.setHead('e1'));
    expectOk(tree.append(a1));
    expect(ids(tree.path())).toEqual(['e1', 'e2']);
  });

  it('setHead to an ancestor shortens the path, to a side branch re-walks only the new part', () => {
    const b = new ChainBuilder();
    b.user('one');
    b.assistant(text('a'));
    b.user('two');
    b.assistant(text('b'));
    b.from('e2').user('two bis');
    const tree = b.tree();
    expect(ids(tree.path())).toEqual(['e1', 'e2', 'e5']);
    expectOk(tree.setHead('e4'));
    expect(ids(tree.path())).toEqual(['e1', 'e2', 'e3', 'e4']);
    expectOk(tree.setHead('e1'));
    expect(ids(tree.path())).toEqual(['e1']);
    expect(tree.branchPosition('e1')).toBe(0);
    expect(tree.branchPosition('e3')).toBeUndefined();
    expectOk(tree.setHead(null));
    expect(tree.path()).toEqual([]);
    expect(tree.head).toBeNull();
    expect(expectErr(tree.setHead('ghost'))).toBe('cannot move the head to unknown entry ghost');
  });

  it('setHead moves between two roots', () => {
    const b = new ChainBuilder();
    b.user('one');
    b.from(null).user('other root');
    b.assistant(text('x'));
    const tree = b.tree();
    expect(ids(tree.path())).toEqual(['e2', 'e3']);
    expectOk(tree.setHead('e1'));
    expect(ids(tree.path())).toEqual(['e1']);
  });

  it('children lists roots for null and children in insertion order', () => {
    const b = new ChainBuilder();
    b.user('one');
    b.assistant(text('a'));
    b.from('e1').assistant(text('b'));
    b.from(null).user('root two');
    const tree = b.tree();
    expect(ids(tree.children(null))).toEqual(['e1', 'e4']);
    expect(ids(tree.children('e1'))).toEqual(['e2', 'e3']);
    expect(tree.children('e2')).toEqual([]);
    expect(tree.size).toBe(4);
  });

  it('path() is cached until the branch changes, and a returned path never changes later', () => {
    const b = new ChainBuilder();
    const tree = new SessionTree();
    expectOk(tree.append(b.user('one')));
    const first = tree.path();
    expect(tree.path()).toBe(first);
    expectOk(tree.append(b.assistant(text('a'))));
    expect(ids(first)).toEqual(['e1']);
    expect(ids(tree.path())).toEqual(['e1', 'e2']);
  });

  it('handles a 40,000-entry session: appends, path and view, and rewinds (timed in bench/transcript-bench.ts)', () => {
    const b = new ChainBuilder();
    for (let turn = 0; turn < 10_000; turn++) {
      b.user(`question ${turn}`);
      b.assistant(text('reading'), {
        type: 'tool_use',
        id: `t${turn}`,
        name: 'read_file',
        input: {},
      });
      b.result(`t${turn}`, 'file body');
      b.assistant(text(`answer ${turn}`));
    }
    // How long this takes is the bench's (bench/transcript-bench.ts); here, that it is right.
    const tree = new SessionTree();
    for (const entry of b.entries) expectOk(tree.append(entry));
    expect(tree.path()).toHaveLength(40_000);
    expect(viewBranch(tree.path()).turnCount).toBe(10_000);
    expectOk(tree.setHead('e20000'));
    expect(tree.path()).toHaveLength(20_000);
    expectOk(tree.setHead('e40000'));
    expect(tree.path()).toHaveLength(40_000);
  });
});
