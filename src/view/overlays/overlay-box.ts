// The framed box most overlays draw in: centred over the panes, a bright cyan line border,
// content set as plain text (never blessed tags, never wrapped by blessed).
import type blessed from 'blessed';
import { newBox } from '../blessed-widgets.js';
import { STATUS_HEIGHT } from '../status-bar.js';
import type { OverlayHost } from './overlay.js';

/**
 * A centred, bordered box covering `width` of the screen and the whole pane area in height,
 * never the status bar's two rows, which stay readable under it.
 */
export function centredOverlayBox(host: OverlayHost, width: '90%' | '94%' = '90%'): blessed.Widgets.BoxElement {
  return newBox({
    parent: host.screen,
    top: 0,
    left: 'center',
    width,
    height: `100%-${STATUS_HEIGHT}`,
    border: { type: 'line' },
    style: { border: { fg: 'brightcyan' } },
    tags: false,
    wrap: false,
  });
}
