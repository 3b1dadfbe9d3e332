// Which agents get a pane (DESIGN.md §9 "The run view", last paragraph): every agent a person
// opened keeps its pane; a workflow run's working agents are tiled as they start, as many as fit
// at 60×10 cells, the focused one first; finished ones make room; the focused agent always has
// one, so any agent can be brought back by focusing it. Hidden agents get no pane and no work.
import type { Rect } from './layout-solver.js';

/** The smallest pane a workflow agent is tiled at: as many as fit at this size are shown. */
export const MIN_RUN_PANE = { width: 60, height: 10 } as const;

/** An agent as the choice sees it: opened by a person, or a workflow agent working or finished (`order` counts finishes). */
export type PaneCandidate =
  | { readonly name: string; readonly role: 'own' | 'working' }
  | { readonly name: string; readonly role: 'finished'; readonly order: number };

/** How many panes of at least MIN_RUN_PANE fit in `area` (at least one). */
export function paneCapacity(area: Pick<Rect, 'width' | 'height'>): number {
  const across = Math.floor(Math.max(0, area.width) / MIN_RUN_PANE.width);
  const down = Math.floor(Math.max(0, area.height) / MIN_RUN_PANE.height);
  return Math.max(1, across * down);
}

/**
 * The names to tile, in the candidates' order (so panes do not jump when the focus moves): the
 * focused agent, every `own` agent, then working workflow agents in order while the count is
 * under the capacity, then finished ones in the room left, the last to finish first (so a run
 * that ended still shows its last answers). A finished agent past that is shown only while focused.
 */
export function choosePanes(candidates: readonly PaneCandidate[], focused: string | undefined, area: Pick<Rect, 'width' | 'height'>): string[] {
  const capacity = paneCapacity(area);
  const chosen = new Set<string>();
  if (focused !== undefined && candidates.some((candidate) => candidate.name === focused)) chosen.add(focused);
  for (const candidate of candidates) if (candidate.role === 'own') chosen.add(candidate.name);
  for (const candidate of candidates) {
    if (chosen.size >= capacity) break;
    if (candidate.role === 'working') chosen.add(candidate.name);
  }
  // Sorted only when there is room for them (a 1,000-agent run asks every frame, mostly full).
  if (chosen.size < capacity) {
    const finished = candidates.flatMap((candidate) => (candidate.role === 'finished' ? [candidate] : [])).sort((a, b) => b.order - a.order);
    for (const candidate of finished) {
      if (chosen.size >= capacity) break;
      chosen.add(candidate.name);
    }
  }
  return candidates.filter((candidate) => chosen.has(candidate.name)).map((candidate) => candidate.name);
}
