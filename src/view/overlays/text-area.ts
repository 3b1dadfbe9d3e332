// A multi-line editor over the panes: the fallback for `edit` when neither $VISUAL nor
// $EDITOR is set. C-s saves, Esc cancels. The line under the cursor edits like the prompt.
import type blessed from 'blessed';
import { newBox } from '../blessed-widgets.js';
import { renderRuns } from '../line-render.js';
import { MultiLineText } from './multi-line-text.js';
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
  private top = 0;
  private readonly content: MultiLineText;
  private readonly box: blessed.Widgets.BoxElement;

  constructor(
    private readonly host: OverlayHost,
    private readonly options: TextAreaOptions,
  ) {
    this.content = new MultiLineText(options.text);
    this.box = newBox({
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
    return this.content.text;
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
        this.content.newline();
        break;
      case 'pageup':
        this.content.moveRow(-this.pageRows());
        break;
      case 'pagedown':
        this.content.moveRow(this.pageRows());
        break;
      default:
        if (!this.content.handleKey(key)) return;
    }
    this.draw();
  }

  /** A paste goes in as text, its lines kept. */
  paste(text: string): void {
    this.content.insert(text);
    this.draw();
  }

  draw(): void {
    const inner = Math.max(1, this.host.screen.cols - 2);
    const width = typeof this.box.width === 'number' ? this.box.width - 2 : inner;
    const rows = this.pageRows();
    const row = this.content.row;
    if (row < this.top) this.top = row;
    if (row >= this.top + rows) this.top = row - rows + 1;
    const out = [renderRuns([{ text: this.options.title, sgr: '\x1b[1m' }], width), ...this.content.render(this.top, rows, width)];
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
}
