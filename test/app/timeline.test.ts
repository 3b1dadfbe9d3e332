import { describe, expect, it } from 'vitest';
import { timelineRows } from '../../src/app/timeline.js';
import { buildBranchTree } from '../../src/core/branch-tree.js';
import { viewBranch } from '../../src/core/branch.js';
import { ChainBuilder, text } from '../core/factories.js';

function rowsOf(b: ChainBuilder) {
  const tree = b.tree();
  const view = viewBranch(tree.path());
  return timelineRows(view, buildBranchTree(tree, view), 'alpha');
}

const clock = (at: number): string => {
  const date = new Date(at);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
};

describe('timelineRows', () => {
  it('lists side branches under their fork point with ├─ / └─ and a summary, and starts on the head row', () => {
    const b = new ChainBuilder();
    b.user('one');
    const a1 = b.assistant(text('answer one'));
    b.user('two');
    b.assistant(text('answer two'));
    const head = b.head;
    b.edit('e1', 'one, reworded');
    b.from(head);
    const [, , rewoundTip] = [b.from(a1.id).user('three'), b.assistant(text('answer three')), b.head];
    b.from(a1.id);
    const { rows, headRow } = rowsOf(b);
    expect(rows.map((row) => row.text)).toEqual([
      '[0]      (start: rewind here empties the branch)',
      '[1.1]    you: one',
      '[1.2]    alpha: answer one',
      `         ├─ ⎇ 1: 1 turn, left by an edit of 1.1 ('one, reworded') ${clock(1_005)} — 'two' … 'answer two'`,
      `         └─ ⎇ 2: 1 turn, left by rewind ${clock(1_007)} — 'three' … 'answer three'`,
    ]);
    expect(headRow).toBe(2);
    expect(rows[4]?.target).toEqual({ kind: 'branch', number: 2, tip: rewoundTip });
    expect(rows[2]?.target).toEqual({ kind: 'entry', address: { turn: 1, k: 2 } });
  });

  it('a branch left at the start sits under row 0; a graft run names its source and turns', () => {
    const b = new ChainBuilder();
    b.user('one');
    b.assistant(text('answer one'));
    b.from(null);
    b.user('fresh');
    const answer = b.assistant(text('fresh answer'));
    b.marker(2, 3, 4);
    b.from(answer.id);
    const { rows, headRow } = rowsOf(b);
    expect(rows.map((row) => row.text)).toEqual([
      '[0]      (start: rewind here empties the branch)',
      `         └─ ⎇ 1: 1 turn, left by rewind ${clock(1_002)} — 'one' … 'answer one'`,
      '[1.1]    you: fresh',
      '[1.2]    alpha: fresh answer',
      `         └─ ⎇ 2: 0 entries, grafted 2..3 from other ${clock(1_005)}`,
    ]);
    expect(headRow).toBe(3);
  });
});
