// Key bindings as data (DESIGN.md §2, §5): every mode is a table of rows on the app's mode
// stack. A row either maps a key to a command line, run through the same `dispatch` as the `:`
// prompt, or names a key the mode's own handler reads (typing text, moving in a list). The
// status bar's hints, the help overlay and `list-keys` are all generated from these rows.

import { OTHER_KEYS, OVERLAY_MODES } from './overlay-keys.js';

/** Every mode the cockpit can be in; the status bar shows the top one's name. */
export const MODE_NAMES = [
  'normal',
  'approval',
  'held',
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
  'runs',
  'graft-file',
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
  /** After the line runs, the key acts again in the mode below (receipts and search close on any key). */
  readonly passesDown?: true;
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
  run('X', ['X', 'S-x'], 'confirm-interrupt-all', 'interrupt every agent (asks y first when workflow agents would be interrupted)'),
  run('b', ['b'], 'compose --broadcast', 'broadcast a nudge to every agent', 'b bcast'),
  run('p', ['p'], 'toggle-pause', 'pause / resume the focused agent', 'p pause'),
  run('r', ['r'], 'timeline', 'rewind: open the timeline (pick a turn; e edits, f forks; s or Enter on a ⎇ branch switches to it, files too)', 'r rewind'),
  run('e', ['e'], 'timeline --edit', 'edit an entry in $VISUAL / $EDITOR (from the timeline)', 'e edit'),
  run('g', ['g'], 'graft-picker', 'graft: pick a source, turns FROM..TO (live preview, [ ] scroll it), Enter grafts', 'g graft'),
  run('w', ['w'], 'runs', 'the run view: workflow runs as a tree of phases and agents (states, stalls, logs, results)'),
  run('S', ['S', 'S-s'], 'session-browser', 'session browser: open, rename, delete (to trash), restore'),
  run('f', ['f'], 'fork', 'fork the focused agent into a new pane'),
  run('u', ['u'], 'confirm-undo', 'undo the last rewind (files too; asks about files changed since), edit, graft, fork or branch switch', 'u undo'),
  run('z', ['z'], 'zoom', 'zoom the focused pane / unzoom'),
  run('W', ['W', 'S-w'], 'next-approval', 'focus the next agent waiting for an approval (y / a / n then answer it)'),
  run('Space', ['space'], 'next-tiling', 'next tiling (tiled, columns, rows, main-left, main-top)'),
  run('n', ['n'], 'command-prompt new', 'new agent (opens the prompt with "new ")'),
  run('C', ['C', 'S-c'], 'run-continue', 'continue the newest unfinished workflow run (quit or crashed mid-run): finished calls are reused'),
  run('PgUp', ['pageup'], 'scroll-pane up', 'scroll the focused transcript up'),
  run('PgDn', ['pagedown'], 'scroll-pane down', 'scroll down (follows the stream again at the bottom)'),
  run('[', ['['], 'copy-mode', 'copy mode: move a cursor, select lines, copy them; Enter shows a tool call in full'),
  run('/', ['/'], 'search', 'search the focused transcript (newest first); n older · N newer · Esc ends'),
  run(':', [':'], 'command-prompt', 'command prompt', ': cmd'),
  run('?', ['?'], 'help', 'this help', '? help'),
  run('q', ['q'], 'quit', 'quit (asks y to confirm while an agent is working, a PTY program runs, a workflow run is live or messages wait in a queue)', 'q quit'),
];

/** Pushed over normal mode while the focused agent awaits an approval; other keys pass down. */
const APPROVAL: readonly KeyRow[] = [
  run('y', ['y'], 'approve y', 'run the pending tool call once', 'y once'),
  run('a', ['a'], 'approve a', 'run it, and from now on allow what the hints show (the tool, bash:WORD *, or for rm, sudo, sh… that exact command)', 'a always'),
  run('n', ['n'], 'command-prompt approve n', 'refuse it: the prompt opens for an optional reason, Enter refuses', 'n refuse'),
];

/** Pushed over normal mode while the focused agent's answer is held for review (`--hold`, issue 16); other keys pass down. */
const HELD: readonly KeyRow[] = [
  run('y', ['y'], 'hold-accept', 'accept the held answer: the script gets it as it stands', 'y accept'),
  run('e', ['e'], 'hold-edit', 'edit the value in $VISUAL / $EDITOR; saved, the script gets it (a schema-bound value is checked first and the editor reopens on a problem)', 'e edit'),
  run('s', ['s'], 'command-prompt hold-send', 'send it back: the prompt opens for a note; the agent gets it and works on (its next answer is held again)', 's send back'),
];

