// The one pager overlay: titled sections of text, sanitized, wrapped to the box and scrollable
// (arrows, pages, Home/End, the wheel); Esc or q closes. It shows the help, a tool call in full
// (copy mode's Enter on a tool row), and any command result longer than a line (`list-keys`).
import blessed from 'blessed';
import { centredOverlayBox } from './overlay-box.js';
import { sanitizePlain } from '../../core/sanitize.js';
import { wrapLogicalLine } from '../../core/text-width.js';
import { renderRuns } from '../line-render.js';
import type { Move } from '../../core/list-move.js';
import { ListWindow } from './list-window.js';
import type { KeyPress, Overlay, OverlayHost } from './overlay.js';

/** One titled part of the text (a tool call's input, its output; a mode's keys). */
export type PagerSection = { readonly heading: string; readonly text: string };

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
    for (const text of sanitizePlain(section.text).split('\n')) {
      wrapLogicalLine(text, 0, text.length, Math.max(1, width), false, (start, end) => lines.push({ text: text.slice(start, end), heading: false }));
    }
  }
  return lines;
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
    if (key.full === 'escape' || key.full === 'q') return this.close();
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
    const out = [renderRuns([{ text: this.options.title, sgr: '\x1b[1m' }], width)];
    for (const line of this.lines.slice(start, end)) out.push(renderRuns([{ text: line.text, sgr: line.heading ? '\x1b[1;96m' : '' }], width));
    while (out.length < rows + 1) out.push('');
    const more = end < this.lines.length ? `↓ ${this.lines.length - end} more · ` : '';
    out.push(renderRuns([{ text: `${more}↑↓ PgUp PgDn g G scroll · Esc close`, sgr: '\x1b[90m' }], width));
    this.box.setContent(out.join('\n'));
    this.host.requestRender();
  }

  destroy(): void {
    this.box.destroy();
  }

  private innerWidth(): number {
    return typeof this.box.width === 'number' ? Math.max(1, this.box.width - 2) : this.host.screen.cols;
  }

  /** Rows of text: the box less its border, title and footer. */
  private rows(): number {
    const height = typeof this.box.height === 'number' ? this.box.height : this.host.screen.rows;
    return Math.max(1, height - 4);
  }
}
