// One notion of cell width for blessed, the pane rows and the transcript (core/text-width).
// blessed 0.1.81's tables predate emoji: it counts 😀 as one cell where terminals draw two, so
// everything after it on the row, the right border included, would shift by one.
import { createRequire } from 'node:module';
import { charWidth } from '../core/text-width.js';

const require = createRequire(import.meta.url);

/** Cells one code point takes on screen, as blessed counts it once aligned (format chars: 0). */
export function codePointCells(codePoint: number): number {
  return charWidth(codePoint);
}

/** The longest prefix of `text` that fits in `cells` columns, and its width. */
export function fitCells(text: string, cells: number): { text: string; cells: number } {
  let used = 0;
  let end = 0;
  for (const char of text) {
    const width = charWidth(char.codePointAt(0) ?? 0);
    if (used + width > cells) break;
    used += width;
    end += char.length;
  }
  return { text: text.slice(0, end), cells: used };
}

/** Cells a string takes on screen. */
export function stringCells(text: string): number {
  return fitCells(text, Number.POSITIVE_INFINITY).cells;
}

/**
 * Stands in for blessed's `unicode.chars.all` regex: blessed calls
 * `content.replace(chars.all, '$1\x03')` to put a placeholder cell after each wide character.
 */
const markWideChars = {
  [Symbol.replace](content: string): string {
    let out = '';
    let from = 0;
    let index = 0;
    for (const char of content) {
      const point = char.codePointAt(0) ?? 0;
      index += char.length;
      if (point >= 0x1100 && charWidth(point) === 2) {
        out += content.slice(from, index) + '\x03';
        from = index;
      }
    }
    return from === 0 ? content : out + content.slice(from);
  },
};

let aligned = false;

/** Teaches blessed the wide set of core/text-width; idempotent; false if blessed changed shape. */
export function alignBlessedWidths(): boolean {
  if (aligned) return true;
  const unicode: unknown = require('blessed/lib/unicode.js');
  if (typeof unicode !== 'object' || unicode === null) return false;
  const original: unknown = Reflect.get(unicode, 'charWidth');
  const chars: unknown = Reflect.get(unicode, 'chars');
  if (typeof original !== 'function' || typeof chars !== 'object' || chars === null) return false;
  const blessedCharWidth = (str: string | number, index?: number): number => {
    const point = typeof str === 'number' ? str : str.codePointAt(index ?? 0);
    // blessed's draw asks this for every cell of every changed row: printable ASCII answers at once.
    if (point !== undefined && point >= 0x20 && point < 0x7f) return 1;
    if (point !== undefined && point >= 0x1100 && charWidth(point) === 2) return 2;
    const width: unknown = Reflect.apply(original, unicode, [str, index]);
    return typeof width === 'number' ? width : 1;
  };
  Reflect.set(chars, 'all', markWideChars);
  Reflect.set(unicode, 'charWidth', blessedCharWidth);
  aligned = true;
  return keepFittedRows();
}

/**
 * Stops blessed from cutting rows of boxes that do not wrap. agentmux fits every row to its
 * box in cells itself (`fitCells`); blessed cuts a row by UTF-16 units instead, and counts an
 * astral emoji (two surrogates plus its placeholder cell) as three: a full row with one 😀
 * lost its last character, the rows the transcript wrapped to the pane width lost text.
 * blessed still clips what it draws to the box.
 */
function keepFittedRows(): boolean {
  const element: unknown = require('blessed/lib/widgets/element.js');
  const prototype: unknown = typeof element === 'function' ? Reflect.get(element, 'prototype') : undefined;
  if (typeof prototype !== 'object' || prototype === null) return false;
  const original: unknown = Reflect.get(prototype, '_wrapContent');
  if (typeof original !== 'function') return false;
  Reflect.set(prototype, '_wrapContent', function (this: unknown, content: unknown, width: unknown): unknown {
    const wraps = typeof this === 'object' && this !== null && Reflect.get(this, 'wrap') !== false;
    const rows: unknown = Reflect.apply(original, this, [content, wraps ? width : Number.MAX_SAFE_INTEGER]);
    return rows;
  });
  return true;
}
