// Model and tool text keeps its SGR colours (DESIGN.md §7), so it could hide text from the person
// reading the pane: `ESC[30;40m` draws black on black, text the model still reads and acts on.
// A foreground that cannot be told from its background is dropped with that background.
import type { TextColours } from './transcript-view.js';

/** xterm's default RGB for the 16 named colours (themes differ; the cube and greys do not). */
const namedColours: readonly (readonly [number, number, number])[] = [
  [0x00, 0x00, 0x00],
  [0xcd, 0x00, 0x00],
  [0x00, 0xcd, 0x00],
  [0xcd, 0xcd, 0x00],
  [0x00, 0x00, 0xee],
  [0xcd, 0x00, 0xcd],
  [0x00, 0xcd, 0xcd],
  [0xe5, 0xe5, 0xe5],
  [0x7f, 0x7f, 0x7f],
  [0xff, 0x00, 0x00],
  [0x00, 0xff, 0x00],
  [0xff, 0xff, 0x00],
  [0x5c, 0x5c, 0xff],
  [0xff, 0x00, 0xff],
  [0x00, 0xff, 0xff],
  [0xff, 0xff, 0xff],
];

const cubeLevels = [0, 95, 135, 175, 215, 255];

/**
 * RGB distance under which two colours read as one: black and the 256-palette's black (16) or
 * darkest grey (232) are 0–14 apart, red on bright red 50; a legible pair is well over 100.
 */
const MIN_DISTANCE = 64;

/** The RGB an xterm-256 palette index is drawn in. */
export function paletteRgb(index: number): readonly [number, number, number] {
  const named = namedColours[index];
  if (named) return named;
  if (index >= 16 && index <= 231) {
    const cube = index - 16;
    const level = (step: number): number => cubeLevels[step] ?? 0;
    return [level(Math.floor(cube / 36)), level(Math.floor(cube / 6) % 6), level(cube % 6)];
  }
  const grey = 8 + 10 * (Math.min(255, Math.max(232, index)) - 232);
  return [grey, grey, grey];
}

/** The ends a terminal's default colours lie at: black and white on dark and light themes. */
const defaultEnds: readonly (readonly [number, number, number])[] = [
  [0x00, 0x00, 0x00],
  [0xff, 0xff, 0xff],
];

/**
 * The colours to draw text in. A foreground and background too close to tell apart both go (the
 * terminal's own pair is legible); bold and underline stay. When only one of the two is set, the
 * other is the terminal's default, whose colour is unknown: a near-black or near-white colour
 * could match it (`ESC[30m` on a dark theme, `ESC[47m` under a light default foreground), so
 * it goes too; any other colour is kept.
 */
export function legibleColours(colours: TextColours): TextColours {
  const { fg, bg, bold, underline } = colours;
  if (fg === undefined && bg === undefined) return colours;
  const keep =
    fg !== undefined && bg !== undefined
      ? distance(paletteRgb(fg), paletteRgb(bg)) >= MIN_DISTANCE
      : !nearDefault(paletteRgb(fg ?? bg ?? 0));
  if (keep) return colours;
  return { ...(bold === undefined ? {} : { bold }), ...(underline === undefined ? {} : { underline }) };
}

function nearDefault(rgb: readonly [number, number, number]): boolean {
  return defaultEnds.some((end) => distance(rgb, end) < MIN_DISTANCE);
}

function distance(a: readonly [number, number, number], b: readonly [number, number, number]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}
