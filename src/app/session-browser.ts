// `:sessions` / `S`: the session browser flow. Enter/o opens the selected session in a new pane
// (by id, with the model and system prompt of its journal), R renames, d moves it to the trash (DIR/trash), t shows the trash, where
// r restores. Workflow sessions are listed under their run (DESIGN.md §9 Naming): Space unfolds
// and folds a run, → unfolds it, ← folds it, Enter/o on a run opens its record. The browser stays open after
// each action and reports it on its bottom line.
import type { CommandResult } from '../core/command.js';
import type { Controller } from '../core/controller.js';
import { movedIndex, type Move } from '../core/list-move.js';
import type { Result } from '../core/result.js';
import { SessionBrowserOverlay, type SessionBrowserModel } from '../view/overlays/session-browser.js';
import type { CockpitApp } from './cockpit-app.js';
import type { SessionAction } from './mode-handle.js';
import { SESSION_HEADER, sessionRows, type SessionRow } from './session-browser-rows.js';
import { browserRows, type BrowserRow } from './session-browser-groups.js';
import type { RunSummary } from '../core/workflow/run-summary.js';
import { listRuns } from '../adapters/workflow/run-record-list.js';
import { openRunRecord } from './workflow/run-record-opener.js';

/** What a key asks of the app beyond redrawing. */
export type BrowserOutcome =
  | { readonly kind: 'keep' }
  /** Refused, and said so on the browser's bottom line (the action's result for ctl). */
  | { readonly kind: 'refused'; readonly error: string }
  | { readonly kind: 'close' }
  | { readonly kind: 'open'; readonly sessionId: string }
  | { readonly kind: 'open-run'; readonly runId: string }
  | { readonly kind: 'restore'; readonly sessionId: string }
  | { readonly kind: 'focus'; readonly name: string }
  | { readonly kind: 'rename'; readonly row: SessionRow }
  | { readonly kind: 'delete'; readonly row: SessionRow };

/** The browser's state: which list (store or trash), the selection, the last message. */
export class SessionBrowserFlow {
  private trash = false;
  private selected = 0;
  private message: Result<string> | undefined;
  private rows: BrowserRow[] = [];
  private readonly unfolded = new Set<string>();

  constructor(
    private readonly controller: Controller,
    private readonly now: () => number,
    /** The store's runs (DIR/runs); none for a cockpit without a store on disk. */
    private readonly runs: () => readonly RunSummary[] = () => [],
  ) {
    this.reload();
  }

  model(): SessionBrowserModel {
    const onRun = this.rows[this.selected]?.kind === 'run';
    const keys = this.trash
      ? 'r restore · t back to the store · Esc close'
      : onRun
        ? 'Enter/o open in the run view · Space/→ show its agents · ← fold · t trash · Esc close'
        : 'Enter/o open in a pane · R rename · d delete (to trash) · ← fold its run · t trash · Esc close';
    const where = this.trash ? 'trash' : 'sessions in the store';
    return {
      // The trash holds no open session: its title has no ● legend (B10).
      title: this.trash ? `${where} (${this.rows.length})` : `${where} (${this.rows.length}) — ● open in a pane`,
      header: SESSION_HEADER,
      rows: this.rows.map((row) => row.text),
      selected: this.selected,
      hint: this.message === undefined ? keys : this.message.ok ? `${this.message.value} · ${keys}` : this.message.error,
      hintIsError: this.message?.ok === false,
    };
  }

  /** Shows the result of an action on the bottom line and re-reads the lists. */
  report(result: Result<string>): void {
    this.message = result;
    this.reload();
  }

  /** `session-browser-move MOVE`. */
  move(move: Move): void {
    this.selected = movedIndex(move, this.selected, this.rows.length, 10);
  }

  /** `session-browser-do ACTION` on the selected row: what the app must do next. */
  act(action: SessionAction): BrowserOutcome {
    const row = this.rows[this.selected];
    if (action === 'close') return { kind: 'close' };
    if (action === 'trash-view') {
      this.trash = !this.trash;
      this.selected = 0;
      this.message = undefined;
      this.reload();
      return { kind: 'keep' };
    }
    if (row === undefined) return { kind: 'keep' };
    if (this.trash) return action === 'restore' && row.kind === 'session' ? { kind: 'restore', sessionId: row.session.id } : { kind: 'keep' };
    if (row.kind === 'run') return this.runAction(action, row.run.id, row.folded);
    switch (action) {
      case 'toggle':
      case 'unfold':
        return { kind: 'keep' };
      case 'fold':
        if (row.session.run !== undefined) this.fold(row.session.run);
        return { kind: 'keep' };
      case 'open':
        // Open already: say so and focus its pane (openSession refuses another session of its name).
        if (row.open) return { kind: 'focus', name: row.session.name };
        return { kind: 'open', sessionId: row.session.id };
      case 'rename':
        return { kind: 'rename', row };
      case 'trash':
        if (row.open) {
          return this.refuse(`${row.session.name} is open in a pane: close it first (:close -t ${row.session.name})`);
        }
        return { kind: 'delete', row };
      case 'restore':
        return this.refuse('r restores a session from the trash: t shows the trash');
    }
  }

