// What one pane looks like on screen — border, title, body rows, the "more" marker — kept as
// content strings and painted into blessed's buffer by ScreenCanvas: only the rows that changed
// since the last paint, everything after blessed redrew the screen (`force`).
import type { Rect } from '../core/layout-solver.js';
import type { ScreenCanvas } from './screen-canvas.js';

/** A one-row label painted over the pane's border: its content (with SGR) and the cells it takes. */
export type BorderLabel = { readonly content: string; readonly cells: number };

const NONE: BorderLabel = { content: '', cells: 0 };

/** True when a rect is too small to hold a border around anything. */
export function isHiddenRect(rect: Rect): boolean {
  return rect.width < 3 || rect.height < 3;
}

/** The drawn state of one pane; PaneView and PtyPaneView fill it, CockpitView paints it. */
export class PaneSurface {
  private rect: Rect = { x: 0, y: 0, width: 0, height: 0 };
  private borderSgr = '';
  private title = NONE;
  private more = NONE;
  private rows: readonly string[] = [];
  /** The rows as last painted (index = body row); cleared when the border or the rect changes. */
  private painted: string[] = [];
  private chromeDirty = true;

  /** Where the pane is; a rect smaller than 3×3 is not painted. */
  setRect(rect: Rect): void {
    const old = this.rect;
    if (old.x === rect.x && old.y === rect.y && old.width === rect.width && old.height === rect.height) return;
    this.rect = rect;
    this.invalidate();
  }

  /** The border's look as an SGR sequence (e.g. `\x1b[90m`). */
  setBorder(sgr: string): void {
    if (sgr === this.borderSgr) return;
    this.borderSgr = sgr;
    this.chromeDirty = true;
  }

  /** The title in the top border, from the second column. */
  setTitle(label: BorderLabel): void {
    if (label.content === this.title.content && label.cells === this.title.cells) return;
    this.title = label;
    this.chromeDirty = true;
  }

  /** The marker in the bottom border, right-aligned ('' for none). */
  setMore(label: BorderLabel): void {
    if (label.content === this.more.content && label.cells === this.more.cells) return;
    this.more = label;
    this.chromeDirty = true;
  }

  /** The body: one content string per visible row (fewer rows leave the rest blank). */
  setRows(rows: readonly string[]): void {
    this.rows = rows;
  }

  /** Everything is painted again on the next paint. */
  invalidate(): void {
    this.painted = [];
    this.chromeDirty = true;
  }

  /** Paints what changed since the last paint; with `force` (blessed just redrew the screen), all of it. */
  paint(canvas: ScreenCanvas, force: boolean): void {
    const rect = this.rect;
    if (isHiddenRect(rect)) return;
    if (force) this.invalidate();
    const width = rect.width - 2;
    const height = rect.height - 2;
    if (this.chromeDirty) {
      canvas.border(rect, canvas.attr(this.borderSgr));
      if (this.title.cells > 0) canvas.paintRow(rect.x + 1, rect.y, Math.min(this.title.cells, rect.width - 2), this.title.content);
      if (this.more.cells > 0 && this.more.cells <= width) {
        canvas.paintRow(rect.x + rect.width - 1 - this.more.cells, rect.y + rect.height - 1, this.more.cells, this.more.content);
      }
      this.chromeDirty = false;
    }
    for (let row = 0; row < height; row++) {
      const content = this.rows[row] ?? '';
      if (this.painted[row] === content) continue;
      canvas.paintRow(rect.x + 1, rect.y + 1 + row, width, content);
      this.painted[row] = content;
    }
  }
}
