import { describe, expect, it } from 'vitest';
import { buildBranchTree, findBranch, type BranchTree } from '../../src/core/branch-tree.js';
import { viewBranch } from '../../src/core/branch.js';
import { SessionTree } from '../../src/core/tree.js';
import { ChainBuilder, expectErr, expectOk, text, toolUse } from './factories.js';

function branchesOf(b: ChainBuilder): BranchTree {
  const tree = b.tree();
  return buildBranchTree(tree, viewBranch(tree.path()));
}

/** Turns 1..n as user `q{n}` / assistant `a{n}`; returns the assistant ids by turn (index 0 = turn 1). */
function turns(b: ChainBuilder, from: number, to: number): string[] {
  const answers: string[] = [];
  for (let n = from; n <= to; n++) {
    b.user(`q${n}`);
    answers.push(b.assistant(text(`a${n}`)).id);
  }
  return answers;
}

describe('buildBranchTree', () => {
  it('a session without side branches lists none', () => {
    const b = new ChainBuilder();
    turns(b, 1, 3);
    const tree = branchesOf(b);
    expect(tree.branches).toEqual([]);
    expect(tree.activeTurns).toBe(3);
    expect(tree.head).toBe(b.head);
  });

  it('a rewind leaves the later turns as a branch forking at the last kept entry, with its summary', () => {
    const b = new ChainBuilder();
    const [a1] = turns(b, 1, 3);
    const tip = b.head;
    b.from(a1 ?? null);
    const [branch, ...rest] = branchesOf(b).branches;
    expect(rest).toEqual([]);
    expect(branch).toMatchObject({
      number: 1,
      tip,
      forkPoint: a1,
      forkIndex: 1,
      forkAddress: { turn: 1, k: 2 },
      firstTurn: 2,
      turns: 2,
      entries: 4,
      firstUser: 'q2',
      lastAssistant: 'a3',
      at: 1_006,
      origin: { kind: 'rewind' },
      depth: 0,
      splitsFrom: undefined,
    });
  });

  it('a branch left after a new turn on the rewound branch still forks where the rewind went', () => {
    const b = new ChainBuilder();
    const [a1] = turns(b, 1, 2);
    b.from(a1 ?? null);
    turns(b, 3, 3);
    const { branches, activeTurns } = branchesOf(b);
    expect(activeTurns).toBe(2);
    expect(branches.map((branch) => [branch.forkAddress, branch.firstUser, branch.lastAssistant])).toEqual([
      [{ turn: 1, k: 2 }, 'q2', 'a2'],
    ]);
  });

  it('rewind 0 leaves a branch that forks at the start (turn 0)', () => {
    const b = new ChainBuilder();
    turns(b, 1, 1);
    b.from(null);
    turns(b, 2, 2);
    const [branch] = branchesOf(b).branches;
    expect(branch).toMatchObject({ forkPoint: null, forkIndex: -1, forkAddress: { turn: 0 }, firstTurn: 1, firstUser: 'q1' });
  });

  it('an undone edit is a branch made by the edit, naming the entry it rewrote and the new text', () => {
    const b = new ChainBuilder();
    turns(b, 1, 2);
    const head = b.head;
    const edit = b.edit('e1', 'q1 reworded');
    b.from(head);
    const [branch] = branchesOf(b).branches;
    expect(branch).toMatchObject({
      tip: edit.id,
      forkAddress: { turn: 2, k: 2 },
      turns: 0,
      entries: 0,
      firstUser: undefined,
      origin: { kind: 'edit', target: 'e1', targetAddress: { turn: 1, k: 1 }, text: 'q1 reworded' },
    });
  });

  it('a side branch reads with its own edits applied', () => {
    const b = new ChainBuilder();
    const [a1] = turns(b, 1, 1);
    b.user('q2');
    const answer = b.assistant(text('a2'));
    b.edit(answer.id, 'a2 fixed');
    b.from(a1 ?? null);
    const [branch] = branchesOf(b).branches;
    expect(branch?.lastAssistant).toBe('a2 fixed');
    expect(branch?.origin).toMatchObject({ kind: 'edit', target: answer.id, targetAddress: undefined });
  });

  it('an undone graft is a branch naming its source and turns', () => {
    const b = new ChainBuilder();
    const [a1] = turns(b, 1, 1);
    b.marker(2, 4, 6);
    b.user('grafted question', { provenance: { kind: 'graft', sourceSession: 's0', sourceEntry: 'x', sourceName: 'beta' } });
    b.graftedAssistant(text('grafted answer'));
    b.from(a1 ?? null);
    const [branch] = branchesOf(b).branches;
    expect(branch).toMatchObject({
      origin: { kind: 'graft', sourceName: 'other', fromTurn: 2, toTurn: 4 },
      turns: 1,
      entries: 2,
      firstUser: 'grafted question',
      lastAssistant: 'grafted answer',
    });
  });

  it('nested branches: a branch that splits off a side branch is listed after it, one level deeper', () => {
    const b = new ChainBuilder();
    const [a1] = turns(b, 1, 1);
    const [a2] = turns(b, 2, 2);
    turns(b, 3, 3);
    const deepTip = b.head;
    b.from(a2 ?? null);
    turns(b, 4, 4);
    const otherTip = b.head;
    b.from(a1 ?? null);
    turns(b, 5, 5);
    const { branches } = branchesOf(b);
    expect(branches.map((branch) => [branch.number, branch.tip, branch.depth, branch.splitsFrom, branch.forkAddress, branch.turns, branch.lastAssistant])).toEqual([
      [1, deepTip, 0, undefined, { turn: 1, k: 2 }, 2, 'a3'],
      [2, otherTip, 1, 1, { turn: 1, k: 2 }, 2, 'a4'],
    ]);
  });

  it('branches are numbered in path order of their fork points', () => {
    const b = new ChainBuilder();
    const [a1, a2] = turns(b, 1, 2);
    b.from(a2 ?? null);
    turns(b, 10, 10);
    b.from(a1 ?? null);
    turns(b, 11, 11);
    b.from(a1 ?? null);
    turns(b, 2, 3);
    // Active: q1 a1 q2 a2 q3 a3 (the last chain); side: q10 (under the original a2), q11 and the original q2 (under a1).
    const { branches } = branchesOf(b);
    expect(branches.map((branch) => [branch.forkAddress.turn, branch.firstUser])).toEqual([
      [1, 'q2'],
      [1, 'q11'],
    ]);
  });

  it('an answer with only tool calls summarizes as its calls, and text is sanitized to one line', () => {
    const b = new ChainBuilder();
    const [a1] = turns(b, 1, 1);
    b.user('line one\nline\u001b[31m two\u202e');
    b.assistant(toolUse('t1', 'grep'));
    b.from(a1 ?? null);
    const [branch] = branchesOf(b).branches;
    expect(branch?.firstUser).toBe('line one line two');
    expect(branch?.lastAssistant).toBe('→ grep');
  });

  // How fast is `npm run bench`'s (bench/scaling-bench.ts).
  it('lists all 100 branches of 10,000 turns, the last forking at turn 10,000', () => {
    const b = new ChainBuilder();
    const tree = new SessionTree();
    for (let turn = 1; turn <= 10_000; turn++) {
      expectOk(tree.append(b.from(tree.head).user(`q${turn}`)));
      expectOk(tree.append(b.from(tree.head).assistant(text(`a${turn}`))));
      if (turn % 100 === 0) {
        const side = b.from(tree.head);
        expectOk(tree.add(side.user(`side ${turn}`)));
        expectOk(tree.add(side.assistant(text(`side answer ${turn}`))));
      }
    }
    const view = viewBranch(tree.path());
    const built: BranchTree = buildBranchTree(tree, view);
    expect(built.branches).toHaveLength(100);
    expect(built.branches[99]).toMatchObject({ forkAddress: { turn: 10_000, k: 2 }, firstUser: 'side 10000' });
  });
});

