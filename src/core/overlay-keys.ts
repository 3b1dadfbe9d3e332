// The keys of the overlays (timeline, file conflicts, confirm, receipts, pager, copy mode, search,
// graft picker, session browser) as data: each key a command line that acts on the open overlay
// (`timeline-move -1`, `confirm-answer y`…), run through the same `dispatch` as every other key.
// Only typed text (a graft range, a file name) stays with the overlay's own handler.
import type { CommandRow, HandlerRow, KeyRow, ModeTable } from './key-table.js';

/** A key that runs `line`; `passesDown`: the key then acts in the mode below (receipts, search). */
function key(key: string, keys: readonly string[], line: string, note: string, hint?: string, passesDown?: true): CommandRow {
  return { kind: 'command', key, keys, line, note, ...(hint === undefined ? {} : { hint }), ...(passesDown === undefined ? {} : { passesDown }) };
}

/** The key name a row uses for "any key no other row of the mode binds". */
export const OTHER_KEYS = '*';

const typing = (note: string, hint?: string): HandlerRow => ({ kind: 'handler', key: 'text', note, ...(hint === undefined ? {} : { hint }) });

/** How a mode's move rows read: with the j k g G letters, with Space as a page, and their hint. */
type MoveKeys = { readonly letters: boolean; readonly space: boolean; readonly hint: string };

/** ↑↓ (j k), PgUp PgDn (Space), Home (g), End (G) as `COMMAND MOVE` rows. */
function moveRows(command: string, what: string, keys: MoveKeys): KeyRow[] {
  const named = (label: string, names: readonly string[], letter: string, letterNames: readonly string[]): [string, string[]] =>
    keys.letters ? [`${label} ${letter}`, [...names, ...letterNames]] : [label, [...names]];
  const rows: [string, string[], string, string][] = [
    [...named('↑', ['up'], 'k', ['k']), '-1', 'up a row'],
    [...named('↓', ['down'], 'j', ['j']), '1', 'down a row'],
    ['PgUp', ['pageup'], 'page-up', 'up a page'],
    [keys.space ? 'PgDn Space' : 'PgDn', keys.space ? ['pagedown', 'space'] : ['pagedown'], 'page-down', 'down a page'],
    [...named('Home', ['home'], 'g', ['g']), 'top', 'to the top'],
    [...named('End', ['end'], 'G', ['S-g', 'G']), 'bottom', 'to the bottom'],
  ];
  return rows.map(([label, names, move, how], index) => key(label, names, `${command} ${move}`, `${what} ${how}`, index === 0 ? keys.hint : undefined));
}

const LIST_KEYS: MoveKeys = { letters: true, space: true, hint: '↑↓ move' };

const TIMELINE_SHARED: readonly KeyRow[] = [
  key('e', ['e'], 'timeline-do edit', 'edit this entry (runs edit -t AGENT TURN)', 'e edit'),
  key('f', ['f'], 'timeline-do fork', 'fork here (runs fork -t AGENT TURN)', 'f fork'),
  key('s', ['s'], 'timeline-do switch', 'switch to this ⎇ branch (runs switch -t AGENT N)', 's switch branch'),
  key('y', ['y'], 'timeline-do copy', 'copy mode at this entry', 'y copy'),
  key('Esc q', ['escape', 'q'], 'timeline-do close', 'close', 'Esc close'),
];

