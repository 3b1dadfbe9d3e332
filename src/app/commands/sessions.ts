// The session store as commands: `sessions` prints its rows; `session-open ID`,
// `session-rename ID NAME`, `session-trash ID`, `session-restore ID` are what the session
// browser's keys run (DESIGN.md §5), so scripts and `agentmux ctl` can do the same.
import { resolve } from 'node:path';
import * as z from 'zod';
import { fromResult } from '../../core/command.js';
import { sessionRow, type OpenedValue, type SessionsValue, type StoredSessionValue, type TrashedValue } from '../../core/command-values.js';
import type { CockpitApp } from '../cockpit-app.js';
import { SESSION_HEADER, sessionRows } from '../session-browser-rows.js';
import { defineAppCommand, NO_ARGS } from './app-command.js';

const IdArgs = z.object({ positionals: z.object({ id: z.string() }) });
const ID = { key: 'id', name: 'ID', required: true } as const;

/** `sessions`: the store's sessions, one row each (newest activity first; ● open in a pane). */
export const sessions = defineAppCommand({
  name: 'sessions',
  usage: 'sessions',
  summary: 'list the stored sessions (S opens the session browser)',
  spec: NO_ARGS,
  schema: z.object({}),
  run(app) {
    const stored = app.controller.storedSessions.list();
    const openIds = new Set(app.controller.allAgents().flatMap((agent) => (agent.kind === 'sdk' ? [agent.session.id] : [])));
    const sorted = sessionRows(stored, openIds, app.controller.clock());
    const rows = sorted.map((row) => `${row.text}  ${row.session.id}`);
    const count = stored.length === 1 ? '1 stored session' : `${stored.length} stored sessions`;
    // The same rows in the same order as the text (newest activity first).
    const value: SessionsValue = { sessions: sorted.map((row) => sessionRow(row.session)) };
    return { kind: 'ok', message: [`sessions: ${count}`, `${SESSION_HEADER}  id`, ...rows].join('\n'), value };
  },
});

/** `session-open [--cwd DIR] ID`: opens a stored session in a new pane, in its own directory unless DIR is given. */
export const sessionOpen = defineAppCommand({
  name: 'session-open',
  usage: 'session-open [--cwd DIR] ID',
  summary: 'open a stored session in a new pane (in the directory it was started in, or DIR)',
  spec: { options: [{ kind: 'value', flag: '--cwd', key: 'cwd', valueName: 'DIR' }], positionals: [ID], text: 'none' },
  schema: z.object({ positionals: z.object({ id: z.string() }), options: z.object({ cwd: z.string().optional() }) }),
  run: (app, { positionals, options }) =>
    fromResult('session-open', app.controller.panes.openSession(positionals.id, options.cwd === undefined ? undefined : resolve(options.cwd)), () => openedSession(app, positionals.id)),
});

/** `session-rename ID NAME`: renames a stored session (NAME is the rest of the line). */
export const sessionRename = defineAppCommand({
  name: 'session-rename',
  usage: 'session-rename ID NAME',
  summary: 'rename a stored session',
  spec: { options: [], positionals: [ID], text: 'required' },
  schema: z.object({ positionals: z.object({ id: z.string() }), text: z.string({ error: 'NAME is missing' }) }),
  run: (app, { positionals, text }) => fromResult('session-rename', app.controller.storedSessions.rename(positionals.id, text.trim()), () => storedSession(app, positionals.id)),
});

/** `session-trash ID`: moves a stored session to the trash (DIR/trash). */
export const sessionTrash = defineAppCommand({
  name: 'session-trash',
  usage: 'session-trash ID',
  summary: 'move a stored session to the trash',
  spec: { options: [], positionals: [ID], text: 'none' },
  schema: IdArgs,
  run: (app, { positionals }) => fromResult('session-trash', app.controller.storedSessions.trash(positionals.id), (): TrashedValue => ({ trashed: positionals.id })),
});

/** `session-restore ID`: brings a session back from the trash. */
export const sessionRestore = defineAppCommand({
  name: 'session-restore',
  usage: 'session-restore ID',
  summary: 'restore a session from the trash',
  spec: { options: [], positionals: [ID], text: 'none' },
  schema: IdArgs,
  run: (app, { positionals }) => fromResult('session-restore', app.controller.storedSessions.restore(positionals.id), () => storedSession(app, positionals.id)),
});

/** The agent that holds session ID now (opened, or already open and focused). */
function openedSession(app: CockpitApp, id: string): OpenedValue | null {
  const holder = app.controller.allAgents().find((agent) => agent.kind === 'sdk' && agent.session.id === id);
  const agent = holder === undefined ? undefined : app.controller.agents().find((ref) => ref.name === holder.name);
  return agent === undefined ? null : { agent };
}

/** Session ID's row as the store has it now. */
function storedSession(app: CockpitApp, id: string): StoredSessionValue | null {
  const row = app.controller.storedSessions.list().find((summary) => summary.id === id);
  return row === undefined ? null : { session: sessionRow(row) };
}
