// The run view as the cockpit runs it (`w`, `:runs`; DESIGN.md §9): the `runs` mode on the stack,
// the overlay over the panes, and what each `run-view ACTION` line does to the selected row —
// move, fold, filter, jump to the next agent waiting on you or stalled, focus its pane, skip,
// accept, nudge its phase, stop its run (after a `y`). Keys reach it only as command lines.
import type { CommandResult } from '../../core/command.js';
import { err, ok, type Result } from '../../core/result.js';
import { visibleControls } from '../../core/visible-controls.js';
import { commandRowFor, hintsOf } from '../../core/key-table.js';
import { agentRowState } from '../../core/workflow/run-agent-node.js';
import { runStatusLine } from '../../core/workflow/run-status-line.js';
import { RUN_FILTERS, RunViewState, type RunFilter, type TreeRow } from '../../core/workflow/run-tree-rows.js';
import { RunViewOverlay, type RunViewModel } from '../../view/overlays/run-view.js';
import type { CockpitApp } from '../cockpit-app.js';
import type { RunTree } from '../../core/workflow/run-tree.js';
import type { RunBoard } from './run-board.js';

/** The command lines the run view's steering keys run on the selected agent (`-t AGENT` appended). */
export type SteeringLine = 'skip' | 'accept' | 'hold-edit' | 'command-prompt hold-send' | 'command-prompt send' | 'command-prompt rename';

/** The moves `run-view move` takes. */
export const RUN_VIEW_MOVES = ['up', 'down', 'page-up', 'page-down', 'top', 'bottom'] as const;
export type RunViewMove = (typeof RUN_VIEW_MOVES)[number];

/** The view's bottom line, generated from the `runs` mode's rows (as the status bar's hints are). */
const HINT = hintsOf('runs');

/** One cockpit's run view: its state survives closing, so folds and the filter stay as left. */
export class RunViewFlow {
  readonly state: RunViewState;
  private open: { readonly overlay: RunViewOverlay; readonly leave: () => void } | undefined;
  private message: Result<string> | undefined;
  private redraw: ReturnType<typeof setImmediate> | undefined;
  private shownStatus: string | undefined;
  /** Runs shown from their record (not run by this cockpit): nothing steers them. */
  private readonly recorded = new Set<string>();

  constructor(
    private readonly app: CockpitApp,
    readonly board: RunBoard,
    private readonly stallAfterMs: number,
    private readonly now: () => number,
  ) {
    this.state = new RunViewState(stallAfterMs);
  }

  /** True while the overlay shows. */
  get isOpen(): boolean {
    return this.open !== undefined;
  }

  /** The status bar's line about the focused run (what the cockpit model shows). */
  /** The word a workflow agent's pane title carries after its name: `stale` when its call saw a since-revised answer. */
  paneMark(agent: string): string | undefined {
    return this.board.isStale(agent) ? 'stale' : undefined;
  }

  statusLine(): string | undefined {
    const line = this.board.statusLine(this.app.controller.panes.focused());
    this.shownStatus = line;
    return line;
  }

  /** A tree changed: redraw the view once (coalesced), and the status line if it reads differently. */
  changed(): void {
    this.refreshStatus();
    if (this.open === undefined || this.redraw !== undefined) return;
    this.redraw = setImmediate(() => {
      this.redraw = undefined;
      this.open?.overlay.draw();
    });
  }

  /** The second ticked while a run is live: counters move. */
  ticked(): void {
    this.refreshStatus();
    this.open?.overlay.draw();
  }

  /** `runs`: opens the view (pushing the `runs` mode). */
  openView(): Result<string> {
    if (this.open !== undefined) return ok('the run view is open');
    const leave = this.app.modes.enter('runs');
    const overlay = this.app.view.open(
      (host) =>
        new RunViewOverlay(host, {
          model: () => this.model(),
          onKey: (key) => {
            const row = commandRowFor('runs', [key.full, key.ch, key.name]);
            // As in normal mode: the row's line runs as typed at `:` (its result in the status bar too).
            if (row !== undefined) this.app.run(row.line);
          },
        }),
    );
    this.open = { overlay, leave };
    this.message = undefined;
    const count = this.board.trees().length;
    return ok(`run view: ${count} run${count === 1 ? '' : 's'}`);
  }

  /** `runs RUN`: opens the view on run `tree` (whole, its run row selected); `recorded` when read from its record. */
  openRun(tree: RunTree, recorded: boolean): Result<string> {
    if (recorded) {
      this.recorded.add(tree.id);
      this.board.addRecorded(tree);
    }
    this.state.reveal(tree);
    const opened = this.openView();
    if (!opened.ok) return opened;
    const how = recorded ? 'from its record' : tree.live ? 'live' : 'ended';
    return ok(`run ${tree.id} (${visibleControls(tree.name)}): ${how}`);
  }

  /** Why the keys that steer agents do nothing to `tree`'s run, if they do not. */
  private steerable(tree: RunTree, what: string): Result<string> {
    if (this.recorded.has(tree.id)) {
      const state = tree.live ? 'is not running in this cockpit' : `finished (${tree.end?.status ?? 'ended'})`;
      return err(`run ${tree.id} ${state}: opened from its record, nothing to ${what}`);
    }
    if (!tree.live) return err(`run ${tree.id} (${visibleControls(tree.name)}) has finished: nothing to ${what}`);
    return ok('');
  }

  /** `run-view close`. */
  close(): Result<string> {
    const open = this.open;
    if (open === undefined) return err('the run view is not open');
    this.open = undefined;
    open.leave();
    this.app.view.close(open.overlay);
    return ok('run view closed');
  }

