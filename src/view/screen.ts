// Creates the one blessed screen with the settings agentmux needs: unicode box drawing
// (not ACS), full unicode widths that match the terminal, and no warning pop-ups.
import type blessed from 'blessed';
import type { TerminfoCache } from '../core/terminfo-cache.js';
import { newScreen } from './blessed-widgets.js';
import { alignBlessedWidths } from './char-width.js';
import { colorDepth } from './terminal-colors.js';
import { installTerminfoLoader, withTerminfoCache } from './terminfo-loader.js';

export type ScreenOptions = {
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
  readonly title: string;
  /** Parsed terminfo kept between starts (the store's); without it blessed parses the file each time. */
  readonly terminfoCache?: TerminfoCache;
};

export type ScreenHandle = {
  readonly screen: blessed.Widgets.Screen;
  /** Leaves the alternate buffer, restores the terminal and detaches from the streams. */
  dispose(): void;
};

/** Opens the full-screen terminal; nothing but frames is written while it is up. */
export function createScreen(options: ScreenOptions): ScreenHandle {
  // Read by blessed's terminfo layer when the screen is created: draw borders as UTF-8.
  process.env['NCURSES_NO_UTF8_ACS'] = '1';
  alignBlessedWidths();
  installTerminfoLoader();
  const screenOptions: blessed.Widgets.IScreenOptions = {
    forceUnicode: true,
    fullUnicode: true,
    smartCSR: true,
    autoPadding: true,
    warnings: false,
    // Panes never share cells (the layout solver gives each its own rect), so there is no
    // border to dock — and docking would join a pane's bottom edge to a `│` in the status bar.
    dockBorders: false,
    title: options.title,
  };
  // @types/blessed swaps the types of `input` and `output` in IScreenOptions, so they are
  // set here untyped; blessed itself reads them as documented (input readable, output writable).
  if (options.input !== undefined) Reflect.set(screenOptions, 'input', options.input);
  if (options.output !== undefined) Reflect.set(screenOptions, 'output', options.output);
  const screen = withTerminfoCache(options.terminfoCache, () => newScreen(screenOptions));
  // blessed keeps the colour count on its tput object (a plain property read by every SGR it
  // writes); believe TERM and COLORTERM over what it could parse (see terminal-colors.ts).
  const parsed: unknown = Reflect.get(screen.tput, 'colors');
  Reflect.set(screen.tput, 'colors', colorDepth(process.env, typeof parsed === 'number' ? parsed : undefined));
  let disposed = false;
  return {
    screen,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      screen.destroy();
    },
  };
}
