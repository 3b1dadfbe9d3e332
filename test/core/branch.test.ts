import { describe, expect, it } from 'vitest';
import { formatAddress } from '../../src/core/address.js';
import {
  lastEntryOfTurn,
  locate,
  planEditTarget,
  planRewind,
  viewBranch,
  type BranchView,
} from '../../src/core/branch.js';
import {
  ChainBuilder,
  expectErr,
  expectOk,
  text,
  thinking,
  toolUse,
} from './factories.js';

const numbers = (view: BranchView) =>
  view.items.map((item) =>
    item.kind === 'message' ? `${item.turn}.${item.k}` : `marker@${item.turn}`,
  );

/** Two turns: 1 = question, tool round, answer; 2 = question, answer. */
function twoTurns() {
  const b = new ChainBuilder();
  b.user('read a.ts'); // 1.1 e1
  b.assistant(text('reading'), toolUse('t1')); // 1.2 e2
  b.result('t1', 'body of a'); // 1.3 e3
  b.assistant(text('a.ts exports x')); // 1.4 e4
  b.user('thanks'); // 2.1 e5
  b.assistant(text('you are welcome')); // 2.2 e6
  return b;
}

describe('viewBranch numbering', () => {
  it('numbers the opening message .1 and every following message entry next in its turn', () => {
    expect(numbers(twoTurns().view())).toEqual(['1.1', '1.2', '1.3', '1.4', '2.1', '2.2']);
    expect(twoTurns().view().turnCount).toBe(2);
  });

  it('a nudge joining a running turn is an entry of that turn, not a new turn', () => {
    const b = twoTurns();
    b.nudge('also check b.ts'); // 2.3
    b.assistant(text('ok')); // 2.4
    expect(numbers(b.view()).slice(4)).toEqual(['2.1', '2.2', '2.3', '2.4']);
    expect(b.view().turnCount).toBe(2);
  });

  it('message entries before any opening message belong to turn 0, numbered from 1', () => {
    const b = new ChainBuilder();
    b.assistant(text('hello from a graft'));
    b.user('queued', { opensTurn: false });
    b.user('start');
    const view = b.view();
    expect(numbers(view)).toEqual(['0.1', '0.2', '1.1']);
    expect(view.turnCount).toBe(1);
    expect(view.turns[0]?.entries).toHaveLength(2);
  });

  it('an empty branch has no turns and an empty turn 0', () => {
    const view = viewBranch([]);
    expect(view.turnCount).toBe(0);
    expect(view.items).toEqual([]);
    expect(view.turns[0]?.entries).toEqual([]);
  });

  it('graft markers are marker items without a number and do not shift K', () => {
    const b = twoTurns();
    b.marker(1, 1, 1);
    b.user('grafted question'); // 3.1
    const view = b.view();
    expect(numbers(view).slice(6)).toEqual(['marker@2', '3.1']);
    expect(view.turns[2]?.endItem).toBe(7);
  });
});

describe('viewBranch edits', () => {
  it('an edit makes its target read as the replacement, keeps the original, and is not an item', () => {
    const b = twoTurns();
    b.edit('e3', { kind: 'tool-result', content: 'fixed body', isError: false });
    const view = b.view();
    const item = expectOk(locate(view, { turn: 1, k: 3 }));
    expect(item.edited).toBe(true);
    expect(item.entry.kind === 'tool-result' && item.entry.content).toBe('fixed body');
    expect(item.original.kind === 'tool-result' && item.original.content).toBe('body of a');
    expect(view.items).toHaveLength(6);
    expect(numbers(view)).toEqual(['1.1', '1.2', '1.3', '1.4', '2.1', '2.2']);
  });

  it('the later edit of the same target wins', () => {
    const b = twoTurns();
    b.edit('e1', 'first try');
    b.edit('e1', 'second try');
    const item = expectOk(locate(b.view(), { turn: 1 }));
    expect(item.entry.kind === 'user' && item.entry.text).toBe('second try');
  });

  it('an edit on another branch does not apply', () => {
    const b = twoTurns();
    b.edit('e1', 'edited');
    b.from('e6').user('other branch');
    const item = expectOk(locate(b.view(), { turn: 1 }));
    expect(item.edited).toBe(false);
  });

  it('editing an answer replaces its text, keeps its tool calls and drops thinking', () => {
    const b = new ChainBuilder();
    b.user('go');
    b.assistant(thinking('hmm'), text('old'), toolUse('t1'));
    b.result('t1', 'x');
    b.edit('e2', 'new');
    const item = expectOk(locate(b.view(), { turn: 1, k: 2 }));
    expect(item.entry.kind === 'assistant' && item.entry.blocks).toEqual([
      text('new'),
      toolUse('t1'),
    ]);
  });
});