  /** `run-view move WHERE`. */
  move(where: RunViewMove): Result<string> {
    const rows = this.rows();
    const page = Math.max(1, (this.open?.overlay.height ?? 20) - 1);
    const steps: Readonly<Record<RunViewMove, number>> = { up: -1, down: 1, 'page-up': -page, 'page-down': page, top: -rows.length, bottom: rows.length };
    this.state.move(rows, steps[where]);
    return ok(this.describe(this.state.selected(rows)));
  }

  /** `run-view fold`. */
  fold(): Result<string> {
    return ok(this.state.toggleFold(this.rows()));
  }

  /** `run-view filter [STATE]`: that filter, or the next one. */
  filter(given: RunFilter | undefined): Result<string> {
    this.state.setFilter(given ?? this.state.nextFilter());
    return ok(`filter: ${this.state.filter} (${RUN_FILTERS.join(', ')})`);
  }

  /** `run-view next`. */
  next(): Result<string> {
    const agent = this.state.jumpToNext(this.board.trees(), this.now());
    if (agent === undefined) return ok('no agent waits on you or is stalled');
    return ok(`next: ${agent.name} (${agentRowState(agent, this.now(), this.stallAfterMs)})`);
  }

  /** `run-view focus`: closes the view and focuses the selected agent's pane. */
  focus(): Result<string> {
    const row = this.state.selected(this.rows());
    if (row?.kind !== 'agent') return err('select an agent to focus its pane');
    if (this.recorded.has(row.tree.id) && this.app.controller.find(row.agent.name) === undefined) {
      return err(`${row.agent.name} has no pane here: run ${row.tree.id} was opened from its record (S, Enter on a session opens it)`);
    }
    this.close();
    return this.result(this.app.dispatch(`focus ${row.agent.name}`));
  }

  /** `run-view skip|accept|edit|send-back|send|rename`: the steering (or hold) command on the selected agent. */
  steer(command: SteeringLine): Result<string> {
    const row = this.state.selected(this.rows());
    // A queued call is steered by the name it will start under: `skip` resolves it without starting it.
    if (row?.kind !== 'agent' && row?.kind !== 'queued') return err(`select an agent to ${command.replace(/^command-prompt /u, '')}`);
    const steerable = this.steerable(row.tree, command);
    if (!steerable.ok) return steerable;
    // `e` edits what waits on the person: a held answer, or a queued call's prompt (issue 14).
    const line = command === 'hold-edit' && row.kind === 'queued' ? 'prompt-edit' : command;
    return this.result(this.app.dispatch(`${line} -t ${row.kind === 'agent' ? row.agent.name : row.call.name}`));
  }

  /** `run-view nudge`: the prompt, ready to broadcast to the selected phase (or run). */
  nudge(): Result<string> {
    const row = this.state.selected(this.rows());
    if (row === undefined) return err('no run to nudge');
    const steerable = this.steerable(row.tree, 'nudge');
    if (!steerable.ok) return steerable;
    const phase = row.kind === 'phase' ? row.phase.key : row.kind === 'agent' ? row.agent.phase : row.kind === 'queued' ? row.call.phase : '';
    const target = phase === '' ? `@${row.tree.id}` : `@${row.tree.id}/${phase}`;
    return this.result(this.app.dispatch(`command-prompt broadcast -t ${target}`));
  }

  /** `run-view stop`: `confirm-run-stop RUN` for the selected row's run (it asks `y`, then runs `run-stop RUN`). */
  stop(): Result<string> {
    const row = this.state.selected(this.rows());
    if (row === undefined) return err('no run to stop');
    const steerable = this.steerable(row.tree, 'stop');
    if (!steerable.ok) return steerable;
    return this.result(this.app.dispatch(`confirm-run-stop ${row.tree.id}`));
  }

  /** Shows a `run-view` line's result on the view's bottom line. */
  note(result: Result<string>): void {
    this.message = result;
    this.open?.overlay.draw();
  }

  dispose(): void {
    if (this.redraw !== undefined) clearImmediate(this.redraw);
    this.redraw = undefined;
  }

  private rows(): readonly TreeRow[] {
    return this.state.rows(this.board.trees(), this.now());
  }

  private model(): RunViewModel {
    const rows = this.rows();
    const filter = this.state.filter === 'all' ? '' : `filter: ${this.state.filter} · `;
    const message = this.message;
    const hint = message === undefined ? `${filter}${HINT}` : message.ok ? `${filter}${message.value} · ${HINT}` : message.error;
    return { rows, selected: this.state.selection(rows), now: this.now(), stallAfterMs: this.stallAfterMs, hint, hintIsError: message?.ok === false };
  }

  private result(result: CommandResult): Result<string> {
    if (result.kind === 'error') return err(result.message);
    return ok('message' in result ? result.message : 'done');
  }

  private describe(row: TreeRow | undefined): string {
    if (row === undefined) return 'no rows';
    switch (row.kind) {
      case 'run':
        return runStatusLine(row.tree, this.now(), this.stallAfterMs);
      case 'phase':
        return row.phase.title === '' ? '(no phase)' : row.phase.title;
      case 'agent':
        return row.agent.name;
      case 'log':
        return 'log line';
      case 'queued':
        return `${row.call.name} (queued)`;
      case 'end':
        return `${visibleControls(row.tree.name)}: ${row.end.status}`;
    }
  }

  private refreshStatus(): void {
    const line = this.board.statusLine(this.app.controller.panes.focused());
    if (line !== this.shownStatus) this.app.scheduleUpdate();
  }
}
