import { describe, expect, it } from 'vitest';
import { solveTiling } from '../../src/core/layout-solver.js';
import { TilingCache } from '../../src/app/tiling-cache.js';

const AREA = { x: 0, y: 0, width: 120, height: 40 };

describe('TilingCache', () => {
  it('answers the same question from memory and solves again when the area, the agents or the tiling change', () => {
    const cache = new TilingCache();
    const first = cache.solve('tiled', ['a', 'b', 'c'], AREA);
    expect(first).toEqual(solveTiling('tiled', ['a', 'b', 'c'], AREA));
    expect(cache.solve('tiled', ['a', 'b', 'c'], { ...AREA })).toBe(first);
    const resized = cache.solve('tiled', ['a', 'b', 'c'], { ...AREA, width: 80 });
    expect(resized).not.toBe(first);
    expect(resized).toEqual(solveTiling('tiled', ['a', 'b', 'c'], { ...AREA, width: 80 }));
    expect(cache.solve('tiled', ['a', 'b'], { ...AREA, width: 80 })).toEqual(solveTiling('tiled', ['a', 'b'], { ...AREA, width: 80 }));
    expect(cache.solve('columns', ['a', 'b'], { ...AREA, width: 80 })).toEqual(solveTiling('columns', ['a', 'b'], { ...AREA, width: 80 }));
  });
});
