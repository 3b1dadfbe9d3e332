// A finished run's tree from its record (issue 14: the session browser opens a run, a headless
// one too, in the run view): every record line applied in order, each at the time its `at` field
// names, so durations and the run's elapsed time read as they happened. Pure.
import type { RunRecordLine } from './run-record.js';
import { RunTree } from './run-tree.js';

/** Milliseconds of a line's `at`; a line whose `at` does not parse keeps the time before it. */
function timeOf(line: RunRecordLine, before: number): number {
  const parsed = Date.parse(line.at);
  return Number.isNaN(parsed) ? before : parsed;
}

/** The tree of run `runId` as its record lines build it (agents' models are not recorded: ''). */
export function runTreeFromRecord(runId: string, lines: readonly RunRecordLine[]): RunTree {
  const first = lines[0];
  let now = first === undefined ? 0 : timeOf(first, 0);
  const tree = new RunTree(runId, first?.type === 'meta' ? first.name : runId, now);
  for (const line of lines) {
    now = timeOf(line, now);
    tree.applyRecord(line, now);
  }
  return tree;
}

/** The lines a run had before its latest continue (its `continued` line and what followed left out): a continue's starting tree. */
export function linesBeforeContinue(lines: readonly RunRecordLine[]): readonly RunRecordLine[] {
  const at = lines.findLastIndex((line) => line.type === 'continued');
  return at < 0 ? lines : lines.slice(0, at);
}
