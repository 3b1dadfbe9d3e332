// What every overlay is to the cockpit view: a modal key handler with widgets to remove.
// The view routes each key to the top overlay only, so normal-mode keys never leak through.
import type blessed from 'blessed';

/** A key as blessed reports it: `full` is e.g. "a", "S-tab", "C-w", "enter", "escape". */
export type KeyPress = {
  readonly full: string;
  readonly name: string | undefined;
  /** The character typed, when the key types one. */
  readonly ch: string | undefined;
  readonly ctrl: boolean;
  readonly meta: boolean;
  readonly shift: boolean;
};

/** An open overlay. `handleKey` receives every key while it is on top. */
export interface Overlay {
  /** True for overlays that edit text: there an Alt key must not act as Esc (which drops the text). */
  readonly editsText?: boolean;
  handleKey(key: KeyPress): void;
  /** Pasted text (bracketed paste): inserted as text, never read as keys; overlays without it drop pastes. */
  paste?(text: string): void;
  /** True for overlays that leave the panes in sight (the bottom-line prompt, a small input, search): the wheel still scrolls the pane under the pointer. */
  readonly leavesPanesInSight?: boolean;
  /** The mouse wheel while this overlay is on top and covers the panes (without it the wheel does nothing). */
  scroll?(rows: number): void;
  /** Redraws for the current screen size (called on resize). */
  draw(): void;
  /** Removes the overlay's widgets (called by the host when it closes). */
  destroy(): void;
}

/** What an overlay may use: the screen to draw on, and the way out. */
export interface OverlayHost {
  readonly screen: blessed.Widgets.Screen;
  /** Removes `overlay` (destroying its widgets) and renders. */
  close(overlay: Overlay): void;
  /** Asks for a frame after the overlay changed what it shows. */
  requestRender(): void;
}

/** The text a key types, or undefined for keys that type nothing (arrows, controls). */
export function typedText(key: KeyPress): string | undefined {
  if (key.ctrl || key.meta || key.ch === undefined) return undefined;
  const first = key.ch.codePointAt(0) ?? 0;
  if (first < 0x20 || first === 0x7f) return undefined;
  return key.ch;
}
