import { describe, expect, it } from 'vitest';
import { viewBranch } from '../../src/core/branch.js';
import type { Entry } from '../../src/core/entry.js';
import { copyForFork, copyForGraft, selectTurns } from '../../src/core/graft-copy.js';
import { buildRequest } from '../../src/core/request.js';
import { requestViolations } from '../../src/core/request-rules.js';
import { SessionTree } from '../../src/core/tree.js';
import {
  ChainBuilder,
  expectErr,
  expectOk,
  idSource,
  text,
  thinking,
  toolUse,
} from './factories.js';

/** Source session: turn 1 has a tool round, turn 2 a plain answer. */
function source() {
  const b = new ChainBuilder('s');
  b.user('read a.ts'); // s1 = 1.1
  b.assistant(thinking('plan'), text('reading'), toolUse('t1')); // s2
  b.result('t1', 'body of a'); // s3
  b.assistant(text('a.ts exports x')); // s4
  b.user('thanks'); // s5 = 2.1
  b.assistant(text('welcome')); // s6
  return b;
}

const graftOptions = (newId: () => string, parent: string | null) => ({
  newId,
  parent,
  sourceSession: 'session-src',
  sourceName: 'alpha',
  fromTurn: 1,
  toTurn: 2,
  at: 5_000,
});

const toolIds = (entries: readonly Entry[]) =>
  entries.flatMap((entry) =>
    entry.kind === 'assistant'
      ? entry.blocks.flatMap((b) => (b.type === 'tool_use' ? [b.id] : []))
      : [],
  );
const resultIds = (entries: readonly Entry[]) =>
  entries.flatMap((entry) => (entry.kind === 'tool-result' ? [entry.toolUseId] : []));

describe('copyForGraft', () => {
  it('starts with one graft marker naming the source, range and count, under the target head', () => {
    const items = expectOk(selectTurns(source().view()));
    const copies = copyForGraft(items, graftOptions(idSource(), 'target-head'));
    const marker = copies[0];
    expect(marker).toMatchObject({
      kind: 'graft-marker',
      id: 'n1',
      parent: 'target-head',
      sourceSession: 'session-src',
      sourceName: 'alpha',
      fromTurn: 1,
      toTurn: 2,
      count: 6,
    });
    expect(copies).toHaveLength(7);
  });

  it('chains copies under fresh ids with graft provenance pointing at each source entry', () => {
    const copies = copyForGraft(
      expectOk(selectTurns(source().view())),
      graftOptions(idSource(), null),
    );
    copies.forEach((copy, index) => {
      expect(copy.id).toMatch(/^n\d+$/);
      expect(copy.parent).toBe(index === 0 ? null : copies[index - 1]?.id);
    });
    expect(new Set(copies.map((copy) => copy.id)).size).toBe(copies.length);
    expect(copies[1]?.provenance).toEqual({
      kind: 'graft',
      sourceSession: 'session-src',
      sourceEntry: 's1',
      sourceName: 'alpha',
    });
    expect(
      copies
        .slice(1)
        .map((copy) => copy.provenance.kind === 'graft' && copy.provenance.sourceEntry),
    ).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
  });

  it('renames every tool_use id and the matching result the same way', () => {
    const copies = copyForGraft(
      expectOk(selectTurns(source().view())),
      graftOptions(idSource(), null),
    );
    const [toolId] = toolIds(copies);
    expect(toolId).not.toBe('t1');
    expect(toolId).toMatch(/^toolu_/);
    expect(resultIds(copies)).toEqual([toolId]);
  });

  it('drops thinking blocks and copies what the entries read as (edits applied)', () => {
    const b = source();
    b.edit('s3', { kind: 'tool-result', content: 'fixed body', isError: false });
    const copies = copyForGraft(expectOk(selectTurns(b.view())), graftOptions(idSource(), null));
    const answer = copies[2];
    expect(answer?.kind === 'assistant' && answer.blocks.map((block) => block.type)).toEqual([
      'text',
      'tool_use',
    ]);
    const result = copies[3];
    expect(result?.kind === 'tool-result' && result.content).toBe('fixed body');
    expect(copies.some((copy) => copy.kind === 'edit')).toBe(false);
  });

  it('grafting the same range twice never duplicates a tool id, and the target request is valid', () => {
    const items = expectOk(selectTurns(source().view(), 1, 1));
    const newId = idSource();
    const tree = new SessionTree();
    const target = new ChainBuilder('g');
    expectOk(tree.append(target.user('hello')));
    for (let round = 0; round < 2; round++) {
      for (const copy of copyForGraft(items, graftOptions(newId, tree.head)))
        expectOk(tree.append(copy));
    }
    const path = tree.path();
    const ids = toolIds(path);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    const request = buildRequest(viewBranch(path), { model: 'm', maxTokens: 100, tools: [] });
    expect(requestViolations(request)).toEqual([]);
    const sentIds = request.messages.flatMap((m) =>
      m.content.flatMap((b) => (b.type === 'tool_use' ? [b.id] : [])),
    );
    expect(sentIds).toEqual(ids);
  });

  it('gives a result whose call is outside the range a fresh id too', () => {
    const b = new ChainBuilder('s');
    b.result('t-elsewhere', 'stray'); // turn 0
    b.user('go');
    const copies = copyForGraft(
      expectOk(selectTurns(b.view(), 0, 1)),
      graftOptions(idSource(), null),
    );
    const [id] = resultIds(copies);
    expect(id).toBeDefined();
    expect(id).not.toBe('t-elsewhere');
  });

  it('uses the injected tool id source when given', () => {
    const copies = copyForGraft(expectOk(selectTurns(source().view())), {
      ...graftOptions(idSource(), null),
      newToolUseId: idSource('toolu_x'),
    });
    expect(toolIds(copies)).toEqual(['toolu_x1']);
    expect(resultIds(copies)).toEqual(['toolu_x1']);
  });
});

