// Key bindings of normal mode (DESIGN.md §5) as data: the help overlay is generated from this
// table, and the app maps a key to its action through it. `action` names what the app does;
// keys that simply run a command carry the command line template instead.

/** What pressing a key does: run a command line (with `{agent}` for the focused one), or a view action. */
export type KeyAction =
  | { readonly kind: 'command'; readonly line: string }
  | {
      readonly kind: 'view';
      readonly action:
        | 'next-pane'
        | 'previous-pane'
        | 'move-left'
        | 'move-right'
        | 'move-up'
        | 'move-down'
        | 'pane-number'
        | 'message'
        | 'broadcast'
        | 'timeline'
        | 'edit'
        | 'graft'
        | 'sessions'
        | 'zoom'
        | 'next-tiling'
        | 'new-agent'
        | 'prompt'
        | 'help'
        | 'quit'
        | 'page-up'
        | 'page-down'
        | 'copy-mode'
        | 'search'
        | 'pause-toggle'
        | 'undo';
    };

export type KeyBinding = {
  /** The key's name as blessed reports it (`tab`, `S-tab`, `C-left`, `escape`, `1`…). */
  readonly keys: readonly string[];
  /** How the help overlay shows the key. */
  readonly label: string;
  readonly action: KeyAction;
  readonly note: string;
};

const view = (action: Extract<KeyAction, { kind: 'view' }>['action']): KeyAction => ({ kind: 'view', action });
const command = (line: string): KeyAction => ({ kind: 'command', line });

/** Normal-mode keys, in the order the help overlay lists them. */
export const KEY_TABLE: readonly KeyBinding[] = [
  { keys: ['tab'], label: 'Tab', action: view('next-pane'), note: 'focus the next pane' },
  { keys: ['S-tab'], label: 'S-Tab', action: view('previous-pane'), note: 'focus the previous pane' },
  { keys: ['C-left'], label: 'C-←', action: view('move-left'), note: 'focus the pane to the left' },
  { keys: ['C-right'], label: 'C-→', action: view('move-right'), note: 'focus the pane to the right' },
  { keys: ['C-up'], label: 'C-↑', action: view('move-up'), note: 'focus the pane above' },
  { keys: ['C-down'], label: 'C-↓', action: view('move-down'), note: 'focus the pane below' },
  {
    keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
    label: '1–9',
    action: view('pane-number'),
    note: 'focus pane N',
  },
  { keys: ['enter'], label: 'Enter', action: view('message'), note: 'message the focused agent (a PTY pane: attach, keys go to it)' },
  // While attached to a PTY pane every key goes to its child; only C-q is read (src/app/pty-attach.ts).
  { keys: [], label: 'C-q', action: view('message'), note: 'attached to a PTY pane: detach (back to the cockpit keys)' },
  { keys: ['escape'], label: 'Esc', action: command('interrupt -t {agent}'), note: 'interrupt the focused agent (closes an overlay first)' },
  { keys: ['X'], label: 'X', action: command('interrupt -t all'), note: 'interrupt every agent' },
  { keys: ['b'], label: 'b', action: view('broadcast'), note: 'broadcast a nudge to every agent' },
  { keys: ['p'], label: 'p', action: view('pause-toggle'), note: 'pause / resume the focused agent' },
  // While the focused agent awaits approval, y / a / n answer it first (src/app/approval-keys.ts);
  // these rows carry no keys of their own so that, otherwise, `n` stays "new agent".
  { keys: [], label: 'y', action: command('approve -t {agent} y'), note: 'awaiting approval: run the pending tool call once' },
  { keys: [], label: 'a', action: command('approve -t {agent} a'), note: 'awaiting approval: run it, and from now on allow what the hints show (the tool, bash:WORD *, or for rm, sudo, sh… that exact command)' },
  { keys: [], label: 'n', action: command('approve -t {agent} n'), note: 'awaiting approval: refuse it (asks for an optional reason)' },
  { keys: ['r'], label: 'r', action: view('timeline'), note: 'rewind: open the timeline (pick a turn; e edits, f forks; s or Enter on a ⎇ branch switches to it, files too)' },
  { keys: ['e'], label: 'e', action: view('edit'), note: 'edit an entry in $VISUAL / $EDITOR (from the timeline)' },
  { keys: ['g'], label: 'g', action: view('graft'), note: 'graft: pick a source, turns FROM..TO (live preview, [ ] scroll it), Enter grafts' },
  { keys: ['S'], label: 'S', action: view('sessions'), note: 'session browser: open, rename, delete (to trash), restore' },
  { keys: ['f'], label: 'f', action: command('fork -t {agent}'), note: 'fork the focused agent into a new pane' },
  { keys: ['u'], label: 'u', action: view('undo'), note: 'undo the last rewind (files too; asks about files changed since), edit, graft, fork or branch switch' },
  { keys: ['z'], label: 'z', action: view('zoom'), note: 'zoom the focused pane / unzoom' },
  { keys: ['space'], label: 'Space', action: view('next-tiling'), note: 'next tiling (tiled, columns, rows, main-left, main-top)' },
  { keys: ['n'], label: 'n', action: view('new-agent'), note: 'new agent (opens the prompt with "new ")' },
  { keys: ['pageup'], label: 'PgUp', action: view('page-up'), note: 'scroll the focused transcript up' },
  { keys: ['pagedown'], label: 'PgDn', action: view('page-down'), note: 'scroll down (follows the stream again at the bottom)' },
  { keys: ['['], label: '[', action: view('copy-mode'), note: 'copy mode: ↑↓ jk PgUp PgDn g G move · v/Space select · y copy · Enter tool call in full · / n N search · Esc' },
  { keys: ['/'], label: '/', action: view('search'), note: 'search the focused transcript (newest first); n older · N newer · Esc ends' },
  // The mouse has no key: this row documents it in the help overlay.
  { keys: [], label: 'mouse', action: view('copy-mode'), note: 'click focuses a pane; the wheel scrolls the pane under the pointer (3 rows a notch), or the overlay over the panes' },
  { keys: [':'], label: ':', action: view('prompt'), note: 'command prompt' },
  { keys: ['?'], label: '?', action: view('help'), note: 'this help' },
  { keys: ['q'], label: 'q', action: view('quit'), note: 'quit (asks y to confirm while an agent is working)' },
];

/** The binding for a key name, if any. */
export function bindingFor(key: string): KeyBinding | undefined {
  return KEY_TABLE.find((binding) => binding.keys.includes(key));
}
