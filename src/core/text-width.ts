// Terminal cell widths and word wrapping: a pane is a grid of cells, and a wide character or an
// emoji takes two of them; lines must never spill past the pane's width.
import type { DisplayLine, Span } from './transcript-view.js';

const ZWJ = 0x200d;

/** Per-code-point widths of the BMP, computed on first use (255 = not yet known). */
const bmpWidths = new Uint8Array(0x10000).fill(255);
/** Widths of U+1F000–U+1FAFF (emoji and symbols), computed on first use. */
const emojiWidths = new Uint8Array(0xb00).fill(255);

const zeroWidthPattern = /^[\p{Mn}\p{Me}\p{Cf}]$/u;
const emojiPresentationPattern = /^\p{Emoji_Presentation}$/u;

/** East Asian Wide and Fullwidth blocks of the BMP (emoji are found by their property). */
const wideBmpRanges: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x2329, 0x232a],
  [0x2e80, 0x303e], // CJK radicals, punctuation
  [0x3041, 0x3247], // kana, CJK strokes, enclosed CJK (U+3248–324F are ambiguous: 1 cell)
  [0x3250, 0x33ff], // enclosed CJK, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo extended A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small forms
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6],
];

/**
 * East Asian Wide symbols of U+1F000–1FAFF that are not emoji-presentation: the enclosed
 * ideographic supplement, 🤻 and 🥆. Elsewhere only emoji with default emoji presentation are
 * wide: a text-presentation symbol (🏳 U+1F3F3, 🕊 U+1F54A, 🌶 U+1F336) is one cell in xterm.js,
 * tmux and wcwidth until a VS16 follows it.
 */
const wideNonEmojiRanges: readonly (readonly [number, number])[] = [
  [0x1f200, 0x1f2ff],
  [0x1f93b, 0x1f93b],
  [0x1f946, 0x1f946],
];

/** Cells a code point takes in a terminal: 0 (combining, joiners, selectors), 1, or 2 (wide). */
export function charWidth(codePoint: number): 0 | 1 | 2 {
  if (codePoint >= 0x20 && codePoint < 0x7f) return 1;
  if (codePoint < 0x10000) {
    let width = bmpWidths[codePoint] ?? 1;
    if (width === 255) {
      width = computeBmpWidth(codePoint);
      bmpWidths[codePoint] = width;
    }
    return asWidth(width);
  }
  if (isRegionalIndicator(codePoint)) return 1; // a pair (one flag) takes two cells
  if (codePoint >= 0x1f000 && codePoint <= 0x1faff) {
    const slot = codePoint - 0x1f000;
    let width = emojiWidths[slot] ?? 1;
    if (width === 255) {
      width = inRanges(codePoint, wideNonEmojiRanges) || isEmojiPresentation(codePoint) ? 2 : 1;
      emojiWidths[slot] = width;
    }
    return asWidth(width);
  }
  if (codePoint >= 0x20000 && codePoint <= 0x3fffd) return 2; // CJK extensions B…
  if (codePoint >= 0x16fe0 && codePoint <= 0x1b2ff) return 2; // Tangut, kana supplements
  if (codePoint >= 0xe0000 && codePoint <= 0xe0fff) return 0; // tags, variation selectors supplement
  return zeroWidthPattern.test(String.fromCodePoint(codePoint)) ? 0 : 1;
}

function computeBmpWidth(codePoint: number): number {
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return 0;
  if (codePoint === 0xad) return 1; // soft hyphen: terminals draw it
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 1; // lone surrogate: drawn as U+FFFD
  if (codePoint >= 0x1160 && codePoint <= 0x11ff) return 0; // Hangul medial and final jamo
  const char = String.fromCharCode(codePoint);
  if (zeroWidthPattern.test(char)) return 0;
  if (inRanges(codePoint, wideBmpRanges)) return 2;
  return emojiPresentationPattern.test(char) ? 2 : 1;
}

function isEmojiPresentation(codePoint: number): boolean {
  return emojiPresentationPattern.test(String.fromCodePoint(codePoint));
}

function inRanges(codePoint: number, ranges: readonly (readonly [number, number])[]): boolean {
  for (const [low, high] of ranges) if (codePoint >= low && codePoint <= high) return true;
  return false;
}

function asWidth(width: number): 0 | 1 | 2 {
  return width === 0 ? 0 : width === 2 ? 2 : 1;
}

function isRegionalIndicator(codePoint: number): boolean {
  return codePoint >= 0x1f1e6 && codePoint <= 0x1f1ff;
}

function isEmojiModifier(codePoint: number): boolean {
  return codePoint >= 0x1f3fb && codePoint <= 0x1f3ff;
}

/** One grapheme-ish cluster: where it ends and how many cells it takes. */
export type Cluster = { readonly end: number; readonly width: number };

/**
 * The cluster starting at `index` (before `limit`): a base character with its combining marks,
 * variation selectors and skin-tone modifiers; a wide emoji joined by ZWJ to the next one stays
 * one two-cell cluster; two regional indicators make one flag.
 */
