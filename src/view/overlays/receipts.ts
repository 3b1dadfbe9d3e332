// Broadcast receipts, one agent per line. Closes on the next key, and hands that key back
// (`onClose(key)`) so it acts as in normal mode; Esc only closes (it must not interrupt).
import type blessed from 'blessed';
import { newBox } from '../blessed-widgets.js';
import { stringCells } from '../char-width.js';
import { renderRuns } from '../line-render.js';
import type { KeyPress, Overlay, OverlayHost } from './overlay.js';

export type Receipt = {
  readonly agent: string;
  readonly outcome: 'delivered' | 'queued' | 'refused';
  readonly detail: string;
};

export type ReceiptsOptions = {
  readonly title?: string;
  readonly receipts: readonly Receipt[];
  /** The overlay closed on `key`; the app dispatches it as a normal-mode key (undefined for Esc). */
  readonly onClose: (key: KeyPress | undefined) => void;
};

const OUTCOME_SGR: Readonly<Record<Receipt['outcome'], string>> = {
  delivered: '\x1b[92m',
  queued: '\x1b[93m',
  refused: '\x1b[91;1m',
};

/** The receipts overlay; see `ReceiptsOptions`. */
export class ReceiptsOverlay implements Overlay {
  private readonly box: blessed.Widgets.BoxElement;

  constructor(
    private readonly host: OverlayHost,
    private readonly options: ReceiptsOptions,
  ) {
    this.box = newBox({
      parent: host.screen,
      top: 'center',
      left: 'center',
      width: this.width(),
      height: Math.min(options.receipts.length + 4, Math.max(5, host.screen.rows - 4)),
      border: { type: 'line' },
      style: { border: { fg: 'brightcyan' } },
      tags: false,
      wrap: false,
    });
    this.draw();
  }

  handleKey(key: KeyPress): void {
    this.host.close(this);
    this.options.onClose(key.full === 'escape' ? undefined : key);
  }

  /** Closes the receipts (the `receipts-close` command; the cockpit passes the key on itself). */
  close(): void {
    this.host.close(this);
    this.options.onClose(undefined);
  }

  draw(): void {
    const width = this.width();
    this.box.width = width;
    const inner = width - 2;
    const nameWidth = Math.max(5, ...this.options.receipts.map((receipt) => stringCells(receipt.agent)));
    const out = [renderRuns([{ text: this.options.title ?? 'broadcast', sgr: '\x1b[1m' }], inner)];
    for (const receipt of this.options.receipts) {
      const name = receipt.agent + ' '.repeat(Math.max(0, nameWidth - stringCells(receipt.agent)));
      out.push(
        renderRuns(
          [
            { text: `${name}  `, sgr: '' },
            { text: receipt.outcome.padEnd(9), sgr: OUTCOME_SGR[receipt.outcome] },
            { text: receipt.detail === '' ? '' : `  ${receipt.detail}`, sgr: '\x1b[90m' },
          ],
          inner,
        ),
      );
    }
    out.push(renderRuns([{ text: 'any key closes', sgr: '\x1b[90m' }], inner));
    this.box.setContent(out.join('\n'));
    this.host.requestRender();
  }

  destroy(): void {
    this.box.destroy();
  }

  private width(): number {
    return Math.max(10, Math.min(72, this.host.screen.cols - 4));
  }
}
