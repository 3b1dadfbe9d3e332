// Where each pane goes: turns a tiling (DESIGN.md §5) into rectangles of terminal cells that
// cover the area exactly, without overlap. Panes share no cells; the view draws each pane's
// border inside its own rectangle. In a terminal too small for every pane, some panes get
// rectangles of width or height 0, which the view skips; sizes are never negative.
import {
  TILING_PRESETS,
  type SplitDirection,
  type SplitTree,
  type Tiling,
  type TilingPreset,
} from './layout-file.js';

/** A rectangle of terminal cells; `x`/`y` are the top-left cell. */
export type Rect = {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
};

/** A direction for moving the focus between panes (C-arrows). */
export type Direction = 'left' | 'right' | 'up' | 'down';

/** The share of the width (main-left) or height (main-top) the main pane takes. */
const MAIN_SHARE = 0.6;

/**
 * Splits `length` cells into parts proportional to `weights` that sum to exactly `length`:
 * each boundary is rounded on its own, so the remainders spread over the parts.
 * Weights that are not positive numbers count as 0; if none is positive, the parts are equal.
 */
export function splitLength(length: number, weights: readonly number[]): number[] {
  const total = cellCount(length);
  const usable = weights.map((weight) => (Number.isFinite(weight) && weight > 0 ? weight : 0));
  const sum = usable.reduce((a, b) => a + b, 0);
  const shares = sum > 0 ? usable : usable.map(() => 1);
  const shareSum = sum > 0 ? sum : shares.length;
  const parts: number[] = [];
  let cumulative = 0;
  let previous = 0;
  shares.forEach((share, index) => {
    cumulative += share;
    const boundary =
      index === shares.length - 1
        ? total
        : Math.min(total, Math.round((total * cumulative) / shareSum));
    parts.push(Math.max(0, boundary - previous));
    previous = Math.max(previous, boundary);
  });
  return parts;
}

/** Places every pane of `paneNames` in `area` according to the tiling; the map follows `paneNames`' order. */
export function solveTiling(
  tiling: Tiling,
  paneNames: readonly string[],
  area: Rect,
): Map<string, Rect> {
  const names = [...new Set(paneNames)];
  const whole = wholeCells(area);
  const placed = new Map<string, Rect>();
  if (names.length === 0) return placed;
  if (typeof tiling === 'string') placePreset(tiling, names, whole, placed);
  else placeNode(normalizeTree(tiling, names), whole, placed);
  return new Map(
    names.map((name) => [
      name,
      placed.get(name) ?? { x: whole.x, y: whole.y, width: 0, height: 0 },
    ]),
  );
}

/** The tiling `Space` switches to: the presets in turn; a split tree goes back to `tiled`. */
export function nextTiling(current: Tiling): TilingPreset {
  if (typeof current !== 'string') return 'tiled';
  const index = TILING_PRESETS.indexOf(current);
  return TILING_PRESETS[(index + 1) % TILING_PRESETS.length] ?? 'tiled';
}

/** The zoomed layout (`z`): the one pane gets the whole area. */
export function zoomed(name: string, area: Rect): Map<string, Rect> {
  return new Map([[name, wholeCells(area)]]);
}

/**
 * The pane a C-arrow moves the focus to: the nearest pane lying wholly in that direction that
 * overlaps `from` on the other axis (largest overlap, then the top/left-most, breaks ties).
 * Panes of size 0 are never chosen.
 */
export function neighbour(
  rects: ReadonlyMap<string, Rect>,
  from: string,
  direction: Direction,
): string | undefined {
  const origin = rects.get(from);
  if (origin === undefined) return undefined;
  let best: { name: string; distance: number; overlap: number; offset: number } | undefined;
  for (const [name, rect] of rects) {
    if (name === from || rect.width <= 0 || rect.height <= 0) continue;
    const candidate = measure(origin, rect, direction);
    if (candidate === undefined) continue;
    const better =
      best === undefined ||
      candidate.distance < best.distance ||
      (candidate.distance === best.distance && candidate.overlap > best.overlap) ||
      (candidate.distance === best.distance &&
        candidate.overlap === best.overlap &&
        candidate.offset < best.offset);
    if (better) best = { name, ...candidate };
  }
  return best?.name;
}

function measure(
  origin: Rect,
  rect: Rect,
  direction: Direction,
): { distance: number; overlap: number; offset: number } | undefined {
  const horizontal = direction === 'left' || direction === 'right';
  const overlap = horizontal
    ? Math.min(origin.y + origin.height, rect.y + rect.height) - Math.max(origin.y, rect.y)
    : Math.min(origin.x + origin.width, rect.x + rect.width) - Math.max(origin.x, rect.x);
  if (overlap <= 0) return undefined;
  const distance = gap(origin, rect, direction);
  if (distance < 0) return undefined;
  return { distance, overlap, offset: horizontal ? rect.y : rect.x };
}

/** How far `rect` starts beyond `origin`'s edge in `direction`; negative when it is not wholly beyond it. */
function gap(origin: Rect, rect: Rect, direction: Direction): number {
  switch (direction) {
    case 'right':
      return rect.x - (origin.x + origin.width);
    case 'left':
      return origin.x - (rect.x + rect.width);
    case 'down':
      return rect.y - (origin.y + origin.height);
    case 'up':
      return origin.y - (rect.y + rect.height);
  }
}