describe('locate and lastEntryOfTurn', () => {
  it('locates N as the opening message and N.K as any entry', () => {
    const view = twoTurns().view();
    expect(expectOk(locate(view, { turn: 2 })).entry.id).toBe('e5');
    expect(expectOk(locate(view, { turn: 1, k: 3 })).entry.id).toBe('e3');
  });

  it('says which turn does not exist and how many there are', () => {
    const view = twoTurns().view();
    expect(expectErr(locate(view, { turn: 7 }))).toBe(
      'turn 7 does not exist (the branch has 2 turns)',
    );
    const one = new ChainBuilder();
    one.user('only');
    expect(expectErr(locate(one.view(), { turn: 3 }))).toBe(
      'turn 3 does not exist (the branch has 1 turn)',
    );
  });

  it('says which entry does not exist and how many the turn has', () => {
    const view = twoTurns().view();
    expect(expectErr(locate(view, { turn: 1, k: 9 }))).toBe(
      'entry 1.9 does not exist (turn 1 has 4 entries)',
    );
  });

  it('turn 0 is not an entry, but 0.K names a turn-0 entry', () => {
    const b = new ChainBuilder();
    b.assistant(text('early'));
    b.user('start');
    expect(expectErr(locate(b.view(), { turn: 0 }))).toContain('turn 0 is the start of the branch');
    expect(expectOk(locate(b.view(), { turn: 0, k: 1 })).entry.id).toBe('e1');
  });

  it('lastEntryOfTurn is the final numbered entry of the turn', () => {
    const view = twoTurns().view();
    expect(formatAddress(expectOk(lastEntryOfTurn(view, 1)))).toBe('1.4');
    expect(expectErr(lastEntryOfTurn(view, 0))).toBe('turn 0 has no entries');
    expect(expectErr(lastEntryOfTurn(view, 3))).toBe(
      'turn 3 does not exist (the branch has 2 turns)',
    );
  });
});

