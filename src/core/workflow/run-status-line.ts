// The status bar's one line about a run (issue 14: `audit · Review 3/8 · 12 done · 1 null ·
// $0.42`), and the run view's durations. Pure text from the tree at a given time.
import { formatSpent } from '../pricing.js';
import { visibleControls } from '../visible-controls.js';
import type { RunTree } from './run-tree.js';

/** A duration in at most six characters: 9s, 1m05s, 2h03m. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** The run in one line: name, current phase resolved/started (or how it ended), counts that matter, cost. */
export function runStatusLine(tree: RunTree, now: number, stallAfterMs: number): string {
  const counts = tree.counts(now, stallAfterMs);
  const parts = [visibleControls(tree.name)];
  const phase = tree.current();
  if (tree.end !== undefined) parts.push(tree.end.status);
  else if (phase !== undefined) parts.push(`${visibleControls(phase.title)} ${phase.done + phase.nulls}/${phase.calls}`);
  parts.push(`${counts.done} done`);
  if (counts.nulls > 0) parts.push(`${counts.nulls} null`);
  if (counts.waiting > 0) parts.push(`${counts.waiting} waiting on you`);
  if (counts.stalled > 0) parts.push(`${counts.stalled} stalled`);
  const spent = tree.spent();
  parts.push(formatSpent(spent.costUsd, spent.unknownCosts));
  return parts.join(' · ');
}
