import { describe, expect, it } from 'vitest';
import type { SplitTree } from '../../src/core/layout-file.js';
import {
  neighbour,
  nextTiling,
  solveTiling,
  splitLength,
  zoomed,
  type Rect,
} from '../../src/core/layout-solver.js';

/** A small seeded generator, so a failing case can be reproduced. */
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

function names(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `p${index}`);
}

/** Fails unless every cell of `area` belongs to exactly one rect and no rect leaves the area. */
function expectExactCover(rects: ReadonlyMap<string, Rect>, area: Rect, context: string): void {
  const owner = new Map<string, string>();
  let total = 0;
  for (const [name, rect] of rects) {
    expect(rect.width, `${context}: ${name} width`).toBeGreaterThanOrEqual(0);
    expect(rect.height, `${context}: ${name} height`).toBeGreaterThanOrEqual(0);
    expect(
      Number.isInteger(rect.x) &&
        Number.isInteger(rect.y) &&
        Number.isInteger(rect.width) &&
        Number.isInteger(rect.height),
      `${context}: ${name} integral`,
    ).toBe(true);
    if (rect.width === 0 || rect.height === 0) continue;
    expect(rect.x, `${context}: ${name} left`).toBeGreaterThanOrEqual(area.x);
    expect(rect.y, `${context}: ${name} top`).toBeGreaterThanOrEqual(area.y);
    expect(rect.x + rect.width, `${context}: ${name} right`).toBeLessThanOrEqual(
      area.x + area.width,
    );
    expect(rect.y + rect.height, `${context}: ${name} bottom`).toBeLessThanOrEqual(
      area.y + area.height,
    );
    for (let y = rect.y; y < rect.y + rect.height; y++) {
      for (let x = rect.x; x < rect.x + rect.width; x++) {
        const key = `${x},${y}`;
        const previous = owner.get(key);
        if (previous !== undefined)
          throw new Error(`${context}: ${name} and ${previous} share cell ${key}`);
        owner.set(key, name);
        total++;
      }
    }
  }
  expect(total, `${context}: covered cells`).toBe(area.width * area.height);
}

function randomTree(next: () => number, panes: readonly string[]): SplitTree {
  const shuffled = [...panes].sort(() => next() - 0.5);
  const build = (items: string[], depth: number): SplitTree => {
    const split = next() < 0.5 ? 'columns' : 'rows';
    const children: (string | SplitTree)[] = [];
    while (items.length > 0) {
      if (depth < 3 && items.length > 1 && next() < 0.3) {
        const take = 1 + Math.floor(next() * items.length);
        children.push(build(items.splice(0, take), depth + 1));
      } else {
        const item = items.shift();
        if (item !== undefined) children.push(item);
      }
    }
    if (children.length === 0) children.push('p0');
    return next() < 0.5
      ? { split, children }
      : { split, sizes: children.map(() => 0.1 + next() * 5), children };
  };
  // Leave some panes out of the tree on purpose: they must be appended.
  return build(shuffled.slice(0, Math.max(1, shuffled.length - Math.floor(next() * 3))), 0);
}

describe('splitLength', () => {
  it('sums to the length exactly and spreads the remainder', () => {
    expect(splitLength(10, [1, 1, 1])).toEqual([3, 4, 3]);
    expect(splitLength(100, [3, 2])).toEqual([60, 40]);
    expect(splitLength(2, [1, 1, 1, 1, 1])).toEqual([0, 1, 0, 1, 0]);
  });

  it('never returns negative parts, even for bad lengths or weights', () => {
    expect(splitLength(-5, [1, 2])).toEqual([0, 0]);
    expect(splitLength(7, [0, -1, Number.NaN])).toEqual([2, 3, 2]);
  });
});

