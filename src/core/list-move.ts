// A movement in a list, a pager or a transcript, as overlay keys' command lines name it
// (`timeline-move -1`, `pager-move page-down`, `copy-mode-move top`): rows, a page, or an end.

/** One movement: by rows (negative is up), by a page, or to the top or bottom. */
export type Move =
  | { readonly kind: 'rows'; readonly rows: number }
  | { readonly kind: 'page'; readonly pages: -1 | 1 }
  | { readonly kind: 'end'; readonly end: 'top' | 'bottom' };

/** The words a MOVE argument takes, for usage lines and errors. */
export const MOVE_USAGE = 'N|page-up|page-down|top|bottom';

/** Parses a MOVE argument: an integer (rows), `page-up`, `page-down`, `top` or `bottom`. */
export function parseMove(text: string): Move | undefined {
  if (/^[+-]?\d+$/.test(text)) return { kind: 'rows', rows: Number(text) };
  switch (text) {
    case 'page-up':
      return { kind: 'page', pages: -1 };
    case 'page-down':
      return { kind: 'page', pages: 1 };
    case 'top':
      return { kind: 'end', end: 'top' };
    case 'bottom':
      return { kind: 'end', end: 'bottom' };
    default:
      return undefined;
  }
}

/** The rows a move amounts to from `at` in a list of `count` rows, `page` rows a page; clamped to the list. */
export function movedIndex(move: Move, at: number, count: number, page: number): number {
  const last = Math.max(0, count - 1);
  const target = move.kind === 'rows' ? at + move.rows : move.kind === 'page' ? at + move.pages * page : move.end === 'top' ? 0 : last;
  return Math.min(Math.max(0, target), last);
}