export function clusterAt(text: string, index: number, limit = text.length): Cluster {
  const base = text.codePointAt(index) ?? 0;
  let end = index + (base > 0xffff ? 2 : 1);
  let width: number = charWidth(base);
  let flagOpen = isRegionalIndicator(base);
  while (end < limit) {
    const next = text.codePointAt(end) ?? 0;
    const size = next > 0xffff ? 2 : 1;
    if (next === ZWJ) {
      end += size;
      if (width === 2 && end < limit) {
        const joined = text.codePointAt(end) ?? 0;
        if (charWidth(joined) === 2) end += joined > 0xffff ? 2 : 1;
      }
      continue;
    }
    if (isEmojiModifier(next) && width === 2) {
      end += size;
      continue;
    }
    if (flagOpen && isRegionalIndicator(next)) {
      end += size;
      width += charWidth(next);
      flagOpen = false;
      continue;
    }
    if (next >= 0x7f && charWidth(next) === 0 && next !== 0x0a) {
      end += size;
      continue;
    }
    break;
  }
  return { end, width };
}

/** Cells a string takes on one terminal row. */
export function stringWidth(text: string): number {
  let cells = 0;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code >= 0x20 && code < 0x7f) {
      cells += 1;
      index += 1;
      continue;
    }
    const cluster = clusterAt(text, index);
    cells += cluster.width;
    index = cluster.end;
  }
  return cells;
}

/** Receives each wrapped row as [start, end) offsets into the text. */
export type RowSink = (start: number, end: number) => void;

/**
 * Wraps one logical line `text[from, to)` (no `\n` inside) to rows of at most `width` cells:
 * at spaces where possible (the spaces at a break are dropped), hard-breaking longer words,
 * never inside a cluster. `clip` keeps only the first row. A cluster wider than the whole row
 * (a wide char at width 1) is skipped, so no row is ever wider than `width`.
 */
export function wrapLogicalLine(
  text: string,
  from: number,
  to: number,
  width: number,
  clip: boolean,
  emit: RowSink,
): void {
  const limit = Math.max(1, width);
  let lineStart = from;
  let cells = 0;
  let spaceRunStart = -1; // start of the space run the scan is in, or -1
  let breakEnd = -1; // where the row ends if it breaks at the last space run
  let breakResume = -1; // where the next row starts after that break
  let cellsAtResume = 0;
  let index = from;
  while (index < to) {
    const code = text.charCodeAt(index);
    const isSpace = code === 0x20;
    let next: number;
    let cellWidth: number;
    if (code > 0x20 && code < 0x7f) {
      next = index + 1;
      cellWidth = 1;
    } else if (isSpace) {
      next = index + 1;
      cellWidth = 1;
    } else {
      const cluster = clusterAt(text, index, to);
      next = cluster.end;
      cellWidth = cluster.width;
    }
    if (cells + cellWidth <= limit) {
      cells += cellWidth;
      if (isSpace) {
        if (spaceRunStart < 0) spaceRunStart = index;
        if (spaceRunStart > lineStart) {
          breakEnd = spaceRunStart;
          breakResume = next;
          cellsAtResume = cells;
        }
      } else {
        spaceRunStart = -1;
      }
      index = next;
      continue;
    }
    // The cluster does not fit on this row.
    if (isSpace) {
      emit(lineStart, spaceRunStart >= lineStart && spaceRunStart >= 0 ? spaceRunStart : index);
      if (clip) return;
      while (index < to && text.charCodeAt(index) === 0x20) index += 1;
      lineStart = index;
      cells = 0;
    } else if (breakEnd > lineStart) {
      emit(lineStart, breakEnd);
      if (clip) return;
      lineStart = breakResume;
      cells -= cellsAtResume;
      // cells now counts [breakResume, index): keep scanning from the same cluster
    } else if (cellWidth > limit) {
      if (index > lineStart) {
        emit(lineStart, index);
        if (clip) return;
      }
      lineStart = next; // nothing can hold it: leave it out
      index = next;
      cells = 0;
    } else {
      emit(lineStart, index);
      if (clip) return;
      lineStart = index;
      cells = 0;
    }
    spaceRunStart = -1;
    breakEnd = -1;
    breakResume = -1;
    cellsAtResume = 0;
  }
  if (lineStart < to || lineStart === from) emit(lineStart, Math.max(lineStart, to));
}

/**
 * Wraps styled spans (which may hold `\n` hard breaks) into display rows of at most `width`
 * cells. Span boundaries are kept; a span is split where a row breaks.
 */
export function wrapToWidth(runs: readonly Span[], width: number): DisplayLine[] {
  const text = runs.map((run) => run.text).join('');
  const ends: number[] = [];
  let offset = 0;
  for (const run of runs) {
    offset += run.text.length;
    ends.push(offset);
  }
  const lines: DisplayLine[] = [];
  const emit: RowSink = (start, end) => lines.push(rowOf(text, runs, ends, start, end));
  let lineFrom = 0;
  for (;;) {
    const newline = text.indexOf('\n', lineFrom);
    const lineTo = newline < 0 ? text.length : newline;
    wrapLogicalLine(text, lineFrom, lineTo, width, false, emit);
    if (newline < 0) break;
    lineFrom = newline + 1;
  }
  return lines;
}

function rowOf(
  text: string,
  runs: readonly Span[],
  ends: readonly number[],
  start: number,
  end: number,
): DisplayLine {
  const spans: Span[] = [];
  let runStart = 0;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    const runEnd = ends[i] ?? runStart;
    if (run && runEnd > start && runStart < end) {
      const piece = text.slice(Math.max(start, runStart), Math.min(end, runEnd));
      if (piece !== '') spans.push({ ...run, text: piece });
    }
    runStart = runEnd;
    if (runStart >= end) break;
  }
  return { spans, cells: stringWidth(text.slice(start, end)) };
}
