// DESIGN.md §9 (The run view, panes): working workflow agents are tiled as they start, as many
// as fit at 60×10 cells, the focused one first; finished ones make room; any can be brought back.
import { describe, expect, it } from 'vitest';
import { choosePanes, paneCapacity, type PaneCandidate } from '../../src/core/pane-choice.js';

function workers(count: number, from = 1): PaneCandidate[] {
  return Array.from({ length: count }, (_, index) => ({ name: `r-${index + from}`, role: 'working' as const }));
}

describe('pane choice', () => {
  it('fits as many 60×10 panes as the area holds, and always at least one', () => {
    expect(paneCapacity({ width: 200, height: 48 })).toBe(12);
    expect(paneCapacity({ width: 120, height: 20 })).toBe(4);
    expect(paneCapacity({ width: 119, height: 19 })).toBe(1);
    expect(paneCapacity({ width: 240, height: 70 })).toBe(28);
    expect(paneCapacity({ width: 40, height: 5 })).toBe(1);
  });

  it('tiles working agents as they start until the area is full, in start order', () => {
    const area = { width: 200, height: 48 };
    expect(choosePanes(workers(5), 'r-1', area)).toEqual(['r-1', 'r-2', 'r-3', 'r-4', 'r-5']);
    const many = choosePanes(workers(200), 'r-1', area);
    expect(many).toHaveLength(12);
    expect(many).toEqual(workers(12).map((candidate) => candidate.name));
  });

  it('gives the focused agent a pane first, even one past the capacity', () => {
    const chosen = choosePanes(workers(30), 'r-25', { width: 120, height: 20 });
    expect(chosen).toEqual(['r-1', 'r-2', 'r-3', 'r-25']);
  });

  it('finished agents make room for working ones and come back while focused', () => {
    const candidates: PaneCandidate[] = [
      { name: 'r-1', role: 'finished', order: 1 },
      { name: 'r-2', role: 'finished', order: 2 },
      ...workers(6, 3),
    ];
    const area = { width: 120, height: 20 };
    expect(choosePanes(candidates, 'r-3', area)).toEqual(['r-3', 'r-4', 'r-5', 'r-6']);
    expect(choosePanes(candidates, 'r-1', area)).toEqual(['r-1', 'r-3', 'r-4', 'r-5']);
  });

  it('fills the room working agents leave with the last finished ones, the latest first', () => {
    const finished: PaneCandidate[] = [1, 2, 3, 4, 5].map((order) => ({ name: `f-${order}`, role: 'finished', order }));
    const area = { width: 120, height: 20 };
    expect(choosePanes([...finished, ...workers(1)], 'r-1', area)).toEqual(['f-3', 'f-4', 'f-5', 'r-1']);
    expect(choosePanes(finished, undefined, area)).toEqual(['f-2', 'f-3', 'f-4', 'f-5']);
    expect(choosePanes(finished, 'f-1', area)).toEqual(['f-1', 'f-3', 'f-4', 'f-5']);
  });

  it('keeps every agent a person opened, and fills only the room left with workflow agents', () => {
    const own: PaneCandidate[] = [
      { name: 'main', role: 'own' },
      { name: 'docs', role: 'own' },
    ];
    expect(choosePanes([...own, ...workers(10)], 'main', { width: 120, height: 20 })).toEqual(['main', 'docs', 'r-1', 'r-2']);
    const crowded = Array.from({ length: 6 }, (_, index): PaneCandidate => ({ name: `own-${index}`, role: 'own' }));
    expect(choosePanes([...crowded, ...workers(3)], 'own-0', { width: 120, height: 20 })).toEqual(crowded.map((candidate) => candidate.name));
  });
});
