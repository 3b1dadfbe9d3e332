// A one-line input under a title, in a box over the panes: `Enter` messages the focused
// agent, `b` broadcasts. Same editing keys as the `:` prompt.
import type blessed from 'blessed';
import { newBox } from '../blessed-widgets.js';
import { renderRuns } from '../line-render.js';
import { LineEditor, oneLine } from './line-editor.js';
import type { KeyPress, Overlay, OverlayHost } from './overlay.js';

export type TextInputOptions = {
  /** Shown above the input, e.g. "message alpha" or "broadcast a nudge". */
  readonly title: string;
  readonly prefill?: string;
  /** Enter: the input closes, then this runs with the text. */
  readonly onSubmit: (text: string) => void;
  /** Esc: the input closes and nothing else happens. */
  readonly onClose?: () => void;
};

/** Width of a centred dialog box on a screen `columns` wide. */
export function dialogWidth(columns: number, wanted: number): number {
  return Math.max(10, Math.min(wanted, columns - 4));
}

/** The one-line input overlay; see `TextInputOptions`. */
export class TextInputOverlay implements Overlay {
  readonly editsText = true;
  readonly leavesPanesInSight = true;
  private readonly editor: LineEditor;
  private readonly box: blessed.Widgets.BoxElement;

  constructor(
    private readonly host: OverlayHost,
    private readonly options: TextInputOptions,
  ) {
    this.editor = new LineEditor(options.prefill ?? '');
    this.box = newBox({
      parent: host.screen,
      top: 'center',
      left: 'center',
      width: dialogWidth(host.screen.cols, 72),
      height: 4,
      border: { type: 'line' },
      style: { border: { fg: 'brightcyan' } },
      tags: false,
      wrap: false,
    });
    this.draw();
  }

  get text(): string {
    return this.editor.text;
  }

  /** A paste goes into the line as text (its line breaks become spaces); it never runs. */
  paste(text: string): void {
    this.editor.insert(oneLine(text));
    this.draw();
  }

  handleKey(key: KeyPress): void {
    if (key.full === 'escape') {
      this.host.close(this);
      this.options.onClose?.();
      return;
    }
    if (key.full === 'enter') {
      const text = this.editor.text;
      this.host.close(this);
      this.options.onSubmit(text);
      return;
    }
    if (this.editor.handleKey(key)) this.draw();
  }

  draw(): void {
    const width = dialogWidth(this.host.screen.cols, 72);
    this.box.width = width;
    const inner = width - 2;
    const title = renderRuns([{ text: this.options.title, sgr: '\x1b[1m' }], inner);
    this.box.setContent(`${title}\n${this.editor.render('> ', inner)}`);
    this.host.requestRender();
  }

  destroy(): void {
    this.box.destroy();
  }
}
