// Turns an emulated screen's styled runs into blessed content: one row per line, SGR codes for
// colours (default, 16, 256 and truecolor, which blessed maps to its palette) and bold /
// underline / inverse, cut to the pane's width; the cursor cell drawn inverse when asked.
import type { PtyColour, PtyRun, PtyStyle } from '../core/pty-session.js';
import { codePointCells } from './char-width.js';

const RESET = '\x1b[0m';

function colourParams(colour: PtyColour, layer: 'fg' | 'bg'): string {
  const base = layer === 'fg' ? 30 : 40;
  switch (colour.kind) {
    case 'default':
      return String(base + 9);
    case 'palette':
      if (colour.index < 8) return String(base + colour.index);
      if (colour.index < 16) return String(base + 60 + colour.index - 8);
      return `${base + 8};5;${colour.index}`;
    case 'rgb':
      return `${base + 8};2;${colour.red};${colour.green};${colour.blue}`;
  }
}

/** The SGR sequence that starts a run in `style` (a full reset first, so runs never leak into each other). */
export function sgrOf(style: PtyStyle, invert = false): string {
  const params = ['0'];
  if (style.fg.kind !== 'default') params.push(colourParams(style.fg, 'fg'));
  if (style.bg.kind !== 'default') params.push(colourParams(style.bg, 'bg'));
  if (style.bold) params.push('1');
  if (style.underline) params.push('4');
  if (style.inverse !== invert) params.push('7');
  return `\x1b[${params.join(';')}m`;
}

/** Splits a run's text into its characters (a wide char is one of them). */
function characters(text: string): string[] {
  return Array.from(text);
}

/**
 * One row of blessed content from a line's runs, at most `width` cells; with `cursor` (a
 * column), that cell is drawn inverse (past the text, an inverse space).
 */
export function renderPtyRow(runs: readonly PtyRun[], width: number, cursor?: number): string {
  let out = '';
  let column = 0;
  let cursorDrawn = cursor === undefined;
  for (const run of runs) {
    if (column >= width) break;
    const fits = column + run.cells <= width;
    const hasCursor = cursor !== undefined && cursor >= column && cursor < column + run.cells;
    if (fits && !hasCursor) {
      out += sgrOf(run.style) + run.text;
      column += run.cells;
      continue;
    }
    // Cell by cell: the run holds the cursor, or must be cut at the pane's edge.
    out += sgrOf(run.style);
    const cellWidth = run.cells === characters(run.text).length ? 1 : 0;
    for (const char of characters(run.text)) {
      const cells = cellWidth === 1 ? 1 : Math.max(1, codePointCells(char.codePointAt(0) ?? 0));
      if (column + cells > width) break;
      if (cursor === column) {
        out += sgrOf(run.style, true) + char + sgrOf(run.style);
        cursorDrawn = true;
      } else {
        out += char;
      }
      column += cells;
    }
  }
  if (!cursorDrawn && cursor !== undefined && cursor < width) {
    out += ' '.repeat(Math.max(0, cursor - column)) + '\x1b[0;7m \x1b[0m';
    return out;
  }
  return out === '' ? '' : out + RESET;
}
