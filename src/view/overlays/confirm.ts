// A yes/no question (quit while agents work): `y` confirms, any other key cancels.
import blessed from 'blessed';
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
    this.box = blessed.box({
      parent: host.screen,
      top: 'center',
      left: 'center',
      width: this.width(),
      height: 4,
      border: { type: 'line' },
      style: { border: { fg: 'brightyellow' } },
      tags: false,
      wrap: false,
    });
    this.draw();
  }

  handleKey(key: KeyPress): void {
    this.host.close(this);
    if (key.full === 'y' || key.full === 'S-y') this.options.onConfirm();
    else this.options.onClose?.();
  }

  draw(): void {
    const width = this.width();
    this.box.width = width;
    const inner = width - 2;
    this.box.setContent(
      `${renderRuns([{ text: this.options.question, sgr: '\x1b[1m' }], inner)}\n${renderRuns([{ text: 'y yes · any other key no', sgr: '\x1b[90m' }], inner)}`,
    );
    this.host.requestRender();
  }

  destroy(): void {
    this.box.destroy();
  }

  private width(): number {
    return Math.max(10, Math.min(60, this.host.screen.cols - 4));
  }
}
