// The session browser (`:sessions`, `S`): a table of every stored session (or of the trash) with
// its keys on the bottom line. The app decides what the keys do; this draws the table.
import type blessed from 'blessed';
import { centredOverlayBox } from './overlay-box.js';
import { renderRuns } from '../line-render.js';
import type { KeyPress, Overlay, OverlayHost } from './overlay.js';

/** What the browser shows at one moment. */
export type SessionBrowserModel = {
  readonly title: string;
  readonly header: string;
  readonly rows: readonly string[];
  readonly selected: number;
  readonly hint: string;
  readonly hintIsError: boolean;
};

export type SessionBrowserOptions = {
  readonly model: () => SessionBrowserModel;
  /** Every key; `close` closes the browser. */
  readonly onKey: (key: KeyPress) => 'close' | 'keep';
};

/** The session browser overlay; see `SessionBrowserOptions`. */
export class SessionBrowserOverlay implements Overlay {
  private readonly box: blessed.Widgets.BoxElement;
  private first = 0;

  constructor(
    private readonly host: OverlayHost,
    private readonly options: SessionBrowserOptions,
  ) {
    this.box = centredOverlayBox(host, '94%');
    this.draw();
  }

  handleKey(key: KeyPress): void {
    if (this.options.onKey(key) === 'close') {
      this.host.close(this);
      return;
    }
    this.draw();
  }

  draw(): void {
    const model = this.options.model();
    const width = (typeof this.box.width === 'number' ? this.box.width : this.host.screen.cols) - 2;
    const height = Math.max(1, (typeof this.box.height === 'number' ? this.box.height : this.host.screen.rows) - 5);
    if (model.selected < this.first) this.first = model.selected;
    if (model.selected >= this.first + height) this.first = model.selected - height + 1;
    this.first = Math.max(0, Math.min(this.first, Math.max(0, model.rows.length - height)));
    const out = [renderRuns([{ text: model.title, sgr: '\x1b[1m' }], width), renderRuns([{ text: model.header, sgr: '\x1b[90m' }], width)];
    for (let row = 0; row < height; row++) {
      const index = this.first + row;
      const text = model.rows[index];
      if (text === undefined) {
        out.push(index === 0 ? '   (none)' : '');
        continue;
      }
      const chosen = index === model.selected;
      const line = `${chosen ? '▶' : ' '}${text}`;
      out.push(renderRuns([{ text: chosen ? line.padEnd(width) : line, sgr: chosen ? '\x1b[7m' : '' }], width));
    }
    out.push(renderRuns([{ text: model.hint, sgr: model.hintIsError ? '\x1b[91m' : '\x1b[90m' }], width));
    this.box.setContent(out.join('\n'));
    this.host.requestRender();
  }

  destroy(): void {
    this.box.destroy();
  }
}
