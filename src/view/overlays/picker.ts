// A scrollable list to choose a row and act on it (the timeline: `r` rewind here, `e` edit,
// `f` fork, Enter the default action). Only the visible rows are drawn.
import type blessed from 'blessed';
import { centredOverlayBox } from './overlay-box.js';
import type { LineStyle } from '../../core/transcript-view.js';
import { renderRuns, sgrFor } from '../line-render.js';
import type { Move } from '../../core/list-move.js';
import { ListWindow } from './list-window.js';
import type { KeyPress, Overlay, OverlayHost } from './overlay.js';

export type PickerRow = { readonly text: string; readonly style?: LineStyle };

/** An action on the selected row, run by typing `key`. */
export type PickerAction = { readonly key: string; readonly label: string };

export type PickerOptions = {
  readonly title: string;
  readonly rows: readonly PickerRow[];
  /** The row selected at first (e.g. the head). */
  readonly selected?: number;
  readonly actions: readonly PickerAction[];
  /** The action Enter runs. */
  readonly defaultAction: string;
  /** The action Enter runs on a given row, when it differs from `defaultAction` (a timeline's branch row). */
  readonly enterActionFor?: (rowIndex: number) => string | undefined;
  /** The picker closes, then this runs with the action's key and the selected row. */
  readonly onAction: (actionKey: string, rowIndex: number) => void;
  readonly onClose?: () => void;
};

/** The picker overlay; see `PickerOptions`. */
export class PickerOverlay implements Overlay {
  private readonly window: ListWindow;
  private readonly box: blessed.Widgets.BoxElement;

  constructor(
    private readonly host: OverlayHost,
    private readonly options: PickerOptions,
  ) {
    this.window = new ListWindow(options.rows.length, true, options.selected ?? 0);
    this.box = centredOverlayBox(host);
    this.draw();
  }

  /** The selected row's index. */
  get selected(): number {
    return this.window.selected;
  }

  handleKey(key: KeyPress): void {
    // q closes too, as in every list overlay (B17), unless the picker gives q an action.
    if (key.full === 'escape' || (key.full === 'q' && this.actionFor(key) === undefined)) return this.close();
    if (key.full === 'enter') {
      this.act('enter');
      return;
    }
    const action = this.actionFor(key);
    if (action !== undefined && this.act(action)) return;
    if (this.window.handleKey(key, this.rows())) this.draw();
  }

  /** Moves the selection (the `timeline-move` command). */
  move(move: Move): void {
    this.window.applyMove(move, this.rows());
    this.draw();
  }

  /** Runs an action on the selected row (`enter`: Enter's action for it); closes first. False when the list is empty or the action unknown. */
  act(actionKey: string): boolean {
    const action = actionKey === 'enter' ? (this.options.enterActionFor?.(this.window.selected) ?? this.options.defaultAction) : actionKey;
    if (this.options.rows.length === 0 || !this.options.actions.some((known) => known.key === action)) return false;
    const row = this.window.selected;
    this.host.close(this);
    this.options.onAction(action, row);
    return true;
  }

  /** Closes without acting (Esc). */
  close(): void {
    this.host.close(this);
    this.options.onClose?.();
  }

  draw(): void {
    const width = typeof this.box.width === 'number' ? this.box.width - 2 : this.host.screen.cols;
    const rows = this.rows();
    const { start, end } = this.window.visible(rows);
    const out = [renderRuns([{ text: this.options.title, sgr: '\x1b[1m' }], width)];
    for (let index = start; index < end; index++) {
      const row = this.options.rows[index];
      if (row === undefined) continue;
      const chosen = index === this.window.selected;
      const text = `${chosen ? '▶ ' : '  '}${row.text}`.padEnd(chosen ? width : 0);
      const sgr = chosen ? '\x1b[7m' : sgrFor(row.style ?? 'plain');
      out.push(renderRuns([{ text, sgr }], width));
    }
    while (out.length < rows + 1) out.push('');
    out.push(renderRuns([{ text: this.footer(), sgr: '\x1b[90m' }], width));
    this.box.setContent(out.join('\n'));
    this.host.requestRender();
  }

  destroy(): void {
    this.box.destroy();
  }

  private actionFor(key: KeyPress): string | undefined {
    return this.options.actions.find((action) => action.key === key.full)?.key;
  }

  /** The keys of the picker; a list without actions (the session list) only closes. */
  private footer(): string {
    const parts = this.options.actions.map((action) => `${action.key} ${action.label}`);
    const enter = this.options.actions.find((action) => action.key === this.options.defaultAction)?.label ?? this.options.defaultAction;
    parts.push(enter === '' ? 'Enter/Esc close' : `Enter ${enter}`);
    if (enter !== '') parts.push('Esc close');
    return parts.join(' · ');
  }

  /** Rows of the list: the box less its border, title and footer. */
  private rows(): number {
    const height = typeof this.box.height === 'number' ? this.box.height : this.host.screen.rows;
    return Math.max(1, height - 4);
  }
}
