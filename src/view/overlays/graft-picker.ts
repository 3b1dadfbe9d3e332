// The graft picker (`g`): a list on the left (sources, then a source's turns) and, on the right,
// a live preview of exactly what the graft appends. The app owns the steps; this draws them and
// scrolls the preview (`[` / `]` or the wheel), which starts at the top of each new range.
import type blessed from 'blessed';
import { centredOverlayBox } from './overlay-box.js';
import type { LineStyle, Span } from '../../core/transcript-view.js';
import { wrapToWidth } from '../../core/text-width.js';
import { stringCells } from '../char-width.js';
import { renderRuns, renderSpans, sgrFor } from '../line-render.js';
import type { KeyPress, Overlay, OverlayHost } from './overlay.js';
import { previewWindow } from './preview-window.js';

/** One list row; `marked` rows are inside the chosen range. */
export type GraftPickerRow = { readonly text: string; readonly style?: LineStyle; readonly marked?: boolean };

/** Everything the picker shows at one moment. */
export type GraftPickerModel = {
  readonly title: string;
  readonly rows: readonly GraftPickerRow[];
  readonly selected: number;
  readonly previewTitle: string;
  readonly preview: readonly (readonly Span[])[];
  /** The bottom line: keys, the typed range, or a problem. */
  readonly hint: string;
  readonly hintIsError?: boolean;
};

export type GraftPickerOptions = {
  readonly model: () => GraftPickerModel;
  /** Every key; `close` closes the picker (the app has already acted). */
  readonly onKey: (key: KeyPress) => 'close' | 'keep';
};

/** The graft picker overlay; see `GraftPickerOptions`. */
export class GraftPickerOverlay implements Overlay {
  private readonly box: blessed.Widgets.BoxElement;
  private first = 0;
  /** The preview's first wrapped row shown, and the preview it belongs to (a new range starts at the top). */
  private previewTop = 0;
  private previewOf = '';
  private previewHeight = 1;

  constructor(
    private readonly host: OverlayHost,
    private readonly options: GraftPickerOptions,
  ) {
    this.box = centredOverlayBox(host, '94%');
    this.draw();
  }

  handleKey(key: KeyPress): void {
    if (key.full === '[' || key.full === ']') return this.pagePreview(key.full === '[' ? -1 : 1);
    if (this.options.onKey(key) === 'close') {
      this.host.close(this);
      return;
    }
    this.draw();
  }

  /** Scrolls the preview half its height up or down (`[` / `]`). */
  pagePreview(direction: -1 | 1): void {
    this.scroll(direction * Math.max(1, Math.floor(this.previewHeight / 2)));
  }

  /** Scrolls the preview by `rows` (the wheel, `[` / `]`). */
  scroll(rows: number): void {
    this.previewTop = Math.max(0, this.previewTop + rows);
    this.draw();
  }

  draw(): void {
    const model = this.options.model();
    const width = (typeof this.box.width === 'number' ? this.box.width : this.host.screen.cols) - 2;
    const height = Math.max(1, (typeof this.box.height === 'number' ? this.box.height : this.host.screen.rows) - 4);
    const left = Math.max(10, Math.floor(width * 0.42));
    const right = Math.max(1, width - left - 3);
    if (model.selected < this.first) this.first = model.selected;
    if (model.selected >= this.first + height) this.first = model.selected - height + 1;
    this.first = Math.max(0, Math.min(this.first, Math.max(0, model.rows.length - height)));
    const out = [renderRuns([{ text: model.title, sgr: '\x1b[1m' }], width)];
    const wrapped = model.preview.flatMap((line) => wrapSpans(line, right));
    if (model.previewTitle !== this.previewOf) {
      this.previewOf = model.previewTitle;
      this.previewTop = 0;
    }
    this.previewHeight = height - 1;
    const shown = previewWindow(wrapped, this.previewTop, height - 1);
    this.previewTop = shown.top;
    const preview = shown.rows;
    for (let row = 0; row < height; row++) {
      const index = this.first + row;
      const item = model.rows[index];
      let listCell = '';
      if (item !== undefined) {
        const chosen = index === model.selected;
        const prefix = chosen ? '▶ ' : item.marked === true ? '┃ ' : '  ';
        const sgr = chosen ? '\x1b[7m' : sgrFor(item.style ?? 'plain');
        listCell = renderRuns([{ text: `${prefix}${item.text}`.padEnd(chosen ? left : 0), sgr }], left);
      }
      const previewCell =
        row === 0 ? renderRuns([{ text: model.previewTitle, sgr: '\x1b[1m' }], right) : renderSpans(preview[row - 1] ?? [], right);
      out.push(`${pad(listCell, item === undefined ? 0 : cellsOf(item, index === model.selected, left), left)} │ ${previewCell}`);
    }
    out.push(renderRuns([{ text: model.hint, sgr: model.hintIsError === true ? '\x1b[91m' : '\x1b[90m' }], width));
    this.box.setContent(out.join('\n'));
    this.host.requestRender();
  }

  destroy(): void {
    this.box.destroy();
  }
}

/** Cells a list row takes once cut to `left` (the SGR codes take none). */
function cellsOf(item: GraftPickerRow, chosen: boolean, left: number): number {
  const text = `${chosen || item.marked === true ? '▶ ' : '  '}${item.text}`;
  return chosen ? left : Math.min(left, stringCells(text));
}

/** A preview line cut into rows of at most `width` cells, at words, exactly as a pane wraps it. */
export function wrapSpans(line: readonly Span[], width: number): Span[][] {
  const rows = wrapToWidth(line, Math.max(1, width)).map((row) => [...row.spans]);
  return rows.length === 0 ? [[]] : rows;
}

function pad(rendered: string, cells: number, width: number): string {
  return rendered + ' '.repeat(Math.max(0, width - cells));
}
