// The run view's rows (DESIGN.md §9): the runs' trees flattened with finished phases folded (a
// person's fold or unfold wins), filtered by agent state, the selection kept on the same row as
// rows come and go, and the jump to the next agent waiting on you or stalled. Pure; the view
// draws only the window of these rows that shows.
import { agentRowState, type AgentRowState, type RunAgentNode } from './run-agent-node.js';
import type { PhaseNode, QueuedCallNode, RunTree, RunTreeEnd } from './run-tree.js';

/** One row of the run view. */
export type TreeRow =
  | { readonly kind: 'run'; readonly key: string; readonly tree: RunTree; readonly folded: boolean }
  | { readonly kind: 'phase'; readonly key: string; readonly tree: RunTree; readonly phase: PhaseNode; readonly folded: boolean }
  | { readonly kind: 'agent'; readonly key: string; readonly tree: RunTree; readonly agent: RunAgentNode }
  | { readonly kind: 'queued'; readonly key: string; readonly tree: RunTree; readonly call: QueuedCallNode }
  | { readonly kind: 'log'; readonly key: string; readonly tree: RunTree; readonly text: string }
  | { readonly kind: 'end'; readonly key: string; readonly tree: RunTree; readonly end: RunTreeEnd };

/** What the filter keeps: every row, or the agents in one state. */
export const RUN_FILTERS = ['all', 'waiting', 'stalled', 'working', 'done', 'null'] as const;
export type RunFilter = (typeof RUN_FILTERS)[number];

/** Parses a filter name from outside (the `run-view filter` argument). */
export function parseRunFilter(text: string): RunFilter | undefined {
  return RUN_FILTERS.find((filter) => filter === text);
}

/** A finished phase: it has agents, all resolved, and the run has moved past it (or ended). */
export function phaseFinished(tree: RunTree, phase: PhaseNode): boolean {
  if (phase.calls === 0 || phase.done + phase.nulls < phase.calls) return false;
  return !tree.live || tree.current()?.key !== phase.key;
}

const phaseRowKey = (tree: RunTree, phase: PhaseNode): string => `phase:${tree.id}/${phase.key}`;

/** The view's state over the runs' trees: folds, filter, selection. */
export class RunViewState {
  filter: RunFilter = 'all';
  private readonly folds = new Map<string, boolean>();
  private selectedKey: string | undefined;
  private selectedIndex = 0;
  private cache: { readonly stamp: string; readonly rows: readonly TreeRow[] } | undefined;
  private version = 0;

  constructor(private readonly stallAfterMs: number) {}

  /** The rows at `now` (recomputed only when a tree, a fold, the filter or — for time-bound filters — the second changed). */
  rows(trees: readonly RunTree[], now: number): readonly TreeRow[] {
    // Rows hold the live nodes, so a change of tokens or state redraws without a rebuild; only a
    // filter by state depends on states (and, for stalled/working, on the second).
    const filtering = this.filter !== 'all';
    const timeBound = this.filter === 'stalled' || this.filter === 'working';
    const stamp = `${this.version}:${trees.map((tree) => `${tree.id}.${tree.version}${filtering ? `.${tree.stateVersion}` : ''}`).join(',')}:${timeBound ? Math.floor(now / 1000) : ''}`;
    if (this.cache?.stamp === stamp) return this.cache.rows;
    const rows = trees.flatMap((tree) => this.treeRows(tree, now));
    this.cache = { stamp, rows };
    return rows;
  }

  /** The selected row's index in `rows` (the same row as before when it is still there). */
  selection(rows: readonly TreeRow[]): number {
    const found = this.selectedKey === undefined ? -1 : rows.findIndex((row) => row.key === this.selectedKey);
    const index = found >= 0 ? found : Math.min(this.selectedIndex, Math.max(0, rows.length - 1));
    this.selectedIndex = index;
    return index;
  }

  /** The selected row, if any. */
  selected(rows: readonly TreeRow[]): TreeRow | undefined {
    return rows[this.selection(rows)];
  }

  /** Moves the selection by `step` rows (clamped). */
  move(rows: readonly TreeRow[], step: number): void {
    const index = Math.min(Math.max(0, this.selection(rows) + step), Math.max(0, rows.length - 1));
    this.select(rows, index);
  }

  /** Folds or unfolds the selected run or phase (an agent's or log's row: its phase, which it then selects). */
  toggleFold(rows: readonly TreeRow[]): string {
    const row = this.selected(rows);
    if (row === undefined) return 'no row';
    if (row.kind === 'run') return this.flip(`run:${row.tree.id}`, row.folded, row.tree.name);
    if (row.kind === 'phase') return this.flip(phaseRowKey(row.tree, row.phase), row.folded, row.phase.title || '(no phase)');
    if (row.kind === 'agent' || row.kind === 'log' || row.kind === 'queued') {
      const agentPhase = row.kind === 'agent' ? row.agent.phase : row.kind === 'queued' ? row.call.phase : undefined;
      const owner = agentPhase === undefined ? this.phaseAbove(rows, row) : row.tree.phases().find((phase) => phase.key === agentPhase);
      if (owner === undefined) return 'no phase';
      this.selectedKey = phaseRowKey(row.tree, owner);
      return this.flip(phaseRowKey(row.tree, owner), false, owner.title || '(no phase)');
    }
    return 'nothing to fold';
  }

