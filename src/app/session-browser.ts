// `:sessions` / `S`: the session browser flow. Enter/o opens the selected session in a new pane
// (by id, with the model and system prompt of its journal), R renames, d moves it to the trash (DIR/trash), t shows the trash, where
// r restores. The browser stays open after each action and reports it on its bottom line.
import type { CommandResult } from '../core/command.js';
import type { Controller } from '../core/controller.js';
import type { Result } from '../core/result.js';
import { SessionBrowserOverlay, type SessionBrowserModel } from '../view/overlays/session-browser.js';
import type { KeyPress } from '../view/overlays/overlay.js';
import type { CockpitApp } from './cockpit-app.js';
import { SESSION_HEADER, sessionRows, type SessionRow } from './session-browser-rows.js';

/** What a key asks of the app beyond redrawing. */
export type BrowserOutcome =
  | { readonly kind: 'keep' }
  | { readonly kind: 'close' }
  | { readonly kind: 'open'; readonly sessionId: string }
  | { readonly kind: 'restore'; readonly sessionId: string }
  | { readonly kind: 'focus'; readonly name: string }
  | { readonly kind: 'rename'; readonly row: SessionRow }
  | { readonly kind: 'delete'; readonly row: SessionRow };

/** The browser's state: which list (store or trash), the selection, the last message. */
export class SessionBrowserFlow {
  private trash = false;
  private selected = 0;
  private message: Result<string> | undefined;
  private rows: SessionRow[] = [];

  constructor(
    private readonly controller: Controller,
    private readonly now: () => number,
  ) {
    this.reload();
  }

  model(): SessionBrowserModel {
    const keys = this.trash ? 'r restore · t back to the store · Esc close' : 'Enter/o open in a pane · R rename · d delete (to trash) · t trash · Esc close';
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

  handleKey(key: KeyPress): BrowserOutcome {
    const row = this.rows[this.selected];
    switch (key.full) {
      case 'escape':
      case 'q':
        return { kind: 'close' };
      case 'up':
      case 'k':
        this.selected = Math.max(0, this.selected - 1);
        return { kind: 'keep' };
      case 'down':
      case 'j':
        this.selected = Math.min(Math.max(0, this.rows.length - 1), this.selected + 1);
        return { kind: 'keep' };
      case 't':
        this.trash = !this.trash;
        this.selected = 0;
        this.message = undefined;
        this.reload();
        return { kind: 'keep' };
    }
    if (row === undefined) return { kind: 'keep' };
    if (this.trash) {
      return key.full === 'r' ? { kind: 'restore', sessionId: row.session.id } : { kind: 'keep' };
    }
    switch (key.full) {
      case 'enter':
      case 'o':
        // Open already: say so and focus its pane (openSession refuses another session of its name).
        if (row.open) return { kind: 'focus', name: row.session.name };
        return { kind: 'open', sessionId: row.session.id };
      case 'S-r':
      case 'R':
        return { kind: 'rename', row };
      case 'd':
        if (row.open) {
          this.message = { ok: false, error: `${row.session.name} is open in a pane: close it first (:close -t ${row.session.name})` };
          return { kind: 'keep' };
        }
        return { kind: 'delete', row };
      default:
        return { kind: 'keep' };
    }
  }

  private reload(): void {
    const openIds = new Set(this.controller.allAgents().flatMap((agent) => (agent.session === undefined ? [] : [agent.session.id])));
    const sessions = this.trash ? this.controller.trashedSessions() : this.controller.sessions();
    this.rows = sessionRows(sessions, openIds, this.now());
    this.selected = Math.min(this.selected, Math.max(0, this.rows.length - 1));
  }
}

/** Opens the browser over the panes. */
export function openSessionBrowser(app: CockpitApp): void {
  const flow = new SessionBrowserFlow(app.controller, Date.now);
  const leave = app.modes.enter('sessions');
  const overlay = app.view.open(
    (host) =>
      new SessionBrowserOverlay(host, {
        model: () => flow.model(),
        onKey: (key) => {
          const outcome = flow.handleKey(key);
          switch (outcome.kind) {
            case 'keep':
              return 'keep';
            case 'close':
              leave();
              return 'close';
            case 'open':
              leave();
              app.run(`session-open ${outcome.sessionId}`);
              return 'close';
            case 'focus': {
              leave();
              const focused = app.controller.setFocus(outcome.name);
              app.show(focused.ok ? { ok: true, value: `${outcome.name} is already open: focused its pane` } : focused);
              return 'close';
            }
            case 'restore':
              flow.report(resultOf(app.dispatch(`session-restore ${outcome.sessionId}`)));
              return 'keep';
            case 'rename': {
              const leaveRename = app.modes.enter('session-rename');
              app.view.openTextInput({
                title: `rename session ${outcome.row.session.name} (Enter renames, Esc back)`,
                prefill: outcome.row.session.name,
                onSubmit: (name) => {
                  leaveRename();
                  if (name.trim() !== '' && name.trim() !== outcome.row.session.name) {
                    flow.report(resultOf(app.dispatch(`session-rename ${outcome.row.session.id} ${name.trim()}`)));
                  }
                  overlay.draw();
                },
                onClose: () => {
                  leaveRename();
                  overlay.draw();
                },
              });
              return 'keep';
            }
            case 'delete':
              app.view.openConfirm({
                question: `Move ${outcome.row.session.name} (${outcome.row.session.id}) to the trash? r restores it from the trash view (t).`,
                onConfirm: () => {
                  flow.report(resultOf(app.dispatch(`session-trash ${outcome.row.session.id}`)));
                  overlay.draw();
                },
                onClose: () => overlay.draw(),
              });
              return 'keep';
          }
        },
      }),
  );
}


/** A command's result as the browser's bottom line shows it. */
function resultOf(result: CommandResult): Result<string> {
  if (result.kind === 'error') return { ok: false, error: result.message };
  return { ok: true, value: 'message' in result ? result.message : 'done' };
}
