// The help (`?`, `:help`) and every result longer than a line, in the one pager overlay. The
// help is generated: every mode's rows from the key table, every command's usage from the
// table `dispatch` runs (core's and the app's), the mouse note. Nothing in it is written twice.
import { MODES, MOUSE_NOTE, type KeyRow } from '../core/key-table.js';
import type { PagerSection } from '../view/overlays/pager.js';
import type { CockpitApp } from './cockpit-app.js';

/** One mode's rows as aligned text (key, command line or `-` for a key its handler reads, note), and the note's column. */
function rowsText(rows: readonly KeyRow[]): { readonly text: string; readonly hang: number } {
  const keyWidth = Math.max(...rows.map((row) => row.key.length));
  const lineWidth = Math.max(...rows.map((row) => (row.kind === 'command' ? row.line.length : 1)));
  return {
    text: rows.map((row) => `  ${row.key.padEnd(keyWidth)}  ${(row.kind === 'command' ? row.line : '-').padEnd(lineWidth)}  ${row.note}`).join('\n'),
    hang: 2 + keyWidth + 2 + lineWidth + 2,
  };
}

/** The column commands' summaries start at; a longer usage puts its summary on the next row there. */
const USAGE_WIDTH = 52;

/** One command as help text: usage and summary in columns (B8: a long usage never pushes the summary out). */
function commandText(command: { readonly usage: string; readonly summary: string }): string {
  if (command.usage.length <= USAGE_WIDTH) return `  ${command.usage.padEnd(USAGE_WIDTH)} ${command.summary}`;
  return `  ${command.usage}\n  ${' '.repeat(USAGE_WIDTH)} ${command.summary}`;
}

/** The help's sections: the keys of each mode, the mouse, then the commands; wrapped rows hang under the notes. */
export function helpSections(usage: readonly { readonly usage: string; readonly summary: string }[]): PagerSection[] {
  return [
    ...MODES.map((mode) => ({ heading: `Keys: ${mode.name}${mode.shows === undefined ? '' : ` (shown as ${mode.shows})`}`, ...rowsText(mode.rows) })),
    { heading: 'Mouse', text: `  ${MOUSE_NOTE}`, hang: 2 },
    { heading: 'Commands (: prompt, agentmux ctl)', text: usage.map(commandText).join('\n'), hang: USAGE_WIDTH + 3 },
  ];
}

/** The help's title: short enough to be read whole in the pager at 80 columns (B8). */
export const HELP_TITLE = 'agentmux help — every key of every mode, and the command it runs';

/** Opens the help in the pager. */
export function openHelp(app: CockpitApp): void {
  openPager(app, HELP_TITLE, helpSections(app.commands));
}

/** Shows text in the pager (a mode on the stack until it closes). */
export function openPager(app: CockpitApp, title: string, sections: readonly PagerSection[]): void {
  const pager = app.view.openPager({ title, sections, onClose: () => leave() });
  const leave = app.modes.enter('pager', { kind: 'pager', move: (move) => pager.move(move), close: () => pager.close() });
}
