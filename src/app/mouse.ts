// The mouse, as in tmux: a click focuses the pane under the pointer (only with no overlay or
// prompt open), the wheel scrolls the pane under the pointer by 3 rows a notch without moving
// focus. An overlay that covers the panes (help, browser, graft picker…) takes the wheel instead:
// it scrolls (if it can), the panes below never do; the prompt, small inputs and search let it through.
import type { Rect } from '../core/layout-solver.js';
import { listenMouse, type MouseAction } from '../view/mouse-input.js';
import type { CockpitApp } from './cockpit-app.js';

/** Rows one wheel notch scrolls. */
export const WHEEL_ROWS = 3;

/** The name of the pane whose rect holds cell (x, y). */
export function paneAtCell(rects: ReadonlyMap<string, Rect>, x: number, y: number): string | undefined {
  for (const [name, rect] of rects) {
    if (rect.width < 3 || rect.height < 3) continue;
    if (x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height) return name;
  }
  return undefined;
}

/** Turns the mouse on and acts on clicks and the wheel; returns the unsubscribe. */
export function wireMouse(app: CockpitApp): () => void {
  return listenMouse(app.view.screen, (action) => onMouse(app, action));
}

function onMouse(app: CockpitApp, action: MouseAction): void {
  const rows = action.kind === 'wheel-up' ? -WHEEL_ROWS : WHEEL_ROWS;
  if (action.kind !== 'click' && app.view.wheelOverOverlays(rows)) return;
  const name = paneAtCell(app.paneRects(), action.x, action.y);
  if (name === undefined) return;
  if (action.kind === 'click') {
    if (app.view.overlayOpen || app.controller.panes.focused() === name) return;
    app.controller.panes.focus(name);
    app.update();
    app.view.renderNow();
    return;
  }
  const pane = app.view.pane(name);
  if (pane === undefined) return;
  pane.scrollBy(rows);
  app.view.requestRender();
}