/** The run view (`w`, `:runs`): every key runs a `run-view` line on the selected row. */
const RUN_VIEW: readonly KeyRow[] = [
  run('↑ k', ['up', 'k'], 'run-view move up', 'select the row above', '↑↓ move'),
  run('↓ j', ['down', 'j'], 'run-view move down', 'select the row below'),
  run('PgUp', ['pageup'], 'run-view move page-up', 'a page up'),
  run('PgDn', ['pagedown'], 'run-view move page-down', 'a page down'),
  run('G End', ['S-g', 'G', 'end'], 'run-view move bottom', 'the last row'),
  run('g Home', ['g', 'home'], 'run-view move top', 'the first row'),
  run('Space', ['space'], 'run-view fold', 'fold / unfold the selected run or phase (on an agent: its phase); finished phases start folded', 'Space fold'),
  run('f', ['f'], 'run-view filter', 'filter the agents by state: all, waiting, stalled, working, done, null (in turn)', 'f filter'),
  run('n', ['n'], 'run-view next', 'jump to the next agent waiting on you or stalled', 'n next waiting/stalled'),
  run('Enter', ['enter'], 'run-view focus', 'close the view and focus the selected agent\'s pane (runs focus AGENT)', 'Enter focus'),
  run('s', ['s'], 'run-view skip', 'skip the selected agent: its call resolves to null (runs skip -t AGENT)', 's skip'),
  run('a', ['a'], 'run-view accept', 'accept the selected agent\'s last answer as its value (runs accept -t AGENT)', 'a accept'),
  run('e', ['e'], 'run-view edit', 'edit in $VISUAL / $EDITOR: the selected agent\'s held answer (runs hold-edit -t AGENT), or a queued call\'s prompt before it starts (runs prompt-edit -t AGENT)', 'e edit held/prompt'),
  run('t', ['t'], 'run-view send', 'message the selected agent: the prompt opens with send -t AGENT (a queued one gets it in its first turn)', 't message'),
  run('r', ['r'], 'run-view rename', 'rename the selected agent: the prompt opens with rename -t AGENT (a queued one starts under the new name)'),
  run('m', ['m'], 'run-view send-back', 'send the selected agent\'s held answer back: the prompt opens with hold-send -t AGENT', 'm send back'),
  run('b', ['b'], 'run-view nudge', 'nudge the selected phase: the prompt opens with broadcast -t @RUN/PHASE', 'b nudge phase'),
  run('X', ['X', 'S-x'], 'run-view stop', 'stop the selected run: runs confirm-run-stop RUN (asks y, then run-stop RUN); a finished run says so', 'X stop run'),
  run('Esc q', ['escape', 'q'], 'run-view close', 'close the run view', 'Esc close'),
];

const TYPING = own('text', 'typed into the line', undefined);

/** The composer's keys (`Enter`, `b`): after its Enter row. */
const COMPOSING: readonly KeyRow[] = [
  own('C-j', 'a newline (also M-Enter, or \\ then Enter)', 'C-j newline'),
  own('↑↓', 'move a row; past the first / last row: history, per agent, kept across restarts', '↑↓ history'),
  own('C-g', 'edit the draft in $VISUAL / $EDITOR (the in-app editor when neither is set)', 'C-g editor'),
  own('Esc', 'on text: keeps the draft and asks for a second Esc, which closes (Enter opens the draft again)', 'Esc Esc close'),
  own('C-a C-e', 'start / end of the line (also Home / End); C-b C-f: a character left / right (also ← →)'),
  own('C-u C-k', 'delete to the start / to the end of the line; C-w: the word before the cursor; C-d: the character under it'),
  own('paste', 'goes in as text, lines kept; never sends'),
  own('text', 'typed into the box', undefined),
];

/** Every mode's rows, in the order help and `list-keys` show them. */
export const MODES: readonly ModeTable[] = [
  { name: 'normal', rows: NORMAL },
  { name: 'approval', shows: 'normal', rows: APPROVAL },
  { name: 'held', rows: HELD },
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
  { name: 'edit', rows: [own('C-s', 'save the entry', 'C-s save'), own('Esc', 'cancel', 'Esc cancel'), TYPING] },
  { name: 'session-rename', shows: 'sessions', rows: [own('Enter', 'rename', 'Enter rename'), own('Esc', 'back', 'Esc back'), TYPING] },
  ...OVERLAY_MODES,
  { name: 'search-input', rows: [own('Enter', 'search (newest first)', 'Enter search (newest first)'), own('Esc', 'close', 'Esc close'), TYPING] },
  { name: 'runs', rows: RUN_VIEW },
];

/** What the help overlay adds about the mouse, which has no key. */
export const MOUSE_NOTE = 'mouse: a click focuses a pane; the wheel scrolls the pane under the pointer (3 rows a notch), or the overlay over the panes';

/** The table of a mode. */
export function modeTable(name: ModeName): ModeTable {
  const found = MODES.find((mode) => mode.name === name);
  if (found === undefined) throw new Error(`no mode table for ${name}`);
  return found;
}

/** The command row a key runs in `mode`, if any (blessed's `full` name, then the character; else the mode's "other keys" row). */
export function commandRowFor(mode: ModeName, keyNames: readonly (string | undefined)[]): CommandRow | undefined {
  const rows = modeTable(mode).rows.flatMap((row) => (row.kind === 'command' ? [row] : []));
  // The names in order: `S-n` (N) must find N's row before `n` finds n's.
  for (const name of keyNames) {
    const row = name === undefined || name === OTHER_KEYS ? undefined : rows.find((candidate) => candidate.keys.includes(name));
    if (row !== undefined) return row;
  }
  return rows.find((row) => row.keys.includes(OTHER_KEYS));
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
