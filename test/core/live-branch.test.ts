import { describe, expect, it, vi } from 'vitest';
import { planRewind, viewBranch, type BranchView } from '../../src/core/branch.js';
import type { Entry, EntryId } from '../../src/core/entry.js';
import type { SessionHeader } from '../../src/core/journal-record.js';
import { SessionState } from '../../src/core/session-state.js';
import { ChainBuilder, expectOk, text, toolUse } from './factories.js';
import { MemoryJournalWriter } from './memory-store.js';

const header: SessionHeader = { t: 'session', v: 1, id: 's1', name: 'alpha', created: 1, model: 'test-model' };

/** A small deterministic PRNG (mulberry32), so a failing seed can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function plain(view: BranchView): BranchView {
  return { items: view.items, turns: view.turns, turnCount: view.turnCount };
}

function newSession(): { session: SessionState; writer: MemoryJournalWriter } {
  const writer = new MemoryJournalWriter();
  return { session: expectOk(SessionState.create(header, writer)), writer };
}

/**
 * Drives a session through `steps` random appends and head moves; after each step where
 * `check()` says so, the live view must equal a fresh `viewBranch(tree.path())`.
 */
function drive(seed: number, steps: number, check: (rand: () => number) => boolean): SessionState {
  const rand = random(seed);
  const pick = <T>(values: readonly T[]): T | undefined => values[Math.floor(rand() * values.length)];
  const { session, writer } = newSession();
  const b = new ChainBuilder(`s${seed}-`);
  const all: Entry[] = [];
  let openTool: string | undefined;
  const heads: (EntryId | null)[] = [];
  for (let step = 0; step < steps; step++) {
    b.from(session.tree.head);
    const roll = rand();
    let entry: Entry | undefined;
    if (roll < 0.2) entry = b.user(`q${step}`);
    else if (roll < 0.3) entry = b.nudge(`n${step}`);
    else if (roll < 0.45) {
      openTool = rand() < 0.4 ? `t${step}` : undefined;
      entry = openTool === undefined ? b.assistant(text(`a${step}`)) : b.assistant(text(`a${step}`), toolUse(openTool));
    } else if (roll < 0.55) entry = b.result(openTool ?? `t${step}`, `r${step}`, { isError: rand() < 0.2 });
    else if (roll < 0.6) entry = b.marker(1, 2, 3);
    else if (roll < 0.62) entry = b.interrupted([text(`p${step}`)]);
    else if (roll < 0.8) {
      // Mostly entries on the branch (any kind, so edits of markers and edits count too),
      // sometimes one off the branch; the target always exists, as the tree demands.
      const onPath = session.tree.path();
      const target: Entry | undefined = rand() < 0.8 ? pick(onPath) : pick(all);
      if (target !== undefined) {
        entry = b.edit(
          target.id,
          rand() < 0.5 ? `edit${step}` : { kind: 'tool-result', content: `edit${step}`, isError: rand() < 0.5 },
        );
      }
    } else {
      // A head move: a rewind along the branch, an undo back to an earlier head (often a
      // descendant), a switch anywhere in the tree, or the empty branch.
      const onPath = session.tree.path();
      const r = rand();
      const head: EntryId | null =
        r < 0.1 ? null
        : r < 0.5 ? (pick(onPath)?.id ?? null)
        : r < 0.75 ? (heads.pop() ?? null)
        : (pick(all)?.id ?? null);
      heads.push(session.tree.head);
      const reason = pick(['rewind', 'undo', 'retry', 'switch'] as const) ?? 'rewind';
      expectOk(session.record({ t: 'head', head, reason }));
    }
    if (entry !== undefined) {
      expectOk(session.commit(entry));
      all.push(entry);
    }
    if (check(rand)) {
      const path = session.tree.path();
      expect(plain(session.view()), `seed ${seed}, step ${step}`).toStrictEqual(viewBranch(path));
      // Rewind plans read the live view and the tree's index the same as a fresh view and path.
      const turn = Math.floor(rand() * (session.view().turnCount + 2));
      const address = rand() < 0.5 ? { turn } : { turn, k: 1 + Math.floor(rand() * 3) };
      expect(planRewind(path, session.view(), address, (id) => session.tree.branchPosition(id))).toStrictEqual(
        planRewind(path, viewBranch(path), address),
      );
    }
  }
  // Replaying the journal yields the same view as the live session.
  const replayed = expectOk(SessionState.replay(header, writer.records.slice(1)));
  expect(plain(replayed.view())).toStrictEqual(viewBranch(session.tree.path()));
  return session;
}

describe('SessionState.view (live branch view)', () => {
  it('equals viewBranch(path) after every random append, edit and head move', () => {
    for (let seed = 1; seed <= 40; seed++) drive(seed, 300, () => true);
  });

  it('equals viewBranch(path) when read only now and then (appends after an unseen head move)', () => {
    for (let seed = 100; seed <= 140; seed++) drive(seed, 300, (rand) => rand() < 0.15);
  });

  it('applies the newest of several edits of one entry to what was recorded', () => {
    const { session } = newSession();
    const b = new ChainBuilder();
    const q = b.user('first wording');
    expectOk(session.commit(q));
    expectOk(session.commit(b.assistant(text('answer'))));
    expectOk(session.commit(b.edit(q.id, 'second wording')));
    expectOk(session.commit(b.edit(q.id, 'third wording')));
    const item = session.view().turns[1]?.entries[0];
    expect(item?.edited).toBe(true);
    expect(item?.entry).toMatchObject({ kind: 'user', text: 'third wording' });
    expect(item?.original).toBe(q);
    expect(session.view().items[0]).toBe(item);
  });

  it('follows appends and head moves without re-reading the path', () => {
    const { session } = newSession();
    const b = new ChainBuilder();
    for (let turn = 0; turn < 50; turn++) {
      expectOk(session.commit(b.user(`q${turn}`)));
      expectOk(session.commit(b.assistant(text(`a${turn}`))));
    }
    const paths = vi.spyOn(session.tree, 'path');
    for (let turn = 50; turn < 100; turn++) {
      expectOk(session.commit(b.user(`q${turn}`)));
      expectOk(session.commit(b.assistant(text(`a${turn}`))));
      expectOk(session.commit(b.edit('e1', `edit ${turn}`)));
      expect(session.view().turnCount).toBe(turn + 1);
    }
    const top = session.tree.head;
    expectOk(session.record({ t: 'head', head: 'e20', reason: 'rewind' }));
    expect(session.view().turnCount).toBe(10);
    expect(session.view().turns[1]?.entries[0]?.edited).toBe(false);
    expectOk(session.record({ t: 'head', head: top, reason: 'undo' }));
    expect(session.view().turnCount).toBe(100);
    expect(session.view().turns[1]?.entries[0]?.entry).toMatchObject({ text: 'edit 99' });
    expect(paths).not.toHaveBeenCalled();
  });

  it('builds a replayed session once, on its first read', () => {
    const { session, writer } = newSession();
    const b = new ChainBuilder();
    for (let turn = 0; turn < 20; turn++) expectOk(session.commit(b.user(`q${turn}`)));
    expectOk(session.record({ t: 'head', head: 'e5', reason: 'rewind' }));
    const replayed = expectOk(SessionState.replay(header, writer.records.slice(1)));
    const paths = vi.spyOn(replayed.tree, 'path');
    expect(replayed.view().turnCount).toBe(5);
    expect(replayed.view().turnCount).toBe(5);
    expect(paths).toHaveBeenCalledTimes(1);
  });
});