describe('solveTiling covers the area exactly, with no overlap', () => {
  const presets = ['tiled', 'columns', 'rows', 'main-left', 'main-top'] as const;

  it('for every preset, many random sizes and pane counts, tiny terminals included', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const count = 1 + Math.floor(next() * 12);
      const area = {
        x: Math.floor(next() * 5),
        y: Math.floor(next() * 3),
        width: Math.floor(next() * 90),
        height: Math.floor(next() * 40),
      };
      for (const preset of presets) {
        const rects = solveTiling(preset, names(count), area);
        expect([...rects.keys()]).toEqual(names(count));
        expectExactCover(rects, area, `${preset} ${count} panes in ${JSON.stringify(area)}`);
      }
    }
  });

  it('for random split trees, with panes missing from the tree appended', () => {
    const next = random(11);
    for (let round = 0; round < 300; round++) {
      const panes = names(1 + Math.floor(next() * 9));
      const tree = randomTree(next, panes);
      const area = { x: 0, y: 1, width: Math.floor(next() * 120), height: Math.floor(next() * 50) };
      const rects = solveTiling(tree, panes, area);
      expect([...rects.keys()]).toEqual(panes);
      expectExactCover(rects, area, `${JSON.stringify(tree)} in ${JSON.stringify(area)}`);
    }
  });
});

describe('solveTiling shapes', () => {
  const area = { x: 0, y: 0, width: 100, height: 40 };

  it('tiled puts four panes in a 2×2 grid and lets a short last row share the width', () => {
    expect([...solveTiling('tiled', names(4), area).values()]).toEqual([
      { x: 0, y: 0, width: 50, height: 20 },
      { x: 50, y: 0, width: 50, height: 20 },
      { x: 0, y: 20, width: 50, height: 20 },
      { x: 50, y: 20, width: 50, height: 20 },
    ]);
    expect(solveTiling('tiled', names(3), area).get('p2')).toEqual({
      x: 0,
      y: 20,
      width: 100,
      height: 20,
    });
  });

  it('columns and rows split equally', () => {
    expect([...solveTiling('columns', names(4), area).values()].map((rect) => rect.width)).toEqual([
      25, 25, 25, 25,
    ]);
    expect([...solveTiling('rows', names(4), area).values()].map((rect) => rect.height)).toEqual([
      10, 10, 10, 10,
    ]);
  });

  it('main-left gives the first pane 60% of the width and stacks the rest on the right', () => {
    const rects = solveTiling('main-left', names(3), area);
    expect(rects.get('p0')).toEqual({ x: 0, y: 0, width: 60, height: 40 });
    expect(rects.get('p1')).toEqual({ x: 60, y: 0, width: 40, height: 20 });
    expect(rects.get('p2')).toEqual({ x: 60, y: 20, width: 40, height: 20 });
  });

  it('main-top gives the first pane 60% of the height and lines the rest up below', () => {
    const rects = solveTiling('main-top', names(3), area);
    expect(rects.get('p0')).toEqual({ x: 0, y: 0, width: 100, height: 24 });
    expect(rects.get('p1')).toEqual({ x: 0, y: 24, width: 50, height: 16 });
    expect(rects.get('p2')).toEqual({ x: 50, y: 24, width: 50, height: 16 });
  });

  it('a lone pane takes the whole area under every preset', () => {
    for (const preset of ['tiled', 'main-left', 'main-top'] as const) {
      expect(solveTiling(preset, ['only'], area).get('only')).toEqual(area);
    }
  });

  it('split trees use sizes as proportions and nest', () => {
    const tree: SplitTree = {
      split: 'columns',
      sizes: [3, 1],
      children: ['a', { split: 'rows', sizes: [1, 3], children: ['b', 'c'] }],
    };
    const rects = solveTiling(tree, ['a', 'b', 'c'], area);
    expect(rects.get('a')).toEqual({ x: 0, y: 0, width: 75, height: 40 });
    expect(rects.get('b')).toEqual({ x: 75, y: 0, width: 25, height: 10 });
    expect(rects.get('c')).toEqual({ x: 75, y: 10, width: 25, height: 30 });
  });

  it('appends panes missing from a tree to its root split and drops names that are not panes', () => {
    const tree: SplitTree = { split: 'columns', sizes: [1, 1], children: ['a', 'gone'] };
    const rects = solveTiling(tree, ['a', 'b'], area);
    expect(rects.get('a')).toEqual({ x: 0, y: 0, width: 50, height: 40 });
    expect(rects.get('b')).toEqual({ x: 50, y: 0, width: 50, height: 40 });
    expect(rects.has('gone')).toBe(false);
  });

  it('gives panes zero-size rects rather than negative ones when the terminal is too small', () => {
    const rects = solveTiling('columns', names(5), { x: 0, y: 0, width: 3, height: 1 });
    const widths = [...rects.values()].map((rect) => rect.width);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(3);
    expect(widths.filter((width) => width === 0)).toHaveLength(2);
    expect(
      solveTiling('tiled', names(3), { x: 0, y: 0, width: -4, height: 0 }).get('p0'),
    ).toMatchObject({ width: 0, height: 0 });
  });

  it('returns no rects when there are no panes', () => {
    expect(solveTiling('tiled', [], area).size).toBe(0);
  });
});

