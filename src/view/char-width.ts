// One notion of cell width shared by blessed and the pane line builder. blessed 0.1.81's
// tables predate emoji: it counts 😀 as one cell where modern terminals draw two, so every
// character after it on the row (the right border included) would shift by one.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** East Asian wide ranges blessed already knows, plus emoji drawn in emoji presentation. */
const WIDE =
  /([\u1100-\u115f\u2329\u232a\u2e80-\u303e\u3040-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{2fffd}\u{30000}-\u{3fffd}]|\p{Emoji_Presentation})/gu;
const WIDE_ONE = new RegExp(`^${WIDE.source}$`, 'u');

/** True when a terminal draws this code point two cells wide. */
export function isWide(codePoint: number): boolean {
  if (codePoint < 0x1100) return false;
  return WIDE_ONE.test(String.fromCodePoint(codePoint));
}

/** Zero-width code points (combining marks, joiners, variation selectors). */
function isZeroWidth(codePoint: number): boolean {
  if (codePoint < 0x300) return false;
  return /^[\p{Mn}\p{Me}\u200b-\u200f\ufe00-\ufe0f]$/u.test(String.fromCodePoint(codePoint));
}

/** Cells one code point takes on screen (the same count blessed uses once aligned). */
export function codePointCells(codePoint: number): number {
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return 0;
  if (isWide(codePoint)) return 2;
  if (isZeroWidth(codePoint)) return 0;
  return 1;
}

/** Cells a string takes on screen. */
export function stringCells(text: string): number {
  let cells = 0;
  for (const char of text) cells += codePointCells(char.codePointAt(0) ?? 0);
  return cells;
}

/** The longest prefix of `text` that fits in `cells` columns, and its width. */
export function fitCells(text: string, cells: number): { text: string; cells: number } {
  let used = 0;
  let end = 0;
  for (const char of text) {
    const width = codePointCells(char.codePointAt(0) ?? 0);
    if (used + width > cells) break;
    used += width;
    end += char.length;
  }
  return { text: text.slice(0, end), cells: used };
}

let aligned = false;

/** Teaches blessed's width functions the wide set above; idempotent, false if blessed changed shape. */
export function alignBlessedWidths(): boolean {
  if (aligned) return true;
  const unicode: unknown = require('blessed/lib/unicode.js');
  if (typeof unicode !== 'object' || unicode === null) return false;
  const original: unknown = Reflect.get(unicode, 'charWidth');
  const chars: unknown = Reflect.get(unicode, 'chars');
  if (typeof original !== 'function' || typeof chars !== 'object' || chars === null) return false;
  const charWidth = (str: string | number, index?: number): number => {
    const point = typeof str === 'number' ? str : str.codePointAt(index ?? 0);
    if (point !== undefined && isWide(point)) return 2;
    const width: unknown = Reflect.apply(original, unicode, [str, index]);
    return typeof width === 'number' ? width : 1;
  };
  // `chars.all` marks where blessed inserts the placeholder cell after a wide character.
  Reflect.set(chars, 'all', WIDE);
  Reflect.set(unicode, 'charWidth', charWidth);
  aligned = true;
  return true;
}
