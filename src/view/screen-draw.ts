// Draws blessed's dirty rows to the terminal with row-diff.ts instead of blessed's Screen.draw,
// for the streaming frames that only panes and the status bar changed (cockpit-view.ts): fewer
// bytes per token (issue 17). Falls back to blessed's own draw where its output differs in kind
// (alternate character set, artificial cursor, terminals without UTF-8).
import type blessed from 'blessed';
import { diffRows, type DiffTerminal } from './row-diff.js';
import type { CellRow } from './screen-canvas.js';

function isCellRows(value: unknown): value is CellRow[] {
  return Array.isArray(value) && value.every((row) => Array.isArray(row));
}

function stringsOf(tput: unknown): Record<string, unknown> {
  const strings: unknown = Reflect.get(Object(tput), 'strings');
  return typeof strings === 'object' && strings !== null ? { ...strings } : {};
}

// Read once per screen: the terminfo and the screen's settings do not change while it is up.
const terminals = new WeakMap<blessed.Widgets.Screen, DiffTerminal | 'blessed'>();

function cachedDiffTerminal(screen: blessed.Widgets.Screen): DiffTerminal | undefined {
  const known = terminals.get(screen);
  if (known !== undefined) return known === 'blessed' ? undefined : known;
  const terminal = diffTerminal(screen);
  terminals.set(screen, terminal ?? 'blessed');
  return terminal;
}

/** The terminal as the diff sees it, or undefined where blessed's own draw must run. */
function diffTerminal(screen: blessed.Widgets.Screen): DiffTerminal | undefined {
  const tput: unknown = Reflect.get(screen, 'tput');
  const strings = stringsOf(tput);
  const cursor: unknown = Reflect.get(screen, 'cursor');
  if (Reflect.get(Object(cursor), 'artificial') === true) return undefined;
  if (typeof strings['enter_alt_charset_mode'] === 'string' && Reflect.get(Object(tput), 'brokenACS') !== true) return undefined;
  if (Reflect.get(Object(tput), 'unicode') !== true) return undefined;
  const dattr: unknown = Reflect.get(screen, 'dattr');
  const codeAttr: unknown = Reflect.get(screen, 'codeAttr');
  if (typeof dattr !== 'number' || typeof codeAttr !== 'function') return undefined;
  return {
    defaultAttr: dattr,
    sgr: (attr) => String(Reflect.apply(codeAttr, screen, [attr])),
    erase: typeof strings['erase_chars'] === 'string',
    forward: typeof strings['parm_right_cursor'] === 'string',
  };
}

/** Writes rows `start..end` that changed since the last draw; blessed's draw where the diff does not apply. */
export function drawChangedRows(screen: blessed.Widgets.Screen, start: number, end: number): void {
  const terminal = cachedDiffTerminal(screen);
  const lines: unknown = Reflect.get(screen, 'lines');
  const olines: unknown = Reflect.get(screen, 'olines');
  const write: unknown = Reflect.get(screen.program, '_write');
  if (terminal === undefined || !isCellRows(lines) || !isCellRows(olines) || typeof write !== 'function') {
    screen.draw(start, end);
    return;
  }
  const pending: unknown = Reflect.get(screen, '_buf');
  let main = typeof pending === 'string' ? pending : '';
  if (main !== '') Reflect.set(screen, '_buf', '');
  main += diffRows(lines, olines, start, end, terminal);
  if (main === '') return;
  // Save and restore the cursor around the frame, hidden meanwhile (as blessed's draw does).
  const hidden = Reflect.get(screen.program, 'cursorHidden') === true;
  const pre = hidden ? '\x1b7' : '\x1b7\x1b[?25l';
  const post = hidden ? '\x1b8' : '\x1b8\x1b[?25h';
  Reflect.apply(write, screen.program, [pre + main + post]);
}
