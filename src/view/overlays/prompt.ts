// The `:` command prompt on the bottom line: opens at once (optionally prefilled, e.g.
// `graft -t alpha `), edits like readline, walks history, completes with Tab, submits on Enter.
import type blessed from 'blessed';
import { newBox } from '../blessed-widgets.js';
import { LineEditor, oneLine } from './line-editor.js';
import type { KeyPress, Overlay, OverlayHost } from './overlay.js';

export type PromptOptions = {
  /** What the line starts with: `:` (the default) or `/` (search). */
  readonly prefix?: string;
  /** Text after the `:`, cursor at its end. */
  readonly prefill?: string;
  /** Previously submitted lines, oldest first (the app keeps them). */
  readonly history?: readonly string[];
  /** Tab: returns the completed text (the app completes command names). */
  readonly complete?: (text: string) => string;
  /** Enter: the prompt closes, then this runs with the line (without the `:`). */
  readonly onSubmit: (line: string) => void;
  /** Esc: the prompt closes and nothing else happens. */
  readonly onClose?: () => void;
};

/** The prompt overlay; see `PromptOptions`. */
export class PromptOverlay implements Overlay {
  readonly editsText = true;
  readonly leavesPanesInSight = true;
  private readonly editor: LineEditor;
  private readonly box: blessed.Widgets.BoxElement;
  private readonly history: readonly string[];
  private historyIndex: number;
  private draft = '';

  constructor(
    private readonly host: OverlayHost,
    private readonly options: PromptOptions,
  ) {
    this.editor = new LineEditor(options.prefill ?? '');
    this.history = options.history ?? [];
    this.historyIndex = this.history.length;
    this.box = newBox({ parent: host.screen, left: 0, bottom: 0, width: '100%', height: 1, tags: false, wrap: false });
    this.draw();
  }

  /** The text being edited (without the `:`). */
  get text(): string {
    return this.editor.text;
  }

  /** A paste goes into the line as text (its line breaks become spaces); it never runs. */
  paste(text: string): void {
    this.editor.insert(oneLine(text));
    this.draw();
  }

  handleKey(key: KeyPress): void {
    switch (key.full) {
      case 'escape':
        this.host.close(this);
        this.options.onClose?.();
        return;
      case 'enter': {
        const line = this.editor.text;
        this.host.close(this);
        this.options.onSubmit(line);
        return;
      }
      case 'tab':
        if (this.options.complete !== undefined) this.editor.set(this.options.complete(this.editor.text));
        break;
      case 'up':
      case 'C-p':
        this.walkHistory(-1);
        break;
      case 'down':
      case 'C-n':
        this.walkHistory(1);
        break;
      default:
        if (!this.editor.handleKey(key)) return;
    }
    this.draw();
  }

  /** Redraws for the current screen width. */
  draw(): void {
    this.box.setContent(this.editor.render(this.options.prefix ?? ':', this.host.screen.cols));
    this.host.requestRender();
  }

  destroy(): void {
    this.box.destroy();
  }

  private walkHistory(step: number): void {
    const next = this.historyIndex + step;
    if (next < 0 || next > this.history.length) return;
    if (this.historyIndex === this.history.length) this.draft = this.editor.text;
    this.historyIndex = next;
    this.editor.set(next === this.history.length ? this.draft : (this.history[next] ?? ''));
  }
}
