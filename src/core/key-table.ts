// Key bindings as data (DESIGN.md §2, §5): every mode is a table of rows on the app's mode
// stack. A row either maps a key to a command line, run through the same `dispatch` as the `:`
// prompt, or names a key the mode's own handler reads (typing text, moving in a list). The
// status bar's hints, the help overlay and `list-keys` are all generated from these rows.

/** Every mode the cockpit can be in; the status bar shows the top one's name. */
export const MODE_NAMES = [
  'normal',
  'approval',
  'attached',
  'prompt',
  'message',
  'broadcast',
  'receipts',
  'confirm',
  'timeline',
  'timeline-edit',
  'file-conflicts',
  'edit',
  'sessions',
  'session-rename',
  'graft',
  'copy',
  'search',
  'search-input',
  'pager',
] as const;

export type ModeName = (typeof MODE_NAMES)[number];

/** A key that runs a command line (the same line typed at `:` does the same). */
export type CommandRow = {
  readonly kind: 'command';
  /** How help and `list-keys` show the key. */
  readonly key: string;
  /** The key's names as blessed reports them (`tab`, `S-tab`, `C-left`, `escape`, `1`…). */
  readonly keys: readonly string[];
  readonly line: string;
  readonly note: string;
  /** The short form the status bar's hints use; rows without one are left out of the hints. */
  readonly hint?: string;
};

/** A key the mode's own handler reads: typing or editing text, moving in a list or a pager. */
export type HandlerRow = {
  readonly kind: 'handler';
  readonly key: string;
  readonly note: string;
  readonly hint?: string;
};

export type KeyRow = CommandRow | HandlerRow;

/** A mode as data: its rows, and the name the status bar shows when not its own. */
export type ModeTable = {
  readonly name: ModeName;
  readonly shows?: string;
  readonly rows: readonly KeyRow[];
};

const run = (key: string, keys: readonly string[], line: string, note: string, hint?: string): CommandRow => ({
  kind: 'command',
  key,
  keys,
  line,
  note,
  ...(hint === undefined ? {} : { hint }),
});
const own = (key: string, note: string, hint?: string): HandlerRow => ({ kind: 'handler', key, note, ...(hint === undefined ? {} : { hint }) });

const PANE_NUMBERS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((n) => run(n, [n], `select-pane -t ${n}`, `focus pane ${n}`));

/** Normal mode: the bottom of the stack. Rows without `-t` act on the focused agent. */
const NORMAL: readonly KeyRow[] = [
  run('Tab', ['tab'], 'next-pane', 'focus the next pane'),
  run('S-Tab', ['S-tab'], 'previous-pane', 'focus the previous pane'),
  run('C-←', ['C-left'], 'select-pane -L', 'focus the pane to the left'),
  run('C-→', ['C-right'], 'select-pane -R', 'focus the pane to the right'),
  run('C-↑', ['C-up'], 'select-pane -U', 'focus the pane above'),
  run('C-↓', ['C-down'], 'select-pane -D', 'focus the pane below'),
  ...PANE_NUMBERS,
  run('Enter', ['enter'], 'compose', 'message the focused agent (a PTY pane: attach, keys go to it)', 'Enter msg'),
  run('Esc', ['escape'], 'interrupt', 'interrupt the focused agent (closes an overlay first)', 'Esc int'),
  run('X', ['X', 'S-x'], 'interrupt -t all', 'interrupt every agent'),
  run('b', ['b'], 'compose --broadcast', 'broadcast a nudge to every agent', 'b bcast'),
  run('p', ['p'], 'toggle-pause', 'pause / resume the focused agent', 'p pause'),
  run('r', ['r'], 'timeline', 'rewind: open the timeline (pick a turn; e edits, f forks; s or Enter on a ⎇ branch switches to it, files too)', 'r rewind'),
  run('e', ['e'], 'timeline --edit', 'edit an entry in $VISUAL / $EDITOR (from the timeline)', 'e edit'),
  run('g', ['g'], 'graft-picker', 'graft: pick a source, turns FROM..TO (live preview, [ ] scroll it), Enter grafts', 'g graft'),
  run('S', ['S', 'S-s'], 'session-browser', 'session browser: open, rename, delete (to trash), restore'),
  run('f', ['f'], 'fork', 'fork the focused agent into a new pane'),
  run('u', ['u'], 'confirm-undo', 'undo the last rewind (files too; asks about files changed since), edit, graft, fork or branch switch', 'u undo'),
  run('z', ['z'], 'zoom', 'zoom the focused pane / unzoom'),
  run('w', ['w'], 'next-approval', 'focus the next agent waiting for an approval (y / a / n then answer it)'),
  run('Space', ['space'], 'next-tiling', 'next tiling (tiled, columns, rows, main-left, main-top)'),
  run('n', ['n'], 'command-prompt new', 'new agent (opens the prompt with "new ")'),
  run('PgUp', ['pageup'], 'scroll-pane up', 'scroll the focused transcript up'),
  run('PgDn', ['pagedown'], 'scroll-pane down', 'scroll down (follows the stream again at the bottom)'),
  run('[', ['['], 'copy-mode', 'copy mode: move a cursor, select lines, copy them; Enter shows a tool call in full'),
  run('/', ['/'], 'search', 'search the focused transcript (newest first); n older · N newer · Esc ends'),
  run(':', [':'], 'command-prompt', 'command prompt', ': cmd'),
  run('?', ['?'], 'help', 'this help', '? help'),
  run('q', ['q'], 'quit', 'quit (asks y to confirm while an agent is working)', 'q quit'),
];

