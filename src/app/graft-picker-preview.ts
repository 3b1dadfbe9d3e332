// What the graft picker shows: a source's turns (TURN: first line) and a preview of exactly what
// a graft of FROM..TO appends, laid out as the target pane will show it (thinking dropped).
import { viewBranch, type BranchView } from '../core/branch.js';
import { editableText } from '../core/edit-overlay.js';
import type { Entry } from '../core/entry.js';
import { copyForGraft, selectTurns } from '../core/graft-copy.js';
import { sanitizePlain } from '../core/sanitize.js';
import { markerBlock, messageBlock } from '../core/transcript-entries.js';
import type { Block } from '../core/transcript-rows.js';
import type { Span } from '../core/transcript-view.js';
import type { Result } from '../core/result.js';
import { ok } from '../core/result.js';

/** One row of the turn list: the turn's number and its opening message's first line. */
export type TurnRow = { readonly turn: number; readonly text: string };

/** Turns 1…N of a source, each as "N: first line of the message that opened it". */
export function turnRows(view: BranchView): TurnRow[] {
  const rows: TurnRow[] = [];
  for (let turn = 1; turn <= view.turnCount; turn++) {
    const first = view.turns[turn]?.entries[0];
    const line = first === undefined ? '' : sanitizePlain(editableText(first.entry)).replace(/\s+/g, ' ').trim();
    rows.push({ turn, text: `${String(turn).padStart(3)}: ${line.length > 100 ? `${line.slice(0, 99)}…` : line}` });
  }
  return rows;
}

/** What the target's branch would gain from grafting turns from..to of `source`: display lines. */
export function graftPreview(
  target: { readonly name: string; readonly path: readonly Entry[] },
  source: { readonly name: string; readonly sessionId: string; readonly view: BranchView },
  from: number,
  to: number,
): Result<Span[][]> {
  const selected = selectTurns(source.view, from, to);
  if (!selected.ok) return selected;
  let next = 0;
  const copies = copyForGraft(selected.value, {
    newId: () => `preview-${next++}`,
    parent: target.path[target.path.length - 1]?.id ?? null,
    sourceSession: source.sessionId,
    sourceName: source.name,
    fromTurn: from,
    toTurn: to,
    at: 0,
  });
  const after = viewBranch([...target.path, ...copies]);
  const lines: Span[][] = [];
  for (const item of after.items) {
    if (item.pathIndex < target.path.length) continue;
    const block = item.kind === 'marker' ? markerBlock(item) : messageBlock(item, target.name, lines.length > 0);
    lines.push(...blockLines(block));
  }
  return ok(lines);
}

/** A block's logical lines as styled spans (the view cuts them to its width). */
export function blockLines(block: Block): Span[][] {
  const lines: Span[][] = [[]];
  let start = 0;
  for (const run of block.runs) {
    const parts = block.text.slice(start, run.end).split('\n');
    parts.forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part !== '') lines[lines.length - 1]?.push({ text: part, style: run.style });
    });
    start = run.end;
  }
  return lines;
}
