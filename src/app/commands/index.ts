// The app's command table (DESIGN.md §2): commands that act on the screen, behind the same
// `dispatch` as core's. `commandTable` composes both for a running cockpit.
import type { Command } from '../../core/command.js';
import { COMMANDS } from '../../core/commands/index.js';
import type { CockpitApp } from '../cockpit-app.js';
import { confirmUndo, detachPane, quit, togglePause } from './agent-keys.js';
import type { AppCommand } from './app-command.js';
import { nextApproval, showMessages } from './attention.js';
import { nextTilingCommand, tiling, zoom } from './layout.js';
import { confirmInterruptAll, confirmRunStop } from './run-keys.js';
import { listKeysCommand } from './list-keys.js';
import { OVERLAY_KEY_COMMANDS } from './overlay-keys.js';
import { copyMode, graftPicker, help, search, sessionBrowser, timeline } from './overlays.js';
import { nextPane, previousPane, scrollPane, selectPane } from './panes.js';
import { commandPrompt, compose } from './prompts.js';
import { runs, runView } from './runs.js';
import { holdEdit } from './hold-keys.js';
import { promptEdit } from './prompt-edit.js';
import { sessionOpen, sessionRename, sessionRestore, sessions, sessionTrash } from './sessions.js';

/** Every app command, in the order help lists them (after core's). */
export const APP_COMMANDS: readonly AppCommand[] = [
  compose,
  commandPrompt,
  selectPane,
  nextPane,
  previousPane,
  scrollPane,
  zoom,
  tiling,
  nextTilingCommand,
  togglePause,
  confirmUndo,
  confirmInterruptAll,
  confirmRunStop,
  timeline,
  graftPicker,
  copyMode,
  search,
  detachPane,
  sessions,
  sessionBrowser,
  sessionOpen,
  sessionRename,
  sessionTrash,
  sessionRestore,
  runs,
  runView,
  holdEdit,
  promptEdit,
  listKeysCommand,
  showMessages,
  nextApproval,
  help,
  quit,
  ...OVERLAY_KEY_COMMANDS,
];

/** Core's commands and the app's, bound to `app`: the table the cockpit's `dispatch` runs. */
export function commandTable(app: CockpitApp): readonly Command[] {
  return [...COMMANDS, ...APP_COMMANDS.map((command) => command.bind(app))];
}
