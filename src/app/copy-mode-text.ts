// What copy mode puts on the clipboard: the selected rows as plain text (rows wrapped from one
// line are joined again), and the OSC 52 sequence that hands it to the terminal's clipboard.
import type { RowSource } from '../core/transcript.js';

/** What copy needs of a transcript: where each row's text comes from. */
export interface CopyableTranscript {
  lineCount(width: number): number;
  rowSource(width: number, row: number): RowSource | undefined;
}

/** OSC 52 payloads larger than this are not sent (terminals drop or truncate them). */
export const OSC52_MAX_BYTES = 100_000;

/**
 * The plain text of rows `from`…`to` (inclusive, either order) at `width`: display text
 * without styling, one line per logical line (a row wrapped from the previous one joins it),
 * trailing spaces trimmed.
 */
export function copyText(transcript: CopyableTranscript, width: number, from: number, to: number): string {
  const first = Math.max(0, Math.min(from, to));
  const last = Math.min(transcript.lineCount(width) - 1, Math.max(from, to));
  const lines: string[] = [];
  let current = '';
  let previous: RowSource | undefined;
  for (let row = first; row <= last; row++) {
    const source = transcript.rowSource(width, row);
    if (source === undefined) break;
    const piece = source.text.slice(source.start, source.end).replace(/\n/g, '');
    if (previous !== undefined && joinsPrevious(previous, source)) {
      current += source.text.slice(previous.end, source.start).replace(/\n/g, '') + piece;
    } else {
      if (previous !== undefined) lines.push(current.trimEnd());
      current = piece;
    }
    previous = source;
  }
  if (previous !== undefined) lines.push(current.trimEnd());
  return lines.join('\n');
}

/** A row continues the previous one when both come from one block and no newline lies between them. */
function joinsPrevious(previous: RowSource, row: RowSource): boolean {
  if (previous.block !== row.block || previous.text !== row.text) return false;
  return !row.text.slice(previous.end, row.start).includes('\n');
}

/** `ESC ] 52 ; c ; BASE64 BEL`: asks the terminal to put `text` on the system clipboard. */
export function osc52Sequence(text: string): string {
  return `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
}

/**
 * Whether to try OSC 52: always, unless `AGENTMUX_OSC52=off` (or `0`), or `TERM` is unset,
 * `dumb` or `linux` (the Linux console has no clipboard and prints the sequence's text).
 */
export function osc52Allowed(env: Readonly<Record<string, string | undefined>>): boolean {
  const setting = env['AGENTMUX_OSC52']?.toLowerCase();
  if (setting === 'off' || setting === '0' || setting === 'no') return false;
  const term = env['TERM'] ?? '';
  return term !== '' && term !== 'dumb' && term !== 'linux';
}