describe('nextTiling and zoomed', () => {
  it('cycles tiled → columns → rows → main-left → main-top → tiled', () => {
    expect(nextTiling('tiled')).toBe('columns');
    expect(nextTiling('columns')).toBe('rows');
    expect(nextTiling('rows')).toBe('main-left');
    expect(nextTiling('main-left')).toBe('main-top');
    expect(nextTiling('main-top')).toBe('tiled');
  });

  it('moves a split tree to tiled', () => {
    expect(nextTiling({ split: 'rows', children: ['a'] })).toBe('tiled');
  });

  it('zoom gives the one pane the whole area', () => {
    const area = { x: 0, y: 1, width: 80, height: 23 };
    expect([...zoomed('coder', area)]).toEqual([['coder', area]]);
  });
});

describe('neighbour', () => {
  // ┌────┬────┐
  // │ p0 │ p1 │
  // ├────┴────┤
  // │   p2    │
  // └─────────┘
  const rects = solveTiling('tiled', names(3), { x: 0, y: 0, width: 100, height: 40 });

  it('moves left/right within a row and up/down between rows', () => {
    expect(neighbour(rects, 'p0', 'right')).toBe('p1');
    expect(neighbour(rects, 'p1', 'left')).toBe('p0');
    expect(neighbour(rects, 'p0', 'down')).toBe('p2');
    expect(neighbour(rects, 'p1', 'down')).toBe('p2');
  });

  it('finds nothing beyond the edge', () => {
    expect(neighbour(rects, 'p0', 'left')).toBeUndefined();
    expect(neighbour(rects, 'p2', 'down')).toBeUndefined();
    expect(neighbour(rects, 'nobody', 'up')).toBeUndefined();
  });

  it('prefers the pane that overlaps most, then the leftmost', () => {
    const wide = new Map<string, Rect>([
      ['top', { x: 0, y: 0, width: 100, height: 10 }],
      ['left', { x: 0, y: 10, width: 30, height: 10 }],
      ['right', { x: 30, y: 10, width: 70, height: 10 }],
    ]);
    expect(neighbour(wide, 'top', 'down')).toBe('right');
    const even = new Map<string, Rect>([
      ['top', { x: 0, y: 0, width: 100, height: 10 }],
      ['left', { x: 0, y: 10, width: 50, height: 10 }],
      ['right', { x: 50, y: 10, width: 50, height: 10 }],
    ]);
    expect(neighbour(even, 'top', 'down')).toBe('left');
  });

  it('ignores panes that do not overlap on the other axis, however near', () => {
    const staggered = new Map<string, Rect>([
      ['a', { x: 0, y: 0, width: 10, height: 10 }],
      ['below-right', { x: 10, y: 10, width: 10, height: 10 }],
      ['far-right', { x: 20, y: 0, width: 10, height: 10 }],
    ]);
    expect(neighbour(staggered, 'a', 'right')).toBe('far-right');
  });

  it('chooses the nearest pane in that direction and skips zero-size panes', () => {
    const row = solveTiling('columns', names(3), { x: 0, y: 0, width: 90, height: 10 });
    expect(neighbour(row, 'p0', 'right')).toBe('p1');
    const squeezed = new Map<string, Rect>([
      ['a', { x: 0, y: 0, width: 2, height: 1 }],
      ['hidden', { x: 2, y: 0, width: 0, height: 1 }],
      ['b', { x: 2, y: 0, width: 1, height: 1 }],
    ]);
    expect(neighbour(squeezed, 'a', 'right')).toBe('b');
  });
});
