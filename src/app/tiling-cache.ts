// The layout solver's answer, kept until the tiling, the agents or the pane area change: the
// cockpit model is rebuilt every tick while agents stream, and the rects rarely move.
import type { Tiling } from '../core/layout-file.js';
import { solveTiling, type Rect } from '../core/layout-solver.js';

/** Remembers the last `solveTiling` call and answers the same question again from memory. */
export class TilingCache {
  private last: { tiling: Tiling; key: string; rects: ReadonlyMap<string, Rect> } | undefined;

  /** The rects `solveTiling(tiling, names, area)` gives, solved again only when an input changed. */
  solve(tiling: Tiling, names: readonly string[], area: Rect): ReadonlyMap<string, Rect> {
    const key = `${area.x},${area.y},${area.width},${area.height}\n${names.join('\n')}`;
    if (this.last !== undefined && this.last.tiling === tiling && this.last.key === key) return this.last.rects;
    const rects = solveTiling(tiling, names, area);
    this.last = { tiling, key, rects };
    return rects;
  }
}