describe('copyForFork', () => {
  it('copies a root chain with fork provenance, keeping tool ids, thinking and markers', () => {
    const b = source();
    b.marker();
    b.user('third');
    const copies = copyForFork(b.view().items, {
      newId: idSource('f'),
      sourceSession: 'session-src',
      at: 9,
    });
    expect(copies).toHaveLength(8);
    expect(copies[0]?.parent).toBeNull();
    expect(copies[1]?.parent).toBe('f1');
    expect(copies[1]?.provenance).toEqual({
      kind: 'fork',
      sourceSession: 'session-src',
      sourceEntry: 's2',
    });
    expect(toolIds(copies)).toEqual(['t1']);
    expect(resultIds(copies)).toEqual(['t1']);
    const answer = copies[1];
    expect(answer?.kind === 'assistant' && answer.blocks[0]?.type).toBe('thinking');
    expect(copies[6]?.kind).toBe('graft-marker');
  });

  it('keeps a grafted entry\'s graft provenance (its ⎇ source marker), the rest by fork (B15)', () => {
    const b = source();
    b.user('from elsewhere', { provenance: { kind: 'graft', sourceSession: 's0', sourceEntry: 'x', sourceName: 'sess.jsonl' } });
    const copies = copyForFork(b.view().items, { newId: idSource('f'), sourceSession: 'session-src', at: 9 });
    expect(copies.at(-1)?.provenance).toEqual({ kind: 'graft', sourceSession: 's0', sourceEntry: 'x', sourceName: 'sess.jsonl' });
    expect(copies[0]?.provenance.kind).toBe('fork');
  });

  it('bakes edits into the copies', () => {
    const b = source();
    b.edit('s1', 'read b.ts');
    const copies = copyForFork(b.view().items, { newId: idSource('f'), sourceSession: 's', at: 9 });
    expect(copies[0]?.kind === 'user' && copies[0].text).toBe('read b.ts');
    expect(copies.some((copy) => copy.kind === 'edit')).toBe(false);
  });
});

describe('selectTurns', () => {
  it('defaults to every turn', () => {
    expect(expectOk(selectTurns(source().view())).map((item) => item.entry.id)).toEqual([
      's1',
      's2',
      's3',
      's4',
      's5',
      's6',
    ]);
  });

  it('selects whole turns from..to', () => {
    expect(expectOk(selectTurns(source().view(), 2, 2)).map((item) => item.entry.id)).toEqual([
      's5',
      's6',
    ]);
    expect(expectOk(selectTurns(source().view(), 1, 1))).toHaveLength(4);
  });

  it('includes turn-0 entries by default when there are some', () => {
    const b = new ChainBuilder('s');
    b.assistant(text('early'));
    b.user('start');
    expect(expectOk(selectTurns(b.view())).map((item) => item.entry.id)).toEqual(['s1', 's2']);
  });

  it('rejects reversed ranges, missing turns and empty branches', () => {
    const view = source().view();
    expect(expectErr(selectTurns(view, 2, 1))).toBe('the range 2..1 is empty (2 comes after 1)');
    expect(expectErr(selectTurns(view, 1, 5))).toBe(
      'turn 5 does not exist (the branch has 2 turns)',
    );
    expect(expectErr(selectTurns(view, 0, 0))).toBe('turns 0..0 hold no entries');
    expect(expectErr(selectTurns(viewBranch([])))).toBe('the branch has no turns');
  });
});