/** Pushed over normal mode while the focused agent awaits an approval; other keys pass down. */
const APPROVAL: readonly KeyRow[] = [
  run('y', ['y'], 'approve y', 'run the pending tool call once', 'y once'),
  run('a', ['a'], 'approve a', 'run it, and from now on allow what the hints show (the tool, bash:WORD *, or for rm, sudo, sh… that exact command)', 'a always'),
  run('n', ['n'], 'command-prompt approve n', 'refuse it: the prompt opens for an optional reason, Enter refuses', 'n refuse'),
];

const TYPING = own('text', 'typed into the line', undefined);

/** The composer's keys (`Enter`, `b`): after its Enter row. */
const COMPOSING: readonly KeyRow[] = [
  own('C-j', 'a newline (also M-Enter, or \\ then Enter)', 'C-j newline'),
  own('↑↓', 'history (on the first / last line), per agent, kept across restarts', '↑↓ history'),
  own('C-g', 'edit the draft in $VISUAL / $EDITOR (the in-app editor when neither is set)', 'C-g editor'),
  own('Esc', 'on text: keeps the draft and asks for a second Esc, which closes (Enter opens the draft again)', 'Esc Esc close (draft kept)'),
  own('paste', 'goes in as text, lines kept; never sends'),
  own('text', 'typed into the box', undefined),
];

/** Every mode's rows, in the order help and `list-keys` show them. */
export const MODES: readonly ModeTable[] = [
  { name: 'normal', rows: NORMAL },
  { name: 'approval', shows: 'normal', rows: APPROVAL },
  {
    name: 'attached',
    rows: [run('C-q', ['C-q'], 'detach-pane', 'detach from the PTY pane (every other key goes to its program)', 'C-q detaches'), own('other keys', 'go to the attached program', 'keys go to the attached pane')],
  },
  {
    name: 'prompt',
    rows: [own('Enter', 'run the line', 'Enter run'), own('Tab', 'complete a command name', 'Tab complete'), own('↑↓', 'history', '↑↓ history'), own('Esc', 'close', 'Esc close'), TYPING],
  },
  { name: 'message', rows: [own('Enter', 'send the message', 'Enter send'), ...COMPOSING] },
  { name: 'broadcast', rows: [own('Enter', 'broadcast it as a nudge', 'Enter broadcast'), ...COMPOSING] },
  { name: 'receipts', rows: [own('any key', 'closes (and acts as in normal mode)', 'any key closes')] },
  { name: 'confirm', rows: [own('y', 'confirm', 'y confirm'), own('other keys', 'cancel', 'any other key cancels')] },
  {
    name: 'timeline',
    rows: [
      own('↑↓', 'move', '↑↓ move'),
      own('Enter', 'rewind to the entry (switch on a ⎇ branch row)', 'Enter/r rewind'),
      own('r', 'rewind here (runs rewind -t AGENT TURN)'),
      own('e', 'edit this entry (runs edit -t AGENT TURN)', 'e edit'),
      own('f', 'fork here (runs fork -t AGENT TURN)', 'f fork'),
      own('s', 'switch to this ⎇ branch (runs switch -t AGENT N)', 's switch branch'),
      own('y', 'copy mode at this entry', 'y copy'),
      own('Esc q', 'close', 'Esc close'),
    ],
  },
  {
    name: 'timeline-edit',
    shows: 'timeline',
    rows: [
      own('↑↓', 'move', '↑↓ move'),
      own('Enter', 'edit the entry (switch on a ⎇ branch row)', 'Enter/e edit'),
      own('r', 'rewind here', 'r rewind'),
      own('f', 'fork here', 'f fork'),
      own('s', 'switch to this ⎇ branch', 's switch branch'),
      own('Esc q', 'close', 'Esc close'),
    ],
  },
  {
    name: 'file-conflicts',
    rows: [own('o', 'overwrite the files changed since', 'o overwrite them'), own('k', 'keep them (restore the rest)', 'k keep them (restore the rest)'), own('c Enter Esc', 'cancel', 'c/Enter/Esc cancel')],
  },
  { name: 'edit', rows: [own('C-s', 'save the entry', 'C-s save'), own('Esc', 'cancel', 'Esc cancel'), TYPING] },
  {
    name: 'sessions',
    rows: [
      own('↑↓ j k', 'move', '↑↓ move'),
      own('Enter o', 'open the selected session in a pane (runs session-open ID)', 'Enter/o open'),
      own('R', 'rename it (runs session-rename ID NAME)', 'R rename'),
      own('d', 'move it to the trash (runs session-trash ID)', 'd delete'),
      own('t', 'show the trash / the store', 't trash'),
      own('r', 'in the trash: restore it (runs session-restore ID)', 'r restore'),
      own('Esc q', 'close', 'Esc close'),
    ],
  },
  { name: 'session-rename', shows: 'sessions', rows: [own('Enter', 'rename', 'Enter rename'), own('Esc', 'back', 'Esc back'), TYPING] },
  {
    name: 'graft',
    rows: [
      own('↑↓', 'move', '↑↓ move'),
      own('Enter', 'pick a source / set FROM, TO (grafts: runs graft -t AGENT SOURCE FROM..TO)', 'Enter pick / set FROM, TO'),
      own('2..4', 'type a range', '2..4 type a range'),
      own('[ ]', 'scroll the preview'),
      own('Esc', 'back a step, then close', 'Esc back'),
      own('q', 'close', 'q close'),
    ],
  },
  {
    name: 'copy',
    rows: [
      own('↑↓ j k PgUp PgDn g G', 'move the cursor', '↑↓ jk PgUp PgDn g G move'),
      own('v Space', 'start / drop a line selection', 'v/Space select'),
      own('y', 'copy the selection (or the cursor row) and leave', 'y copy'),
      own('Enter', 'show the tool call under the cursor in full (copies a selection)', 'Enter tool call / copy'),
      own('/ n N', 'search; next older, next newer', '/ n N search'),
      own('Esc q', 'leave copy mode', 'Esc/q leave'),
    ],
  },
  {
    name: 'search',
    rows: [
      own('n', 'next older match', 'n older match'),
      own('N', 'next newer match', 'N newer'),
      own('/', 'new search', '/ new search'),
      own('Esc', 'end the search (other keys end it and act as in normal mode)', 'Esc ends'),
    ],
  },
  { name: 'search-input', rows: [own('Enter', 'search (newest first)', 'Enter search (newest first)'), own('Esc', 'close', 'Esc close'), TYPING] },
  { name: 'pager', rows: [own('↑↓ PgUp PgDn g G', 'scroll', '↑↓ PgUp PgDn scroll'), own('Esc q ?', 'close', 'Esc close')] },
];

