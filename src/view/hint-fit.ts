// The key-hint line when the screen is too narrow for all of it: whole hints are dropped from
// the middle, never the last ones (`? help · q quit`), so a newcomer at 80 columns still sees
// how to get help and leave (B8: the cut line dropped exactly those).
import { fitCells, stringCells } from './char-width.js';

const SEPARATOR = ' · ';
const GAP = ' · … · ';
/** How many hints at the end are kept: two when they fit (`? help · q quit`), else the last. */
const KEPT_AT_END = [2, 1];

/** `hints` (joined by ` · `) in `cells` cells: leading hints as fit, `…`, then the last ones. */
export function fitHints(hints: string, cells: number): string {
  if (stringCells(hints) <= cells) return hints;
  const items = hints.split(SEPARATOR);
  for (const kept of KEPT_AT_END) {
    const tail = items.slice(-kept).join(SEPARATOR);
    if (items.length <= kept || stringCells(tail) + stringCells(GAP) > cells) continue;
    const room = cells - stringCells(tail) - stringCells(GAP);
    const head: string[] = [];
    for (const item of items.slice(0, -kept)) {
      if (stringCells([...head, item].join(SEPARATOR)) > room) break;
      head.push(item);
    }
    return head.length === 0 ? `… · ${tail}` : `${head.join(SEPARATOR)}${GAP}${tail}`;
  }
  return cut(hints, cells);
}

function cut(text: string, cells: number): string {
  return `${fitCells(text, Math.max(0, cells - 1)).text}…`;
}

/**
 * Hints that must keep their first `first` items too (the composer's `Enter send · C-j newline`):
 * one row when they fit, else those items on a row of their own and the rest fitted below.
 */
export function hintRows(hints: string, cells: number, first: number): string[] {
  if (stringCells(hints) <= cells) return [hints];
  const items = hints.split(SEPARATOR);
  if (items.length <= first) return [fitHints(hints, cells)];
  return [fitHints(items.slice(0, first).join(SEPARATOR), cells), fitHints(items.slice(first).join(SEPARATOR), cells)];
}