describe('findBranch', () => {
  const b = new ChainBuilder();
  const [a1] = turns(b, 1, 2);
  const tip = b.head ?? '';
  b.from(a1 ?? null);
  const tree = branchesOf(b);

  it('finds a branch by its number or its tip id', () => {
    expect(expectOk(findBranch(tree, '1')).tip).toBe(tip);
    expect(expectOk(findBranch(tree, tip)).number).toBe(1);
  });

  it('a tip id made of digits still finds its branch when no branch has that number', () => {
    const digits = new ChainBuilder('');
    const [first] = turns(digits, 1, 2);
    const digitTip = digits.head ?? '';
    digits.from(first ?? null);
    expect(digitTip).toBe('4');
    expect(expectOk(findBranch(branchesOf(digits), digitTip)).tip).toBe('4');
  });

  it('says which numbers exist, and that the head is not another branch', () => {
    expect(expectErr(findBranch(tree, '2'))).toBe('branch 2 does not exist (branches 1..1)');
    expect(expectErr(findBranch(tree, a1 ?? ''))).toBe(`${a1 ?? ''} is already the head`);
    expect(expectErr(findBranch(tree, 'zzz'))).toBe('"zzz" is neither a branch number nor the tip of a branch');
    expect(expectErr(findBranch({ head: null, activeTurns: 0, branches: [] }, '1'))).toBe('there are no other branches');
  });
});