  // Says why an action is refused on the bottom line, and returns the refusal.
  private refuse(error: string): BrowserOutcome {
    this.message = { ok: false, error };
    return { kind: 'refused', error };
  }

  // On a run's row: open its record, unfold it (Space again folds), fold it; a run is kept whole.
  private runAction(action: SessionAction, runId: string, folded: boolean): BrowserOutcome {
    switch (action) {
      case 'open':
        return { kind: 'open-run', runId };
      case 'toggle':
        if (folded) this.unfolded.add(runId);
        else this.unfolded.delete(runId);
        this.reload();
        return { kind: 'keep' };
      case 'unfold':
        // → lists the agents; on an unfolded run it leaves them listed (only Space folds back).
        this.unfolded.add(runId);
        this.reload();
        return { kind: 'keep' };
      case 'fold':
        this.fold(runId);
        return { kind: 'keep' };
      case 'rename':
      case 'trash':
        return this.refuse('a run is kept whole: rename or delete its agents’ sessions (Space shows them)');
      case 'restore':
      case 'close':
      case 'trash-view':
        return { kind: 'keep' };
    }
  }

  // Folds a run and moves the selection to its row.
  private fold(runId: string): void {
    this.unfolded.delete(runId);
    this.reload();
    const at = this.rows.findIndex((row) => row.kind === 'run' && row.run.id === runId);
    if (at >= 0) this.selected = at;
  }

  private reload(): void {
    const openIds = new Set(this.controller.allAgents().flatMap((agent) => (agent.kind === 'sdk' ? [agent.session.id] : [])));
    const now = this.now();
    this.rows = this.trash
      ? sessionRows(this.controller.storedSessions.trashed(), openIds, now).map((row): BrowserRow => ({ kind: 'session', ...row }))
      : browserRows({ sessions: this.controller.storedSessions.list(), runs: this.runs(), openIds, unfolded: this.unfolded, now });
    this.selected = Math.min(this.selected, Math.max(0, this.rows.length - 1));
  }
}

/** Opens the browser over the panes. */
export function openSessionBrowser(app: CockpitApp): void {
  const { storeDir } = app;
  const flow = new SessionBrowserFlow(app.controller, () => app.controller.clock(), () => (storeDir === undefined ? [] : listRuns(storeDir)));
  const overlay = app.view.open((host) => new SessionBrowserOverlay(host, { model: () => flow.model(), onKey: () => 'keep' }));
  // A session command's result goes on the browser's bottom line, and is the action's result (ctl).
  const report = (result: CommandResult): void => {
    app.inner.record(result);
    flow.report(resultOf(result));
  };
  const follow = (outcome: BrowserOutcome): void => {
    switch (outcome.kind) {
      case 'keep':
        return overlay.draw();
      case 'refused':
        app.inner.record({ kind: 'error', code: 'failed', message: outcome.error });
        return overlay.draw();
      case 'close':
        leave();
        return app.view.close(overlay);
      case 'open':
        leave();
        app.view.close(overlay);
        return app.run(`session-open ${outcome.sessionId}`);
      case 'open-run': {
        if (storeDir === undefined) return overlay.draw();
        leave();
        app.view.close(overlay);
        return app.show(openRunRecord(app, storeDir, outcome.runId));
      }
      case 'focus': {
        leave();
        app.view.close(overlay);
        const focused = app.controller.panes.focus(outcome.name);
        return app.show(focused.ok ? { ok: true, value: `${outcome.name} is already open: focused its pane` } : focused);
      }
      case 'restore':
        report(app.dispatch(`session-restore ${outcome.sessionId}`));
        return overlay.draw();
      case 'rename': {
        const leaveRename = app.modes.enter('session-rename');
        app.view.openTextInput({
          title: `rename session ${outcome.row.session.name} (Enter renames, Esc back)`,
          prefill: outcome.row.session.name,
          onSubmit: (name) => {
            leaveRename();
            if (name.trim() !== '' && name.trim() !== outcome.row.session.name) {
              report(app.dispatch(`session-rename ${outcome.row.session.id} ${name.trim()}`));
            }
            overlay.draw();
          },
          onClose: () => {
            leaveRename();
            overlay.draw();
          },
        });
        return;
      }
      case 'delete': {
        const confirm = app.view.openConfirm({
          question: `Move ${outcome.row.session.name} (${outcome.row.session.id}) to the trash? r restores it from the trash view (t).`,
          onConfirm: () => {
            leaveConfirm();
            report(app.dispatch(`session-trash ${outcome.row.session.id}`));
            overlay.draw();
          },
          onClose: () => {
            leaveConfirm();
            overlay.draw();
          },
        });
        const leaveConfirm = app.modes.enter('confirm', { kind: 'confirm', answer: (yes) => confirm.answer(yes) });
        return;
      }
    }
  };
  const leave = app.modes.enter('sessions', {
    kind: 'sessions',
    move: (move) => {
      flow.move(move);
      overlay.draw();
    },
    act: (action) => follow(flow.act(action)),
  });
}

/** A command's result as the browser's bottom line shows it. */
function resultOf(result: CommandResult): Result<string> {
  if (result.kind === 'error') return { ok: false, error: result.message };
  return { ok: true, value: 'message' in result ? result.message : 'done' };
}