/** The overlays' tables, in the order help and `list-keys` show them. */
export const OVERLAY_MODES: readonly ModeTable[] = [
  {
    name: 'receipts',
    rows: [
      key('Esc', ['escape'], 'receipts-close', 'close'),
      key('other keys', [OTHER_KEYS], 'receipts-close', 'close; the key then acts as in normal mode', 'any key closes', true),
    ],
  },
  {
    name: 'confirm',
    rows: [key('y', ['y', 'S-y'], 'confirm-answer y', 'confirm', 'y confirm'), key('other keys', [OTHER_KEYS], 'confirm-answer n', 'cancel', 'any other key cancels')],
  },
  {
    name: 'timeline',
    rows: [
      ...moveRows('timeline-move', 'move', LIST_KEYS),
      key('Enter', ['enter'], 'timeline-do enter', 'rewind to the entry (switch on a ⎇ branch row)', 'Enter/r rewind'),
      key('r', ['r'], 'timeline-do rewind', 'rewind here (runs rewind -t AGENT TURN)'),
      ...TIMELINE_SHARED,
    ],
  },
  {
    name: 'timeline-edit',
    shows: 'timeline',
    rows: [
      ...moveRows('timeline-move', 'move', LIST_KEYS),
      key('Enter', ['enter'], 'timeline-do enter', 'edit the entry (switch on a ⎇ branch row)', 'Enter/e edit'),
      key('r', ['r'], 'timeline-do rewind', 'rewind here', 'r rewind'),
      ...TIMELINE_SHARED,
    ],
  },
  {
    name: 'file-conflicts',
    rows: [
      key('o', ['o'], 'file-conflicts-answer overwrite', 'overwrite the files changed since', 'o overwrite them'),
      key('k', ['k'], 'file-conflicts-answer keep', 'keep them (restore the rest)', 'k keep them (restore the rest)'),
      key('c Enter Esc', ['c', 'enter', 'escape'], 'file-conflicts-answer cancel', 'cancel', 'c/Enter/Esc cancel'),
      ...moveRows('file-conflicts-move', 'move in the list', { letters: false, space: false, hint: '↑↓ move' }),
    ],
  },
  {
    name: 'sessions',
    rows: [
      key('↑ k', ['up', 'k'], 'session-browser-move -1', 'move up', '↑↓ move'),
      key('↓ j', ['down', 'j'], 'session-browser-move 1', 'move down'),
      key('Enter o', ['enter', 'o'], 'session-browser-do open', 'open the selected session in a pane (runs session-open ID); on a run, its record', 'Enter/o open'),
      key('Space', ['space'], 'session-browser-do toggle', 'on a run: list its agents (Space again folds them)', 'Space agents'),
      key('→ l', ['right', 'l'], 'session-browser-do unfold', 'on a run: list its agents (an unfolded run stays so)'),
      key('← h', ['left', 'h'], 'session-browser-do fold', 'fold the run the selection is in', '← fold'),
      key('R', ['R', 'S-r'], 'session-browser-do rename', 'rename it (asks the name, then runs session-rename ID NAME)', 'R rename'),
      key('d', ['d'], 'session-browser-do trash', 'move it to the trash (asks, then runs session-trash ID)', 'd delete'),
      key('t', ['t'], 'session-browser-do trash-view', 'show the trash / the store', 't trash'),
      key('r', ['r'], 'session-browser-do restore', 'in the trash: restore it (runs session-restore ID)', 'r restore'),
      key('Esc q', ['escape', 'q'], 'session-browser-do close', 'close', 'Esc close'),
    ],
  },
  {
    name: 'graft',
    rows: [
      key('↑ k', ['up', 'k'], 'graft-picker-move -1', 'move up', '↑↓ move'),
      key('↓ j', ['down', 'j'], 'graft-picker-move 1', 'move down'),
      key('PgUp', ['pageup'], 'graft-picker-move page-up', 'move up 10 rows'),
      key('PgDn', ['pagedown'], 'graft-picker-move page-down', 'move down 10 rows'),
      key('Home', ['home'], 'graft-picker-move top', 'to the first row'),
      key('End', ['end'], 'graft-picker-move bottom', 'to the last row'),
      key('Enter', ['enter'], 'graft-picker-do enter', 'pick a source / set FROM, TO (grafts: runs graft -t AGENT SOURCE FROM..TO)', 'Enter pick / set FROM, TO'),
      key('[', ['['], 'graft-picker-do preview-up', 'scroll the preview up'),
      key(']', [']'], 'graft-picker-do preview-down', 'scroll the preview down'),
      key('Esc', ['escape'], 'graft-picker-do back', 'back a step (clears a typed range first), then close', 'Esc back'),
      key('q', ['q'], 'graft-picker-do close', 'close (as q closes every list overlay)'),
      typing('0-9 . Backspace type a range FROM..TO (e.g. 2..4)', '2..4 type a range'),
    ],
  },
  { name: 'graft-file', shows: 'graft', rows: [{ kind: 'handler', key: 'Enter', note: 'read the file as the source', hint: 'Enter read it' }, { kind: 'handler', key: 'Esc', note: 'back', hint: 'Esc back' }, typing('typed into the line')] },
  {
    name: 'copy',
    rows: [
      ...moveRows('copy-mode-move', 'move the cursor', { letters: true, space: false, hint: '↑↓ jk PgUp PgDn g G move' }),
      key('v Space', ['v', 'space'], 'copy-mode-do select', 'start / drop a line selection', 'v/Space select'),
      key('y', ['y'], 'copy-mode-do copy', 'copy the selection (or the cursor row) and leave', 'y copy'),
      key('Enter', ['enter'], 'copy-mode-do enter', 'show the tool call or thinking under the cursor in full (copies a selection)', 'Enter in full / copy'),
      key('/', ['/'], 'copy-mode-do search', 'search', '/ n N search'),
      key('n', ['n'], 'copy-mode-do older', 'next older match'),
      key('N', ['N', 'S-n'], 'copy-mode-do newer', 'next newer match'),
      key('Esc q', ['escape', 'q'], 'copy-mode-do leave', 'leave copy mode', 'Esc/q leave'),
    ],
  },
  {
    name: 'search',
    rows: [
      key('n', ['n'], 'search-do older', 'next older match', 'n older match'),
      key('N', ['N', 'S-n'], 'search-do newer', 'next newer match', 'N newer'),
      key('/', ['/'], 'search-do new', 'new search', '/ new search'),
      key('PgUp', ['pageup'], 'scroll-pane up', 'scroll the pane up'),
      key('PgDn', ['pagedown'], 'scroll-pane down', 'scroll the pane down'),
      key('Esc', ['escape'], 'search-do end', 'end the search', 'Esc ends'),
      key('other keys', [OTHER_KEYS], 'search-do end', 'end the search; the key then acts as in normal mode', undefined, true),
    ],
  },
  { name: 'pager', rows: [...moveRows('pager-move', 'scroll', { letters: true, space: true, hint: '↑↓ PgUp PgDn scroll' }), key('Esc q ?', ['escape', 'q', '?'], 'pager-close', 'close', 'Esc close')] },
];
