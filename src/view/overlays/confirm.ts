// A yes/no question (quit while agents work): `y` confirms, any other key cancels.
import type blessed from 'blessed';
import { newBox } from '../blessed-widgets.js';
import { fitCells, stringCells } from '../char-width.js';
import { renderRuns } from '../line-render.js';
import type { KeyPress, Overlay, OverlayHost } from './overlay.js';

export type ConfirmOptions = {
  readonly question: string;
  /** `y` (or `Y`): the dialog closes, then this runs. */
  readonly onConfirm: () => void;
  /** Any other key, Esc included: the dialog closes and nothing else happens. */
  readonly onClose?: () => void;
};

/** The confirm overlay; see `ConfirmOptions`. */
export class ConfirmOverlay implements Overlay {
  private readonly box: blessed.Widgets.BoxElement;

  constructor(
    private readonly host: OverlayHost,
    private readonly options: ConfirmOptions,
  ) {
    this.box = newBox({
      parent: host.screen,
      top: 'center',
      left: 'center',
      width: this.width(),
      height: this.height(),
      border: { type: 'line' },
      style: { border: { fg: 'brightyellow' } },
      tags: false,
      wrap: false,
    });
    this.draw();
  }

  handleKey(key: KeyPress): void {
    this.answer(key.full === 'y' || key.full === 'S-y');
  }

  /** Closes the question, then confirms or cancels (the `confirm-answer y|n` command). */
  answer(yes: boolean): void {
    this.host.close(this);
    if (yes) this.options.onConfirm();
    else this.options.onClose?.();
  }

  draw(): void {
    const width = this.width();
    this.box.width = width;
    this.box.height = this.height();
    const inner = width - 2;
    // The question wraps: cut to one row, "… Quit? y" was lost whenever several agents worked.
    const rows = wrapWords(this.options.question, inner).map((row) => renderRuns([{ text: row, sgr: '\x1b[1m' }], inner));
    rows.push(renderRuns([{ text: 'y yes · any other key no', sgr: '\x1b[90m' }], inner));
    this.box.setContent(rows.join('\n'));
    this.host.requestRender();
  }

  destroy(): void {
    this.box.destroy();
  }

  private width(): number {
    return Math.max(10, Math.min(60, this.host.screen.cols - 4));
  }

  /** The question's rows, the hint row and the border, within the screen. */
  private height(): number {
    const rows = wrapWords(this.options.question, this.width() - 2).length + 3;
    return Math.max(4, Math.min(rows, this.host.screen.rows - 2));
  }
}

/** Splits text into rows of at most `cells` columns at spaces (a word longer than a row is cut). */
export function wrapWords(text: string, cells: number): string[] {
  const room = Math.max(1, cells);
  const rows: string[] = [];
  let row = '';
  for (const word of text.split(' ')) {
    const candidate = row === '' ? word : `${row} ${word}`;
    if (stringCells(candidate) <= room) {
      row = candidate;
      continue;
    }
    if (row !== '') rows.push(row);
    let rest = word;
    while (stringCells(rest) > room) {
      const head = fitCells(rest, room).text;
      if (head === '') break;
      rows.push(head);
      rest = rest.slice(head.length);
    }
    row = rest;
  }
  if (row !== '' || rows.length === 0) rows.push(row);
  return rows;
}