function cellCount(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

function wholeCells(area: Rect): Rect {
  return {
    x: Math.floor(area.x),
    y: Math.floor(area.y),
    width: cellCount(area.width),
    height: cellCount(area.height),
  };
}

function placePreset(
  preset: TilingPreset,
  names: readonly string[],
  area: Rect,
  out: Map<string, Rect>,
): void {
  switch (preset) {
    case 'tiled':
      return placeGrid(names, area, out);
    case 'columns':
      return placeSplit(
        'columns',
        names,
        names.map(() => 1),
        area,
        out,
      );
    case 'rows':
      return placeSplit(
        'rows',
        names,
        names.map(() => 1),
        area,
        out,
      );
    case 'main-left':
    case 'main-top':
      return placeMain(preset === 'main-left' ? 'columns' : 'rows', names, area, out);
  }
}

/** Near-square grid filled row by row, like tmux's `tiled`; a short last row shares the full width. */
function placeGrid(names: readonly string[], area: Rect, out: Map<string, Rect>): void {
  const columns = Math.ceil(Math.sqrt(names.length));
  const rowCount = Math.ceil(names.length / columns);
  const rows = Array.from({ length: rowCount }, (_, row) =>
    names.slice(row * columns, (row + 1) * columns),
  );
  const rowAreas = cut(
    'rows',
    area,
    splitLength(
      area.height,
      rows.map(() => 1),
    ),
  );
  rows.forEach((rowNames, index) => {
    const rowArea = rowAreas[index];
    if (rowArea !== undefined)
      placeSplit(
        'columns',
        rowNames,
        rowNames.map(() => 1),
        rowArea,
        out,
      );
  });
}

/** The first pane takes the main share; the others split the rest across the other axis. */
function placeMain(
  direction: SplitDirection,
  names: readonly string[],
  area: Rect,
  out: Map<string, Rect>,
): void {
  const [main, ...rest] = names;
  if (main === undefined) return;
  if (rest.length === 0) {
    out.set(main, area);
    return;
  }
  const [mainArea, restArea] = cut(
    direction,
    area,
    splitLength(direction === 'columns' ? area.width : area.height, [MAIN_SHARE, 1 - MAIN_SHARE]),
  );
  if (mainArea === undefined || restArea === undefined) return;
  out.set(main, mainArea);
  placeSplit(
    direction === 'columns' ? 'rows' : 'columns',
    rest,
    rest.map(() => 1),
    restArea,
    out,
  );
}

function placeSplit(
  direction: SplitDirection,
  names: readonly string[],
  weights: readonly number[],
  area: Rect,
  out: Map<string, Rect>,
): void {
  const areas = cut(
    direction,
    area,
    splitLength(direction === 'columns' ? area.width : area.height, weights),
  );
  names.forEach((name, index) => {
    const part = areas[index];
    if (part !== undefined) out.set(name, part);
  });
}

/** Cuts `area` into consecutive strips of the given lengths, side by side (`columns`) or stacked (`rows`). */
function cut(direction: SplitDirection, area: Rect, lengths: readonly number[]): Rect[] {
  let offset = 0;
  return lengths.map((length) => {
    const strip =
      direction === 'columns'
        ? { x: area.x + offset, y: area.y, width: length, height: area.height }
        : { x: area.x, y: area.y + offset, width: area.width, height: length };
    offset += length;
    return strip;
  });
}

/** A split tree reduced to the panes that exist, each once, with the missing panes appended. */
type SolvedNode = {
  readonly split: SplitDirection;
  readonly weights: readonly number[];
  readonly children: readonly (string | SolvedNode)[];
};

/**
 * Keeps the tree's panes that are in `names` (first mention wins; emptied subtrees drop out)
 * and appends the panes the tree does not mention to the root split, each weighted at the mean
 * of the root's remaining weights.
 */
function normalizeTree(tree: SplitTree, names: readonly string[]): SolvedNode {
  const available = new Set(names);
  const pruned = prune(tree, available) ?? { split: tree.split, weights: [], children: [] };
  const missing = names.filter((name) => available.has(name));
  if (missing.length === 0) return pruned;
  const mean =
    pruned.weights.length === 0
      ? 1
      : pruned.weights.reduce((a, b) => a + b, 0) / pruned.weights.length;
  return {
    split: pruned.split,
    weights: [...pruned.weights, ...missing.map(() => mean)],
    children: [...pruned.children, ...missing],
  };
}

/** Removes from `available` every pane it keeps, so that a pane is placed once. */
function prune(tree: SplitTree, available: Set<string>): SolvedNode | undefined {
  const sizes =
    tree.sizes !== undefined && tree.sizes.length === tree.children.length ? tree.sizes : undefined;
  const weights: number[] = [];
  const children: (string | SolvedNode)[] = [];
  tree.children.forEach((child, index) => {
    const kept =
      typeof child === 'string'
        ? available.delete(child)
          ? child
          : undefined
        : prune(child, available);
    if (kept === undefined) return;
    const size = sizes?.[index] ?? 1;
    weights.push(Number.isFinite(size) && size > 0 ? size : 1);
    children.push(kept);
  });
  return children.length === 0 ? undefined : { split: tree.split, weights, children };
}

function placeNode(node: SolvedNode, area: Rect, out: Map<string, Rect>): void {
  const areas = cut(
    node.split,
    area,
    splitLength(node.split === 'columns' ? area.width : area.height, node.weights),
  );
  node.children.forEach((child, index) => {
    const part = areas[index];
    if (part === undefined) return;
    if (typeof child === 'string') out.set(child, part);
    else placeNode(child, part, out);
  });
}
