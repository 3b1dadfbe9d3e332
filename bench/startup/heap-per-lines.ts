// Heap per 100k transcript lines (DESIGN.md §6): a child process loads one session of 100k answer
// lines as the cockpit does and reports the heap kept after a full GC, split into the session
// (journal entries, tree) and the pane transcript (display text, rows).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { z } from 'zod';

const Reply = z.object({ lines: z.number(), rows: z.number(), sessionBytes: z.number(), transcriptBytes: z.number(), totalBytes: z.number() });

/** What one load kept, in MB per 100k lines. */
export type HeapFigures = { readonly rows: number; readonly sessionMb: number; readonly transcriptMb: number; readonly totalMb: number };

const LINES = 100_000;
/** A pane's text width in the 32-pane bench layout (200 columns, tiled). */
const WIDTH = 46;

/** Runs the child `runs` times; each run's figures scaled to 100k lines. */
export function measureHeapPerLines(runs: number): HeapFigures[] {
  const child = join(import.meta.dirname, 'heap-child.ts');
  const figures: HeapFigures[] = [];
  for (let run = 0; run < runs; run++) {
    const done = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', child, String(LINES), String(WIDTH)], { encoding: 'utf8' });
    if (done.status !== 0) throw new Error(`heap child failed (${done.status}): ${done.stderr}`);
    const reply = Reply.parse(JSON.parse(done.stdout.trim().split('\n').at(-1) ?? ''));
    const mb = (bytes: number): number => (bytes / 2 ** 20) * (100_000 / reply.lines);
    figures.push({ rows: reply.rows, sessionMb: mb(reply.sessionBytes), transcriptMb: mb(reply.transcriptBytes), totalMb: mb(reply.totalBytes) });
  }
  return figures;
}
