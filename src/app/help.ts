// The help (`?`, `:help`) and every result longer than a line, in the one pager overlay. The
// help is generated: every mode's rows from the key table, every command's usage from the
// table `dispatch` runs (core's and the app's), the mouse note. Nothing in it is written twice.
import { MODES, MOUSE_NOTE, type KeyRow } from '../core/key-table.js';
import type { PagerSection } from '../view/overlays/pager.js';
import type { CockpitApp } from './cockpit-app.js';

/** One mode's rows as aligned text: key, command line (`-` for a key its handler reads), note. */
function rowsText(rows: readonly KeyRow[]): string {
  const keyWidth = Math.max(...rows.map((row) => row.key.length));
  const lineWidth = Math.max(...rows.map((row) => (row.kind === 'command' ? row.line.length : 1)));
  return rows.map((row) => `  ${row.key.padEnd(keyWidth)}  ${(row.kind === 'command' ? row.line : '-').padEnd(lineWidth)}  ${row.note}`).join('\n');
}

/** The help's sections: the keys of each mode, the mouse, then the commands. */
export function helpSections(usage: readonly { readonly usage: string; readonly summary: string }[]): PagerSection[] {
  return [
    ...MODES.map((mode) => ({ heading: `Keys: ${mode.name}${mode.shows === undefined ? '' : ` (shown as ${mode.shows})`}`, text: rowsText(mode.rows) })),
    { heading: 'Mouse', text: `  ${MOUSE_NOTE}` },
    { heading: 'Commands (: prompt, agentmux ctl)', text: usage.map((command) => `  ${command.usage.padEnd(52)} ${command.summary}`).join('\n') },
  ];
}

/** Opens the help in the pager. */
export function openHelp(app: CockpitApp): void {
  openPager(app, 'agentmux help — every key of every mode; each runs the command line shown', helpSections(app.commands));
}

/** Shows text in the pager (a mode on the stack until it closes). */
export function openPager(app: CockpitApp, title: string, sections: readonly PagerSection[]): void {
  const pager = app.view.openPager({ title, sections, onClose: () => leave() });
  const leave = app.modes.enter('pager', { kind: 'pager', move: (move) => pager.move(move), close: () => pager.close() });
}
