// A centred line of text where the panes would be, for the two screens that otherwise look broken
// (B16): an empty cockpit (blank, with no hint of what to press) and a terminal too small to draw
// panes in (a few border characters that mean nothing). It exists only while shown, so a cockpit
// with panes keeps its fast frames (only panes on screen).
import type blessed from 'blessed';
import { newBox } from './blessed-widgets.js';
import type { Rect } from '../core/layout-solver.js';

/** Below this size panes cannot show a title and a row: the notice replaces them. */
export const MIN_COLUMNS = 30;
export const MIN_ROWS = 8;

/** What an empty cockpit says. */
export const EMPTY_COCKPIT_TEXT = 'no agents open — n opens a new agent · S browses stored sessions · : runs a command · q quits';

/** What to do when panes do not fit (as tmux refuses a split with "no space for new pane"). */
const NO_SPACE_HINT = 'z zooms the focused pane · Tab focuses the next · Space changes the tiling';

/**
 * The text the pane area shows instead of panes, or undefined when panes should be drawn.
 * `hiddenCount` panes got a rect too small to draw (a 5,000-agent layout in 200×50): when that
 * is every pane, the area would otherwise stay blank.
 */
export function noticeFor(
  paneCount: number,
  screen: { readonly cols: number; readonly rows: number },
  hiddenCount = 0,
): string | undefined {
  if (screen.cols < MIN_COLUMNS || screen.rows < MIN_ROWS) {
    return `terminal too small (${screen.cols}×${screen.rows}): agentmux needs ${MIN_COLUMNS}×${MIN_ROWS}`;
  }
  if (paneCount > 0 && hiddenCount >= paneCount) {
    return `no space for ${paneCount} panes in ${screen.cols}×${screen.rows} (each needs 3×3 cells): ${NO_SPACE_HINT}`;
  }
  return paneCount === 0 ? EMPTY_COCKPIT_TEXT : undefined;
}

/** The status-bar note when some panes, not all, are too small to draw; undefined when all fit. */
export function hiddenPanesNote(paneCount: number, hiddenCount: number): string | undefined {
  if (hiddenCount === 0 || hiddenCount >= paneCount) return undefined;
  return `${hiddenCount} of ${paneCount} panes have no space to draw: ${NO_SPACE_HINT}`;
}

/** The notice box inside `parent` (the pane layer), created when shown and destroyed when hidden. */
export class ScreenNotice {
  private box: blessed.Widgets.BoxElement | undefined;
  private text: string | undefined;

  constructor(private readonly parent: blessed.Widgets.BoxElement) {}

  /** True while a notice stands in for the panes. */
  get shown(): boolean {
    return this.text !== undefined;
  }

  /** Shows `text` centred in `area` (wrapped to its width), or hides the notice; true when anything changed. */
  set(text: string | undefined, area: Rect): boolean {
    if (text === undefined) {
      if (this.box === undefined) return false;
      this.box.destroy();
      this.box = undefined;
      this.text = undefined;
      return true;
    }
    const width = Math.max(1, Math.min(area.width, text.length));
    const height = Math.max(1, Math.ceil(text.length / Math.max(1, area.width)) + 1);
    const top = Math.max(0, Math.floor((area.height - height) / 2));
    const left = Math.max(0, Math.floor((area.width - width) / 2));
    if (this.box !== undefined && this.text === text && this.box.width === width && this.box.top === top && this.box.left === left) return false;
    this.box?.destroy();
    this.box = newBox({ parent: this.parent, top, left, width, height, content: text, tags: false, wrap: true });
    this.text = text;
    return true;
  }
}
