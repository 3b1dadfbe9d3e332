// The run view overlay (`w`, `:runs`; DESIGN.md §9): the runs' trees over the panes, one row per
// run, phase, agent, log line or end. It formats and draws only the rows in sight, so a run of
// hundreds of agents costs what forty rows cost. The app decides what keys do.
import type blessed from 'blessed';
import type { TreeRow } from '../../core/workflow/run-tree-rows.js';
import { renderRuns, type Run } from '../line-render.js';
import { treeRowRuns } from '../run-view-text.js';
import { centredOverlayBox } from './overlay-box.js';
import type { KeyPress, Overlay, OverlayHost } from './overlay.js';

/** What the run view shows at one moment. */
export type RunViewModel = {
  readonly rows: readonly TreeRow[];
  readonly selected: number;
  readonly now: number;
  readonly stallAfterMs: number;
  /** The filter and key hints, or the last action's result. */
  readonly hint: string;
  readonly hintIsError: boolean;
};

export type RunViewOptions = {
  readonly model: () => RunViewModel;
  /** Every key; the app runs the `runs` mode's row for it. */
  readonly onKey: (key: KeyPress) => void;
};

/** The rows that fit a window `height` rows high, keeping `selected` in sight. */
export function visibleWindow(count: number, selected: number, height: number, first: number): { readonly first: number; readonly end: number } {
  let top = first;
  if (selected < top) top = selected;
  if (selected >= top + height) top = selected - height + 1;
  top = Math.max(0, Math.min(top, Math.max(0, count - height)));
  return { first: top, end: Math.min(count, top + height) };
}

/** The overlay; see the file comment. */
export class RunViewOverlay implements Overlay {
  private readonly box: blessed.Widgets.BoxElement;
  private first = 0;

  constructor(
    private readonly host: OverlayHost,
    private readonly options: RunViewOptions,
  ) {
    this.box = centredOverlayBox(host, '94%');
    this.draw();
  }

  handleKey(key: KeyPress): void {
    this.options.onKey(key);
  }

  /** Rows the list shows at this screen size. */
  get height(): number {
    return Math.max(1, (typeof this.box.height === 'number' ? this.box.height : this.host.screen.rows) - 4);
  }

  draw(): void {
    const model = this.options.model();
    const width = (typeof this.box.width === 'number' ? this.box.width : this.host.screen.cols) - 2;
    const { height } = this;
    const window = visibleWindow(model.rows.length, model.selected, height, this.first);
    this.first = window.first;
    const title: Run = { text: `workflow runs — ${model.rows.length} rows`, sgr: '\x1b[1m' };
    const out = [renderRuns([title], width)];
    for (let index = window.first; index < window.first + height; index++) {
      const row = model.rows[index];
      if (row === undefined) {
        out.push(index === 0 ? '   (no workflow run yet: :run NAME starts one)' : '');
        continue;
      }
      const runs = treeRowRuns(row, model.now, model.stallAfterMs);
      if (index !== model.selected) {
        out.push(renderRuns([{ text: ' ', sgr: '' }, ...runs], width));
        continue;
      }
      const text = runs.map((run) => run.text).join('');
      out.push(renderRuns([{ text: `▶${text}`.padEnd(width), sgr: '\x1b[7m' }], width));
    }
    out.push(renderRuns([{ text: model.hint, sgr: model.hintIsError ? '\x1b[91m' : '\x1b[90m' }], width));
    this.box.setContent(out.join('\n'));
    this.host.requestRender();
  }

  destroy(): void {
    this.box.destroy();
  }
}