  /** Sets the filter; the next `rows` applies it. */
  setFilter(filter: RunFilter): void {
    this.filter = filter;
    this.version += 1;
  }

  /** The filter after the current one, in RUN_FILTERS order. */
  nextFilter(): RunFilter {
    const index = RUN_FILTERS.indexOf(this.filter);
    return RUN_FILTERS[(index + 1) % RUN_FILTERS.length] ?? 'all';
  }

  /**
   * Selects the next agent (after the selection, wrapping) waiting on you or stalled, unfolding
   * its phase and dropping a filter that hides it; undefined when there is none.
   */
  jumpToNext(trees: readonly RunTree[], now: number): RunAgentNode | undefined {
    const all = trees.flatMap((tree) => tree.phases().flatMap((phase) => phase.items.flatMap((item) => (item.kind === 'agent' ? [{ tree, phase, agent: item.agent }] : []))));
    const current = this.selectedKey;
    const start = all.findIndex(({ agent, tree }) => `agent:${tree.id}/${agent.name}` === current);
    for (let step = 1; step <= all.length; step++) {
      const candidate = all[(start + step + all.length) % all.length];
      if (candidate === undefined) continue;
      const state = agentRowState(candidate.agent, now, this.stallAfterMs);
      if (state !== 'waiting' && state !== 'stalled') continue;
      this.folds.set(phaseRowKey(candidate.tree, candidate.phase), false);
      this.folds.set(`run:${candidate.tree.id}`, false);
      if (this.filter !== 'all' && this.filter !== state) this.filter = 'all';
      this.selectedKey = `agent:${candidate.tree.id}/${candidate.agent.name}`;
      this.version += 1;
      return candidate.agent;
    }
    return undefined;
  }

  /** Shows run `tree` whole (it and its phases unfolded) with its run row selected: a run just opened. */
  reveal(tree: RunTree): void {
    this.folds.set(`run:${tree.id}`, false);
    for (const phase of tree.phases()) this.folds.set(phaseRowKey(tree, phase), false);
    this.selectedKey = `run:${tree.id}`;
    this.version += 1;
  }

  private select(rows: readonly TreeRow[], index: number): void {
    this.selectedIndex = index;
    this.selectedKey = rows[index]?.key;
  }

  private flip(key: string, folded: boolean, what: string): string {
    this.folds.set(key, !folded);
    this.version += 1;
    return `${folded ? 'unfolded' : 'folded'} ${what}`;
  }

  private phaseAbove(rows: readonly TreeRow[], row: TreeRow): PhaseNode | undefined {
    for (let index = rows.indexOf(row); index >= 0; index--) {
      const above = rows[index];
      if (above?.kind === 'phase') return above.phase;
    }
    return undefined;
  }

  private treeRows(tree: RunTree, now: number): TreeRow[] {
    const runFolded = this.folds.get(`run:${tree.id}`) ?? false;
    const rows: TreeRow[] = [{ kind: 'run', key: `run:${tree.id}`, tree, folded: runFolded }];
    if (runFolded) return rows;
    const filtering = this.filter !== 'all';
    for (const phase of tree.phases()) {
      const key = phaseRowKey(tree, phase);
      const children = phase.items.flatMap((item, index): TreeRow[] => {
        if (item.kind === 'log') return filtering ? [] : [{ kind: 'log', key: `log:${tree.id}/${phase.key}/${index}`, tree, text: item.text }];
        if (filtering && !this.matches(agentRowState(item.agent, now, this.stallAfterMs))) return [];
        return [{ kind: 'agent', key: `agent:${tree.id}/${item.agent.name}`, tree, agent: item.agent }];
      });
      // Queued calls (no agent yet) follow the phase's agents; a filter by state hides them.
      const queued = filtering ? [] : tree.queuedIn(phase.key).map((call): TreeRow => ({ kind: 'queued', key: `queued:${tree.id}/${call.name}`, tree, call }));
      children.push(...queued);
      if (filtering && children.length === 0) continue;
      if (phase.key === '' && phase.items.length === 0 && queued.length === 0) continue;
      // A filter shows its matches unfolded; otherwise a person's choice, else finished phases fold.
      const folded = !filtering && (this.folds.get(key) ?? phaseFinished(tree, phase));
      rows.push({ kind: 'phase', key, tree, phase, folded });
      if (!folded) rows.push(...children);
    }
    if (tree.end !== undefined) rows.push({ kind: 'end', key: `end:${tree.id}`, tree, end: tree.end });
    return rows;
  }

  private matches(state: AgentRowState): boolean {
    return this.filter === state;
  }
}
