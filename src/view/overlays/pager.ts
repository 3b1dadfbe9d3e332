// The one pager overlay: titled sections of text, sanitized, wrapped to the box and scrollable
// (arrows, pages, Home/End, the wheel); Esc, q or ? closes. It shows the help, a tool call in full
// (copy mode's Enter on a tool row), and any command result longer than a line (`list-keys`).
import type blessed from 'blessed';
import { centredOverlayBox } from './overlay-box.js';
import { sanitizePlain } from '../../core/sanitize.js';
import { stringWidth, wrapLogicalLine } from '../../core/text-width.js';
import { fitCells } from '../char-width.js';
import { renderRuns } from '../line-render.js';
import type { Move } from '../../core/list-move.js';
import { ListWindow } from './list-window.js';
import type { KeyPress, Overlay, OverlayHost } from './overlay.js';

/**
 * One titled part of the text (a tool call's input, its output; a mode's keys). `hang` is the
 * column a wrapped line's continuation rows start at (the help's note column), so a narrow
 * terminal still reads as columns (B8); where that leaves too little room, they start at 6.
 */
export type PagerSection = {
  readonly heading: string;
  readonly text: string;
  readonly hang?: number;
};

/** The fewest cells a continuation row keeps for text before `hang` gives way to a small indent. */
const MIN_HANGING_TEXT = 24;
const SMALL_HANG = 6;

export type PagerOptions = {
  readonly title: string;
  readonly sections: readonly PagerSection[];
  readonly onClose?: () => void;
};

type Line = { readonly text: string; readonly heading: boolean };

/** The sections as rows `width` cells wide: a heading row, then the text wrapped (untrusted text sanitized). */
export function pagerLines(sections: readonly PagerSection[], width: number): Line[] {
  const lines: Line[] = [];
  for (const section of sections) {
    if (lines.length > 0) lines.push({ text: '', heading: false });
    if (section.heading !== '') lines.push({ text: section.heading, heading: true });
    const fits = section.hang === undefined || section.hang <= width - MIN_HANGING_TEXT;
    const hang =
      section.hang === undefined
        ? 0
        : fits
          ? section.hang
          : Math.min(SMALL_HANG, Math.floor(width / 4));
    for (const line of sanitizePlain(section.text).split('\n')) {
      // Too narrow for the columns: a long line's left columns get a row, its last column the rows under it.
      const split =
        !fits &&
        section.hang !== undefined &&
        stringWidth(line) > width &&
        line.slice(0, section.hang).trim() !== '';
      const texts =
        split && section.hang !== undefined
          ? [
              line.slice(0, section.hang).trimEnd(),
              `${' '.repeat(hang)}${line.slice(section.hang).trim()}`,
            ]
          : [line];
      for (const text of texts) pushWrapped(lines, text, width, hang);
    }
  }
  return lines;
}

/** One logical line wrapped to `width`, its continuation rows indented by `hang`. */
function pushWrapped(lines: Line[], text: string, width: number, hang: number): void {
  let emitted = false;
  wrapLogicalLine(text, 0, text.length, Math.max(1, width), true, (start, end) => {
    lines.push({ text: text.slice(start, end), heading: false });
    emitted = true;
    const rest = text.slice(end).replace(/^ +/, '');
    if (rest === '') return;
    // Continuation rows: narrower by the hang, and indented by it.
    wrapLogicalLine(rest, 0, rest.length, Math.max(1, width - hang), false, (from, to) =>
      lines.push({ text: `${' '.repeat(hang)}${rest.slice(from, to)}`, heading: false }),
    );
  });
  if (!emitted) lines.push({ text: '', heading: false });
}

/** The overlay; see `PagerOptions`. */
export class PagerOverlay implements Overlay {
  private lines: Line[] = [];
  private window: ListWindow;
  private wrappedAt = -1;
  private readonly box: blessed.Widgets.BoxElement;

  constructor(
    private readonly host: OverlayHost,
    private readonly options: PagerOptions,
  ) {
    this.window = new ListWindow(0, false);
    this.box = centredOverlayBox(host);
    this.draw();
  }

  handleKey(key: KeyPress): void {
    // `?` closes too: a second `?` closes the help it opened (B17).
    if (key.full === 'escape' || key.full === 'q' || key.full === '?') return this.close();
    if (this.window.handleKey(key, this.rows())) this.draw();
  }

  /** Scrolls the text (the `pager-move` command). */
  move(move: Move): void {
    this.window.applyMove(move, this.rows());
    this.draw();
  }

  /** Closes the pager (Esc, q). */
  close(): void {
    this.host.close(this);
    this.options.onClose?.();
  }

  /** The mouse wheel scrolls the text. */
  scroll(rows: number): void {
    this.window.scroll(rows, this.rows());
    this.draw();
  }

  draw(): void {
    const width = this.innerWidth();
    if (width !== this.wrappedAt) {
      // Wrapped once per width: a long output is not re-wrapped per key.
      this.lines = pagerLines(this.options.sections, width);
      this.window = new ListWindow(this.lines.length, false);
      this.wrappedAt = width;
    }
    const rows = this.rows();
    const { start, end } = this.window.visible(rows);
    const out = [renderRuns([{ text: titleIn(this.options.title, width), sgr: '\x1b[1m' }], width)];
    for (const line of this.lines.slice(start, end))
      out.push(renderRuns([{ text: line.text, sgr: line.heading ? '\x1b[1;96m' : '' }], width));
    while (out.length < rows + 1) out.push('');
    const more = end < this.lines.length ? `↓ ${this.lines.length - end} more · ` : '';
    out.push(
      renderRuns([{ text: `${more}↑↓ PgUp PgDn g G scroll · Esc close`, sgr: '\x1b[90m' }], width),
    );
    this.box.setContent(out.join('\n'));
    this.host.requestRender();
  }

  destroy(): void {
    this.box.destroy();
  }

  private innerWidth(): number {
    return typeof this.box.width === 'number'
      ? Math.max(1, this.box.width - 2)
      : this.host.screen.cols;
  }

  /** Rows of text: the box less its border, title and footer. */
  private rows(): number {
    const height = typeof this.box.height === 'number' ? this.box.height : this.host.screen.rows;
    return Math.max(1, height - 4);
  }
}

/** The title in `width` cells, ending in `…` when cut (a cut title read as a whole one). */
function titleIn(title: string, width: number): string {
  return stringWidth(title) <= width ? title : `${fitCells(title, Math.max(0, width - 1)).text}…`;
}
