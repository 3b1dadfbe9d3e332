// Turns transcript spans into one row of blessed content: SGR colour codes (blessed parses
// them; tag parsing stays off) and text cut to the pane's width in blessed's own cell count.
import type { DisplayLine, LineStyle, Span, TextColours } from '../core/transcript-view.js';
import { charWidth, clusterAt } from '../core/text-width.js';
import { fitCells } from './char-width.js';

/** SGR parameters per transcript style (blessed knows bold, underline, inverse, 16 and 256 colours). */
const STYLE_SGR: Readonly<Record<LineStyle, string>> = {
  plain: '',
  turn: '33;1',
  user: '96;1',
  assistant: '',
  thinking: '90',
  'tool-call': '35',
  'tool-result': '37',
  'tool-error': '31',
  nudge: '93',
  graft: '94',
  interrupted: '33',
  notice: '36',
  error: '91;1',
  dim: '90',
  streaming: '92',
};

export const RESET = '\x1b[0m';

/** The escape sequence that starts a run in this style; '' for the default look. */
export function sgrFor(style: LineStyle, colours?: TextColours): string {
  const params: string[] = [];
  const base = STYLE_SGR[style];
  if (base !== '') params.push(base);
  if (colours !== undefined) {
    if (colours.fg !== undefined) params.push(`38;5;${clampColour(colours.fg)}`);
    if (colours.bg !== undefined) params.push(`48;5;${clampColour(colours.bg)}`);
    if (colours.bold === true) params.push('1');
    if (colours.underline === true) params.push('4');
  }
  return params.length === 0 ? '' : `\x1b[${params.join(';')}m`;
}

function clampColour(value: number): number {
  return Math.min(255, Math.max(0, Math.trunc(value)));
}

/** Removes C0/C1 controls, DEL and invisible format characters (which blessed would count as a cell). */
export function stripControls(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0x300 && isDropped(text.codePointAt(i) ?? 0))) {
      return dropControls(text);
    }
  }
  return text;
}

const MARK = /^\p{M}$/u;

function isDropped(point: number): boolean {
  if (point < 0x20 || (point >= 0x7f && point < 0xa0)) return true;
  return point >= 0x300 && charWidth(point) === 0 && !MARK.test(String.fromCodePoint(point));
}

function dropControls(text: string): string {
  let out = '';
  for (const char of text) {
    if (!isDropped(char.codePointAt(0) ?? 0)) out += char;
  }
  return out;
}

/**
 * The text as the transcript counted it when it wrapped the row (core/text-width `clusterAt`):
 * an emoji ZWJ sequence or an emoji with a skin-tone modifier is one two-cell cluster there.
 * Drawn as is, with the ZWJ dropped (no terminal agrees on joining), it took two cells per
 * emoji and the end of the row was cut off: text lost. Such a cluster is drawn as its base.
 */
export function asCounted(text: string): string {
  if (!/[\u200d\ud83c]/.test(text)) return text;
  let out = '';
  let index = 0;
  while (index < text.length) {
    const base = text.codePointAt(index) ?? 0;
    const cluster = clusterAt(text, index);
    const chunk = text.slice(index, cluster.end);
    const baseLength = base > 0xffff ? 2 : 1;
    if (cluster.end - index > baseLength && charWidth(base) === 2 && cluster.width === 2) {
      // Keep the base and its combining marks; the joined emoji, ZWJs and modifiers go.
      out += String.fromCodePoint(base);
      for (const char of chunk.slice(baseLength)) if (MARK.test(char)) out += char;
    } else {
      out += chunk;
    }
    index = cluster.end;
  }
  return out;
}

/** A run of text and the SGR sequence it is drawn with ('' for the default look). */
export type Run = { readonly text: string; readonly sgr: string };

/** One row of content at most `width` cells wide, each run in its SGR look, reset at the end. */
export function renderRuns(runs: readonly Run[], width: number): string {
  let out = '';
  let left = width;
  let styled = false;
  for (const run of runs) {
    if (left <= 0) break;
    const fitted = fitCells(stripControls(asCounted(run.text)), left);
    if (fitted.text === '') continue;
    left -= fitted.cells;
    out += (styled ? RESET : '') + run.sgr + fitted.text;
    styled = run.sgr !== '';
  }
  return styled ? out + RESET : out;
}

/** One transcript row at most `width` cells wide. */
export function renderSpans(spans: readonly Span[], width: number): string {
  return renderRuns(
    spans.map((span) => ({ text: span.text, sgr: sgrFor(span.style, span.colours) })),
    width,
  );
}

/** The visible rows of a pane, one content string per row (never the whole transcript). */
export function lineRows(lines: readonly DisplayLine[], width: number): string[] {
  return lines.map((line) => renderSpans(line.spans, width));
}

/** The visible rows of a pane as one content string (never the whole transcript). */
export function renderLines(lines: readonly DisplayLine[], width: number): string {
  return lineRows(lines, width).join('\n');
}
