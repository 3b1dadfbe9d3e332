// The help overlay, generated from the key table the app passes in (never hand-written)
// plus the commands' usage lines. Scrolls with arrows, pages, Home/End; Esc or q closes.
import blessed from 'blessed';
import { centredOverlayBox } from './overlay-box.js';
import { stringCells } from '../char-width.js';
import { renderRuns } from '../line-render.js';
import { ListWindow } from './list-window.js';
import type { KeyPress, Overlay, OverlayHost } from './overlay.js';

/** One key binding as the help shows it. */
export type HelpRow = { readonly key: string; readonly command: string; readonly note: string };

export type HelpOptions = {
  readonly keys: readonly HelpRow[];
  /** Usage lines of the commands, e.g. "send [-t AGENT] TEXT". */
  readonly usage: readonly string[];
  readonly onClose?: () => void;
};

/** The help text as rows: aligned key table, a blank row, then the usage lines. */
export function helpLines(keys: readonly HelpRow[], usage: readonly string[]): string[] {
  const keyWidth = Math.max(3, ...keys.map((row) => stringCells(row.key)));
  const commandWidth = Math.max(7, ...keys.map((row) => stringCells(row.command)));
  const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - stringCells(text)));
  return [
    'Keys',
    ...keys.map((row) => `  ${pad(row.key, keyWidth)}  ${pad(row.command, commandWidth)}  ${row.note}`),
    '',
    'Commands (: prompt)',
    ...usage.map((line) => `  ${line}`),
  ];
}

/** The help overlay; see `HelpOptions`. */
export class HelpOverlay implements Overlay {
  private readonly lines: readonly string[];
  private readonly window: ListWindow;
  private readonly box: blessed.Widgets.BoxElement;

  constructor(
    private readonly host: OverlayHost,
    private readonly options: HelpOptions,
  ) {
    this.lines = helpLines(options.keys, options.usage);
    this.window = new ListWindow(this.lines.length, false);
    this.box = centredOverlayBox(host);
    this.draw();
  }

  handleKey(key: KeyPress): void {
    if (key.full === 'escape' || key.full === 'q') {
      this.host.close(this);
      this.options.onClose?.();
      return;
    }
    if (this.window.handleKey(key, this.rows())) this.draw();
  }

  /** The mouse wheel scrolls the text. */
  scroll(rows: number): void {
    this.window.scroll(rows, this.rows());
    this.draw();
  }

  draw(): void {
    const width = typeof this.box.width === 'number' ? this.box.width - 2 : this.host.screen.cols;
    const rows = this.rows();
    const { start, end } = this.window.visible(rows);
    const out = this.lines.slice(start, end).map((line) => {
      const heading = line !== '' && !line.startsWith(' ');
      return renderRuns([{ text: line, sgr: heading ? '\x1b[1;96m' : '' }], width);
    });
    while (out.length < rows) out.push('');
    const more = end < this.lines.length ? `↓ ${this.lines.length - end} more · ` : '';
    out.push(renderRuns([{ text: `${more}↑↓ PgUp PgDn scroll · Esc close`, sgr: '\x1b[90m' }], width));
    this.box.setContent(out.join('\n'));
    this.host.requestRender();
  }

  destroy(): void {
    this.box.destroy();
  }

  private rows(): number {
    const height = typeof this.box.height === 'number' ? this.box.height : this.host.screen.rows;
    return Math.max(1, height - 3);
  }
}
