// Every command returns a typed value beside its status text (issue 12, item 1). This walks the
// app's whole command table: each command either is run here and must answer a non-null value,
// or is on one of the two lists below, each entry with why. A new command on neither list fails
// the test, so a command that forgets its value is noticed. (Core's table: command-values.test.ts.)
import { afterEach, describe, expect, it } from 'vitest';
import { APP_COMMANDS } from '../../src/app/commands/index.js';
import { closeCockpits, cockpitFor, settle } from './cockpit-kit.js';

afterEach(closeCockpits);

/** Run from a fresh two-agent cockpit, in this order; each must answer ok with a non-null value. */
const LINES: readonly string[] = [
  'zoom',
  'zoom',
  'tiling rows',
  'next-tiling',
  'list-keys',
  'select-pane -t 2',
  'next-pane',
  'previous-pane',
  'scroll-pane up',
  'show-messages',
  'sessions',
];

/** Need a stored session that is not open: run (with their values checked) in their own test below. */
const RUN_BELOW: ReadonlySet<string> = new Set(['session-open', 'session-rename', 'session-trash', 'session-restore']);

/** Null by design: the command opens or answers something on the screen, which is its whole result. */
const NULL_BY_DESIGN: ReadonlyMap<string, string> = new Map([
  ['compose', 'opens the composer; the message sent later has its delivery id in the receipt'],
  ['command-prompt', 'opens the : prompt'],
  ['timeline', 'opens the timeline overlay'],
  ['graft-picker', 'opens the graft picker'],
  ['copy-mode', 'enters copy mode'],
  ['search', 'opens the search input'],
  ['session-browser', 'opens the session browser'],
  ['help', 'opens the help pager'],
  ['hold-edit', "opens the held answer in the editor"],
  ['prompt-edit', "opens the queued prompt in the editor"],
  ['runs', 'opens the run view or a run record'],
  ['run-view', 'acts in the run view'],
  ['quit', 'quits (or asks to)'],
  ['confirm-interrupt-all', 'asks, then runs interrupt -t all (over ctl: interrupt\'s value)'],
  ['confirm-run-stop', 'asks, then runs run-stop (over ctl: run-stop\'s value)'],
  ['toggle-pause', 'answers with pause\'s or resume\'s own value'],
  ['confirm-undo', 'answers with undo\'s own value, or asks about changed files'],
  ['detach-pane', 'value {agent}; needs an attached PTY pane, not set up here'],
  ['next-approval', 'value {agent, waiting}; needs an agent awaiting approval, not set up here'],
  // Overlay keys: the inner command's result (overlay-action-results.test.ts), else an empty ok for a move.
  ...['timeline-move', 'timeline-do', 'file-conflicts-answer', 'file-conflicts-move', 'confirm-answer', 'receipts-close', 'pager-move', 'pager-close', 'copy-mode-move', 'copy-mode-do', 'search-do', 'graft-picker-move', 'graft-picker-do', 'session-browser-move', 'session-browser-do'].map((name): [string, string] => [name, 'overlay key: the inner result, or nothing for a move']),
]);

describe('the app command table: every command has a typed value', () => {
  it('every command is run here with a non-null value, or listed with why its value is null', () => {
    const run = new Set(LINES.map((line) => line.split(' ')[0]));
    const unlisted = APP_COMMANDS.map((command) => command.name).filter((name) => !run.has(name) && !NULL_BY_DESIGN.has(name) && !RUN_BELOW.has(name));
    expect(unlisted).toEqual([]);
  });

  it('the commands run here answer ok with a non-null, JSON-safe value', async () => {
    const cockpit = await cockpitFor('normal');
    for (const line of LINES) {
      const result = cockpit.app.dispatch(line);
      cockpit.app.apply(result, line);
      await settle(cockpit);
      expect(result.kind, line).toBe('ok');
      const value = result.kind === 'ok' ? result.value : null;
      expect(value, `${line}: value`).not.toBeNull();
      expect(JSON.parse(JSON.stringify(value)), line).toEqual(value);
    }
  });

  it('session-rename, -trash, -restore and -open answer with the session (or the agent it opened into)', async () => {
    const { app } = await cockpitFor('normal');
    const holder = app.controller.allAgents().find((agent) => agent.name === 'beta');
    const id = holder?.kind === 'sdk' ? holder.session.id : '';
    expect(app.dispatch('close -t beta')).toMatchObject({ kind: 'ok' });
    expect(app.dispatch(`session-rename ${id} gamma`)).toMatchObject({ kind: 'ok', value: { session: { id, name: 'gamma' } } });
    expect(app.dispatch(`session-trash ${id}`)).toMatchObject({ kind: 'ok', value: { trashed: id } });
    expect(app.dispatch(`session-restore ${id}`)).toMatchObject({ kind: 'ok', value: { session: { id, name: 'gamma' } } });
    expect(app.dispatch(`session-open ${id}`)).toMatchObject({ kind: 'ok', value: { agent: { name: 'gamma' } } });
    // The sessions value lists the rows in the text's order (newest activity first).
    const listed = app.dispatch('sessions');
    const ids = listed.kind === 'ok' ? JSON.stringify(listed.value).match(/"id":"[^"]+"/g) ?? [] : [];
    const textIds = listed.kind === 'ok' ? listed.message.split('\n').slice(2).map((line) => `"id":"${line.trim().split(/\s+/).at(-1) ?? ''}"`) : [];
    expect(ids).toEqual(textIds);
  });

  it('list-keys gives the bindings; tiling, next-tiling and zoom the arrangement in force', async () => {
    const { app } = await cockpitFor('normal');
    const keys = app.dispatch('list-keys copy');
    const printed = keys.kind === 'ok' ? JSON.stringify(keys.value) : '';
    expect(printed).toMatch(/^\{"bindings":\[\{"mode":"copy","key":"[^"]+","line":"copy-mode-move [^"]+","note":"[^"]+"\}/);
    // One binding per printed line.
    expect(printed.split('"mode":').length - 1).toBe(keys.kind === 'ok' ? keys.message.split('\n').length : -1);
    expect(app.dispatch('tiling rows')).toMatchObject({ value: { tiling: 'rows', zoomed: null } });
    expect(app.dispatch('next-tiling')).toMatchObject({ value: { tiling: 'main-left', zoomed: null } });
    expect(app.dispatch('zoom')).toMatchObject({ value: { tiling: 'main-left', zoomed: 'alpha' } });
    expect(app.dispatch('zoom')).toMatchObject({ value: { tiling: 'main-left', zoomed: null } });
  });
});
