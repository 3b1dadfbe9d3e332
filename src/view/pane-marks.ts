// What copy mode and search draw over a pane's rows: the cursor row, the selected rows and the
// search matches — applied to the visible rows only, as extra SGR on their runs.
import { matchesIn } from '../core/transcript-search.js';
import type { DisplayLine } from '../core/transcript-view.js';
import { renderRuns, sgrFor, type Run } from './line-render.js';

/** Marks on a pane: a title label (`[copy]`), a cursor row, a selection and a search pattern. */
export type PaneMarks = {
  readonly label?: string;
  /** Absolute row (at the pane's width) of copy mode's cursor; while set, the pane does not follow the stream. */
  readonly cursor?: number;
  readonly selection?: { readonly from: number; readonly to: number };
  readonly highlight?: RegExp;
  /** The search's current match: its absolute row, the column (in the row's text) it starts at, its length. */
  readonly current?: CurrentMatch;
};

/** Where the current search match starts; it is drawn unlike the other matches. */
export type CurrentMatch = { readonly row: number; readonly column: number; readonly length: number };

export const CURSOR_SGR = '\x1b[7m';
export const SELECTION_SGR = '\x1b[44m';
export const MATCH_SGR = '\x1b[30;103m';
export const CURRENT_MATCH_SGR = '\x1b[1;7m';

/** The visible rows (the first is absolute row `firstRow`), one content string per row, with the marks drawn. */
export function markedLineRows(lines: readonly DisplayLine[], width: number, firstRow: number, marks: PaneMarks): string[] {
  return lines.map((line, index) => renderMarkedLine(line, width, firstRow + index, marks));
}

function renderMarkedLine(line: DisplayLine, width: number, row: number, marks: PaneMarks): string {
  let runs: Run[] = line.spans.map((span) => ({ text: span.text, sgr: sgrFor(span.style, span.colours) }));
  if (marks.highlight !== undefined) runs = highlightMatches(runs, marks.highlight, marks.current?.row === row ? marks.current : undefined);
  const selected = marks.selection !== undefined && row >= Math.min(marks.selection.from, marks.selection.to) && row <= Math.max(marks.selection.from, marks.selection.to);
  const rowSgr = row === marks.cursor ? CURSOR_SGR : selected ? SELECTION_SGR : '';
  if (rowSgr === '') return renderRuns(runs, width);
  const padded = [...runs, { text: ' '.repeat(Math.max(0, width - line.cells)), sgr: '' }];
  return renderRuns(
    padded.map((run) => ({ text: run.text, sgr: rowSgr + run.sgr })),
    width,
  );
}

/** Splits runs at the pattern's matches in the row's text; matched pieces take MATCH_SGR, the current match CURRENT_MATCH_SGR. */
function highlightMatches(runs: readonly Run[], pattern: RegExp, current: CurrentMatch | undefined): Run[] {
  const text = runs.map((run) => run.text).join('');
  const matches = matchesIn(text, pattern);
  if (matches.length === 0 && current === undefined) return [...runs];
  const marked = new Uint8Array(text.length);
  for (const [offset, length] of matches) marked.fill(1, offset, offset + length);
  if (current !== undefined) marked.fill(2, Math.max(0, current.column), Math.max(0, current.column + current.length));
  const out: Run[] = [];
  let at = 0;
  for (const run of runs) {
    let pieceStart = 0;
    for (let i = 1; i <= run.text.length; i++) {
      if (i < run.text.length && marked[at + i] === marked[at + pieceStart]) continue;
      const piece = run.text.slice(pieceStart, i);
      const mark = marked[at + pieceStart];
      out.push({ text: piece, sgr: mark === 2 ? CURRENT_MATCH_SGR : mark === 1 ? MATCH_SGR : run.sgr });
      pieceStart = i;
    }
    at += run.text.length;
  }
  return out;
}