describe('planRewind', () => {
  it('rewind 0 empties the branch', () => {
    const b = twoTurns();
    expect(expectOk(planRewind(b.path(), b.view(), { turn: 0 }))).toEqual({
      head: null,
      reapply: [],
    });
  });

  it('rewind N keeps turn N whole, tool round and answer included', () => {
    const b = twoTurns();
    expect(expectOk(planRewind(b.path(), b.view(), { turn: 1 })).head).toBe('e4');
  });

  it('rewind N keeps an edit that sits before turn N+1 opens', () => {
    const b = twoTurns();
    b.edit('e1', 'edited'); // e7, before turn 3 opens
    b.user('third'); // e8 = 3.1
    expect(expectOk(planRewind(b.path(), b.view(), { turn: 2 })).head).toBe('e7');
  });

  it('rewind N drops a graft marker that opens the grafted run after turn N (no empty marker ends the branch)', () => {
    const b = twoTurns();
    b.marker(); // e7, the graft's marker
    b.user('grafted'); // e8 = 3.1, the grafted copy
    expect(expectOk(planRewind(b.path(), b.view(), { turn: 2 })).head).toBe('e6');
  });

  it('rewind to the last turn keeps the current head', () => {
    const b = twoTurns();
    b.edit('e1', 'edited');
    expect(expectOk(planRewind(b.path(), b.view(), { turn: 2 })).head).toBe('e7');
  });

  it('rewind N.K stops right after entry K, even inside a tool round', () => {
    const b = twoTurns();
    expect(expectOk(planRewind(b.path(), b.view(), { turn: 1, k: 2 })).head).toBe('e2');
  });

  it('rewind to a missing turn or entry is an error', () => {
    const b = twoTurns();
    expect(expectErr(planRewind(b.path(), b.view(), { turn: 5 }))).toBe(
      'turn 5 does not exist (the branch has 2 turns)',
    );
    expect(expectErr(planRewind(b.path(), b.view(), { turn: 2, k: 3 }))).toBe(
      'entry 2.3 does not exist (turn 2 has 2 entries)',
    );
  });

  it('edits after the new head whose target is kept are listed to re-apply, in order', () => {
    const b = twoTurns();
    const early = b.edit('e3', { kind: 'tool-result', content: 'fixed', isError: false }); // e7
    b.user('third'); // e8 = 3.1
    const late = b.edit('e1', 'better question'); // e9
    b.edit('e8', 'gone with turn 3'); // e10: its target goes, so it is not re-applied
    const plan = expectOk(planRewind(b.path(), b.view(), { turn: 1 }));
    expect(plan.head).toBe('e4');
    expect(plan.reapply.map((edit) => edit.id)).toEqual([early.id, late.id]);
  });

  it('re-applied edits make the rewound branch read as before', () => {
    const b = twoTurns();
    b.edit('e3', { kind: 'tool-result', content: 'fixed', isError: false });
    const plan = expectOk(planRewind(b.path(), b.view(), { turn: 1 }));
    b.from(plan.head);
    for (const edit of plan.reapply) b.edit(edit.target, edit.replacement);
    const item = expectOk(locate(b.view(), { turn: 1, k: 3 }));
    expect(item.entry.kind === 'tool-result' && item.entry.content).toBe('fixed');
    expect(b.view().turnCount).toBe(1);
  });
});

describe('planEditTarget', () => {
  it('returns the recorded entry to target and how it reads now', () => {
    const b = twoTurns();
    b.edit('e3', { kind: 'tool-result', content: 'fixed', isError: false });
    const target = expectOk(planEditTarget(b.view(), { turn: 1, k: 3 }));
    expect(target.original.id).toBe('e3');
    expect(target.current.kind === 'tool-result' && target.current.content).toBe('fixed');
  });

  it('edit N targets the message that opened turn N', () => {
    expect(expectOk(planEditTarget(twoTurns().view(), { turn: 2 })).original.id).toBe('e5');
  });

  it('refuses turn 0 and addresses that name nothing', () => {
    const view = twoTurns().view();
    expect(expectErr(planEditTarget(view, { turn: 0 }))).toContain('turn 0');
    expect(expectErr(planEditTarget(view, { turn: 9 }))).toBe(
      'turn 9 does not exist (the branch has 2 turns)',
    );
  });
});

describe('viewBranch at scale', () => {
  it('views a 40,000-entry path (its time is the bench\'s: bench/transcript-bench.ts)', () => {
    const b = new ChainBuilder();
    for (let turn = 0; turn < 10_000; turn++) {
      b.user(`q${turn}`);
      b.assistant(toolUse(`t${turn}`));
      b.result(`t${turn}`, 'x');
      b.assistant(text('a'));
    }
    b.edit('e3', 'edited');
    const path = b.path();
    const view = viewBranch(path);
    expect(view.turnCount).toBe(10_000);
    expect(formatAddress(expectOk(locate(view, { turn: 10_000, k: 4 })))).toBe('10000.4');
  });
});
