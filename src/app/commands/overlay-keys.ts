// The commands overlay keys run (src/core/overlay-keys.ts): each acts on the topmost open overlay
// of its kind through the handle its mode carries on the stack (src/app/mode-handle.ts), so a
// key, the same line from `agentmux ctl`, or a test do the same thing. An action answers with what
// it did — the inner command's result (`timeline-do rewind` refused is a `rewind` error), a
// refusal it showed — through app.inner (inner-results.ts); only a bare move answers an empty ok.
import * as z from 'zod';
import { failure, type CommandOutcome } from '../../core/command.js';
import { MOVE_USAGE, parseMove, type Move } from '../../core/list-move.js';
import type { CockpitApp } from '../cockpit-app.js';
import {
  CONFLICT_ANSWERS,
  COPY_ACTIONS,
  GRAFT_ACTIONS,
  SEARCH_ACTIONS,
  SESSION_ACTIONS,
  TIMELINE_ACTIONS,
  type HandleKind,
  type ModeHandle,
} from '../mode-handle.js';
import { defineAppCommand, NO_ARGS, quiet, type AppCommand } from './app-command.js';

/** The handle kinds that move a selection, a cursor or a view. */
type MovingKind = Extract<ModeHandle, { move(move: Move): void }>['kind'];

const MoveArgs = z.object({ positionals: z.object({ move: z.string() }) });

/** What each kind is called in an error ("the timeline is not open"). */
const OVERLAY_NAME: Readonly<Record<HandleKind, string>> = {
  timeline: 'the timeline',
  'file-conflicts': 'the file-conflicts question',
  confirm: 'no question is',
  receipts: 'the receipts',
  pager: 'the pager',
  copy: 'copy mode',
  search: 'no search is',
  graft: 'the graft picker',
  sessions: 'the session browser',
};

function notOpen(command: string, kind: HandleKind): CommandOutcome {
  const name = OVERLAY_NAME[kind];
  return failure(command, name.startsWith('no ') ? `${name} open` : `${name} is not open`);
}

/** `NAME MOVE`: moves in the topmost open overlay of `kind`. */
function moveCommand(name: string, kind: MovingKind, summary: string): AppCommand {
  return defineAppCommand({
    name,
    usage: `${name} ${MOVE_USAGE}`,
    summary,
    spec: { options: [], positionals: [{ key: 'move', name: 'MOVE', required: true }], text: 'none' },
    schema: MoveArgs,
    run(app, { positionals }) {
      const move = parseMove(positionals.move);
      if (move === undefined) return failure(name, `MOVE is ${MOVE_USAGE}, not "${positionals.move}"`);
      const handle = app.modes.handle(kind);
      if (handle === undefined) return notOpen(name, kind);
      handle.move(move);
      return quiet();
    },
  });
}

/** `NAME ACTION`: one of `actions` on the topmost open overlay of `kind`. */
function actionCommand<Action extends string, Kind extends HandleKind>(
  name: string,
  kind: Kind,
  actions: readonly [Action, ...Action[]],
  summary: string,
  perform: (handle: Extract<ModeHandle, { kind: Kind }>, action: Action) => void,
): AppCommand {
  return defineAppCommand({
    name,
    usage: `${name} ${actions.join('|')}`,
    summary,
    spec: { options: [], positionals: [{ key: 'action', name: actions.join('|'), required: true }], text: 'none' },
    schema: z.object({ positionals: z.object({ action: z.enum(actions, { error: `give one of ${actions.join(', ')}` }) }) }),
    run(app, { positionals }) {
      const handle = app.modes.handle(kind);
      if (handle === undefined) return notOpen(name, kind);
      return app.inner.during(() => perform(handle, positionals.action)) ?? quiet();
    },
  });
}

/** A command without arguments on the topmost open overlay of `kind`. */
function plainCommand<Kind extends HandleKind>(name: string, kind: Kind, summary: string, perform: (handle: Extract<ModeHandle, { kind: Kind }>) => void): AppCommand {
  return defineAppCommand({
    name,
    usage: name,
    summary,
    spec: NO_ARGS,
    schema: z.object({}),
    run(app: CockpitApp) {
      const handle = app.modes.handle(kind);
      if (handle === undefined) return notOpen(name, kind);
      return app.inner.during(() => perform(handle)) ?? quiet();
    },
  });
}

/** Every overlay key's command, in the order help lists them. */
export const OVERLAY_KEY_COMMANDS: readonly AppCommand[] = [
  moveCommand('timeline-move', 'timeline', 'move the timeline\'s selection'),
  actionCommand('timeline-do', 'timeline', TIMELINE_ACTIONS, 'act on the timeline\'s selected row (enter: what Enter does there), or close it', (handle, action) => handle.act(action)),
  actionCommand('file-conflicts-answer', 'file-conflicts', CONFLICT_ANSWERS, 'answer the question about files changed since', (handle, answer) => handle.answer(answer)),
  moveCommand('file-conflicts-move', 'file-conflicts', 'scroll the list of files changed since'),
  actionCommand('confirm-answer', 'confirm', ['y', 'n'], 'answer the open question: y confirms, n cancels', (handle, answer) => handle.answer(answer === 'y')),
  plainCommand('receipts-close', 'receipts', 'close the broadcast receipts', (handle) => handle.close()),
  moveCommand('pager-move', 'pager', 'scroll the pager'),
  plainCommand('pager-close', 'pager', 'close the pager', (handle) => handle.close()),
  moveCommand('copy-mode-move', 'copy', 'move copy mode\'s cursor'),
  actionCommand('copy-mode-do', 'copy', COPY_ACTIONS, 'copy mode: select, copy, enter (a tool call in full), search, older/newer match, leave', (handle, action) => handle.act(action)),
  actionCommand('search-do', 'search', SEARCH_ACTIONS, 'the active search: older/newer match, a new query, end it', (handle, action) => handle.act(action)),
  moveCommand('graft-picker-move', 'graft', 'move the graft picker\'s selection'),
  actionCommand('graft-picker-do', 'graft', GRAFT_ACTIONS, 'the graft picker: enter (pick, set FROM/TO, graft), back, scroll the preview, close', (handle, action) => handle.act(action)),
  moveCommand('session-browser-move', 'sessions', 'move the session browser\'s selection'),
  actionCommand('session-browser-do', 'sessions', SESSION_ACTIONS, 'the session browser: open, rename, trash, trash-view, restore the selected session, or close', (handle, action) => handle.act(action)),
];
