// A multi-line editor over the panes: the fallback for `edit` when neither $VISUAL nor
// $EDITOR is set. C-s saves, Esc cancels. The line under the cursor edits like the prompt.
import blessed from 'blessed';
import { renderRuns } from '../line-render.js';
import { displayChars, LineEditor } from './line-editor.js';
import type { KeyPress, Overlay, OverlayHost } from './overlay.js';

export type TextAreaOptions = {
  readonly title: string;
  readonly text: string;
  /** C-s: the editor closes, then this runs with the whole text. */
  readonly onSave: (text: string) => void;
  /** Esc: the editor closes and nothing is saved. */
  readonly onClose?: () => void;
};

/** The multi-line editor overlay; see `TextAreaOptions`. */
export class TextAreaOverlay implements Overlay {
  readonly editsText = true;
  private readonly lines: string[];
  private row: number;
  private top = 0;
  private readonly current: LineEditor;
  private readonly box: blessed.Widgets.BoxElement;

  constructor(
    private readonly host: OverlayHost,
    private readonly options: TextAreaOptions,
  ) {
    this.lines = options.text.split('\n');
    this.row = this.lines.length - 1;
    this.current = new LineEditor(this.lines[this.row] ?? '');
    this.box = blessed.box({
      parent: host.screen,
      top: 'center',
      left: 'center',
      width: '90%',
      height: '80%',
      border: { type: 'line' },
      style: { border: { fg: 'brightcyan' } },
      tags: false,
      wrap: false,
    });
    this.draw();
  }

  /** The whole text as edited so far. */
  get text(): string {
    this.lines[this.row] = this.current.text;
    return this.lines.join('\n');
  }

  handleKey(key: KeyPress): void {
    switch (key.full) {
      case 'escape':
        this.host.close(this);
        this.options.onClose?.();
        return;
      case 'C-s': {
        const text = this.text;
        this.host.close(this);
        this.options.onSave(text);
        return;
      }
      case 'enter':
        this.splitLine();
        break;
      case 'up':
        this.moveRow(-1, this.current.cursor);
        break;
      case 'down':
        this.moveRow(1, this.current.cursor);
        break;
      case 'pageup':
        this.moveRow(-this.pageRows(), this.current.cursor);
        break;
      case 'pagedown':
        this.moveRow(this.pageRows(), this.current.cursor);
        break;
      case 'backspace':
        if (this.current.cursor === 0 && this.row > 0) this.joinWithPrevious();
        else this.current.handleKey(key);
        break;
      case 'delete':
        if (this.current.cursor === this.current.text.length && this.row < this.lines.length - 1) {
          this.joinNext();
        } else {
          this.current.handleKey(key);
        }
        break;
      default:
        if (!this.current.handleKey(key)) return;
    }
    this.draw();
  }

  draw(): void {
    const inner = Math.max(1, this.host.screen.cols - 2);
    const width = typeof this.box.width === 'number' ? this.box.width - 2 : inner;
    const rows = this.pageRows();
    if (this.row < this.top) this.top = this.row;
    if (this.row >= this.top + rows) this.top = this.row - rows + 1;
    const out = [renderRuns([{ text: this.options.title, sgr: '\x1b[1m' }], width)];
    for (let index = this.top; index < Math.min(this.lines.length, this.top + rows); index++) {
      out.push(index === this.row ? this.current.render('', width) : renderRuns([{ text: displayChars(Array.from(this.lines[index] ?? '')).join(''), sgr: '' }], width));
    }
    while (out.length < rows + 1) out.push('');
    out.push(renderRuns([{ text: 'C-s save · Esc cancel', sgr: '\x1b[90m' }], width));
    this.box.setContent(out.join('\n'));
    this.host.requestRender();
  }

  destroy(): void {
    this.box.destroy();
  }

  /** Rows of text shown: the box less its border, title and footer. */
  private pageRows(): number {
    const height = typeof this.box.height === 'number' ? this.box.height : this.host.screen.rows;
    return Math.max(1, height - 4);
  }

  private load(row: number, column: number): void {
    this.lines[this.row] = this.current.text;
    this.row = row;
    this.current.set(this.lines[row] ?? '');
    this.current.moveTo(column);
  }

  private moveRow(step: number, column: number): void {
    const row = Math.min(Math.max(0, this.row + step), this.lines.length - 1);
    if (row !== this.row) this.load(row, column);
  }

  private splitLine(): void {
    const chars = Array.from(this.current.text);
    const at = this.current.cursor;
    this.lines[this.row] = chars.slice(0, at).join('');
    this.lines.splice(this.row + 1, 0, chars.slice(at).join(''));
    this.current.set(this.lines[this.row] ?? '');
    this.load(this.row + 1, 0);
  }

  private joinWithPrevious(): void {
    const rest = this.current.text;
    const previous = this.lines[this.row - 1] ?? '';
    this.lines.splice(this.row, 1);
    this.row -= 1;
    this.lines[this.row] = previous + rest;
    this.current.set(previous + rest);
    this.current.moveTo(Array.from(previous).length);
  }

  private joinNext(): void {
    const next = this.lines[this.row + 1] ?? '';
    const at = this.current.cursor;
    this.lines.splice(this.row + 1, 1);
    this.current.set(this.current.text + next);
    this.current.moveTo(at);
  }
}
