// The framed box most overlays draw in: centred over the panes, a bright cyan line border,
// content set as plain text (never blessed tags, never wrapped by blessed).
import blessed from 'blessed';
import type { OverlayHost } from './overlay.js';

/** A centred, bordered box covering `width` of the screen (90% of its height). */
export function centredOverlayBox(host: OverlayHost, width: '90%' | '94%' = '90%'): blessed.Widgets.BoxElement {
  return blessed.box({
    parent: host.screen,
    top: 'center',
    left: 'center',
    width,
    height: '90%',
    border: { type: 'line' },
    style: { border: { fg: 'brightcyan' } },
    tags: false,
    wrap: false,
  });
}
