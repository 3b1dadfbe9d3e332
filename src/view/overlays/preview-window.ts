// The graft picker's preview is often taller than its box: this picks the rows shown from a
// scroll position, with "↑ N more" / "↓ N more" lines saying what is out of sight.
import type { Span } from '../../core/transcript-view.js';

/** The rows to draw, and the scroll position once clamped to what can be shown. */
export type PreviewWindow = { readonly rows: readonly (readonly Span[])[]; readonly top: number };

/** At most `height` rows of `wrapped` from row `top` (clamped), the indicator lines included. */
export function previewWindow(wrapped: readonly (readonly Span[])[], top: number, height: number): PreviewWindow {
  const room = Math.max(0, height);
  if (wrapped.length <= room) return { rows: wrapped, top: 0 };
  if (room < 3) return { rows: wrapped.slice(0, room), top: 0 };
  // At the bottom only the "↑" line takes a row.
  const first = Math.max(0, Math.min(Math.floor(top), wrapped.length - (room - 1)));
  const up = first > 0 ? 1 : 0;
  let shown = room - up;
  const down = first + shown < wrapped.length ? 1 : 0;
  shown -= down;
  const rows: (readonly Span[])[] = [];
  if (up === 1) rows.push([{ text: `↑ ${first} more`, style: 'dim' }]);
  rows.push(...wrapped.slice(first, first + shown));
  if (down === 1) rows.push([{ text: `↓ ${wrapped.length - first - shown} more`, style: 'dim' }]);
  return { rows, top: first };
}