/** What the help overlay adds about the mouse, which has no key. */
export const MOUSE_NOTE = 'mouse: a click focuses a pane; the wheel scrolls the pane under the pointer (3 rows a notch), or the overlay over the panes';

/** The table of a mode. */
export function modeTable(name: ModeName): ModeTable {
  const found = MODES.find((mode) => mode.name === name);
  if (found === undefined) throw new Error(`no mode table for ${name}`);
  return found;
}

/** The command row a key runs in `mode`, if any (blessed's `full` name, then the character). */
export function commandRowFor(mode: ModeName, keyNames: readonly (string | undefined)[]): CommandRow | undefined {
  for (const row of modeTable(mode).rows) {
    if (row.kind === 'command' && keyNames.some((name) => name !== undefined && row.keys.includes(name))) return row;
  }
  return undefined;
}

/** The status bar's key hints for a mode, generated from its rows. */
export function hintsOf(mode: ModeName): string {
  return modeTable(mode)
    .rows.flatMap((row) => (row.hint === undefined ? [] : [row.hint]))
    .join(' · ');
}

/** `list-keys [MODE]`: one line per binding, `MODE KEY COMMAND-LINE  NOTE` (a handler's key shows `-`). */
export function listKeys(mode?: ModeName): string[] {
  const tables = mode === undefined ? MODES : [modeTable(mode)];
  const rows = tables.flatMap((table) => table.rows.map((row) => ({ mode: table.name, row })));
  const keyWidth = Math.max(...rows.map(({ row }) => row.key.length));
  const modeWidth = Math.max(...rows.map(({ mode: name }) => name.length));
  const lineWidth = Math.max(...rows.map(({ row }) => (row.kind === 'command' ? row.line.length : 1)));
  return rows.map(({ mode: name, row }) =>
    `${name.padEnd(modeWidth)} ${row.key.padEnd(keyWidth)} ${(row.kind === 'command' ? row.line : '-').padEnd(lineWidth)}  ${row.note}`,
  );
}

/** Parses a mode name from outside (the `list-keys` argument). */
export function parseModeName(text: string): ModeName | undefined {
  return MODE_NAMES.find((name) => name === text);
}
