// The bytes that bring a terminal's rows from what it shows (`shown`) to what the buffer holds
// (`next`), cell by cell as blessed's Screen.draw does, but cheaper per streaming frame
// (issue 17): one cursor move per row (blessed writes two), a gap of a few unchanged cells is
// written as its characters when that is shorter than a cursor move, and a run of blanks is
// erased with ECH instead of written space by space.
import type { CellRow } from './screen-canvas.js';
import { charWidth } from '../core/text-width.js';

/** What the diff needs of the terminal: the default attribute, SGR for an attribute, and which sequences it has. */
export type DiffTerminal = {
  readonly defaultAttr: number;
  /** The SGR that sets `attr` from the default look (blessed's codeAttr). */
  readonly sgr: (attr: number) => string;
  /** ECH (erase characters) is available. */
  readonly erase: boolean;
  /** CUF (cursor forward by N) is available; without it every gap is a CUP. */
  readonly forward: boolean;
};

/** Blank runs shorter than this are written as spaces (ECH plus a move costs about as much). */
const MIN_ERASE = 5;
/** Gaps this short may be written as their characters. */
const MAX_REWRITE_GAP = 4;

const cup = (y: number, x: number): string => `\x1b[${y + 1};${x + 1}H`;

function isWide(ch: string): boolean {
  return charWidth(ch.codePointAt(0) ?? 0) === 2;
}

/** True when `cells` of row `line` from `from` (exclusive of `to`) can be re-sent as plain characters in `attr`. */
function rewritable(line: CellRow, from: number, to: number, attr: number): string | undefined {
  let text = '';
  for (let x = from; x < to; x++) {
    const cell = line[x];
    if (cell === undefined || cell[0] !== attr) return undefined;
    const ch = cell[1];
    if (ch.length !== 1 || ch < ' ' || ch > '~') return undefined;
    text += ch;
  }
  return text;
}

/**
 * The output for rows `start..end` whose `dirty` flag is set; updates `shown` to match `next`
 * and clears the flags, exactly as blessed's draw leaves its `olines`. Empty when nothing changed.
 */
export function diffRows(next: readonly CellRow[], shown: readonly CellRow[], start: number, end: number, terminal: DiffTerminal): string {
  const dattr = terminal.defaultAttr;
  let out = '';
  for (let y = start; y <= end; y++) {
    const line = next[y];
    const old = shown[y];
    if (line === undefined || old === undefined || line.dirty !== true) continue;
    line.dirty = false;
    let row = '';
    let attr = dattr;
    // Where the terminal's cursor is on this row after what `row` holds; -1: not on this row yet.
    let at = -1;
    const setAttr = (data: number): void => {
      if (data === attr) return;
      if (attr !== dattr) row += '\x1b[m';
      if (data !== dattr) row += terminal.sgr(data);
      attr = data;
    };
    const moveTo = (x: number): void => {
      if (at === x) return;
      if (at === -1 || !terminal.forward || x < at) {
        row += cup(y, x);
      } else {
        const move = `\x1b[${x - at}C`;
        const text = x - at <= MAX_REWRITE_GAP ? rewritable(line, at, x, attr) : undefined;
        row += text !== undefined && text.length < move.length ? text : move;
      }
      at = x;
    };
    for (let x = 0; x < line.length; x++) {
      const cell = line[x];
      const before = old[x];
      if (cell === undefined || before === undefined) break;
      const [data, ch] = cell;
      if (data === before[0] && ch === before[1]) continue;
      if (terminal.erase && ch === ' ' && data === dattr) {
        let runEnd = x;
        while (runEnd < line.length && line[runEnd]?.[0] === dattr && line[runEnd]?.[1] === ' ') runEnd++;
        if (runEnd - x >= MIN_ERASE) {
          moveTo(x);
          setAttr(dattr);
          row += `\x1b[${runEnd - x}X`;
          for (let xx = x; xx < runEnd; xx++) {
            const erased = old[xx];
            if (erased === undefined) continue;
            erased[0] = dattr;
            erased[1] = ' ';
          }
          // ECH leaves the cursor where it was.
          x = runEnd - 1;
          continue;
        }
      }
      moveTo(x);
      setAttr(data);
      before[0] = data;
      before[1] = ch;
      at = x + 1;
      if (!isWide(ch)) {
        row += ch;
        continue;
      }
      // As blessed does: a wide character is always redrawn (its cell is marked unknown), the
      // placeholder after it is eaten, and one with no placeholder cell left is drawn as a blank.
      before[1] = '\0';
      const placeholder = old[x + 1];
      if (placeholder === undefined || line[x + 1]?.[1] !== '\x03') {
        row += ' ';
        continue;
      }
      row += ch;
      placeholder[1] = '\0';
      x += 1;
      at = x + 1;
    }
    if (attr !== dattr) row += '\x1b[m';
    out += row;
  }
  return out;
}
