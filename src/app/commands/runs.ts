// The run view as commands (DESIGN.md §9): `runs` opens it (`w`), `runs RUN` opens it on one run
// (a finished or headless run read from its record, as the session browser's Enter does), and `run-view ACTION [ARG]` is
// what each of its keys runs on the selected row (`list-keys runs` shows which).
import * as z from 'zod';
import { failure, fromResult, type CommandOutcome } from '../../core/command.js';
import { err, type Result } from '../../core/result.js';
import { RUN_FILTERS } from '../../core/workflow/run-tree-rows.js';
import type { CockpitApp } from '../cockpit-app.js';
import { openRunRecord } from '../workflow/run-record-opener.js';
import { RUN_VIEW_MOVES, type RunViewFlow } from '../workflow/run-view-flow.js';
import { defineAppCommand } from './app-command.js';

/** The cockpit's run view, or why there is none (a cockpit whose runs could not be wired). */
function flowOf(app: CockpitApp): Result<RunViewFlow> {
  return app.runView === undefined ? err('workflow runs are not available in this cockpit (see the log)') : { ok: true, value: app.runView };
}

const RunsArgs = z.object({ positionals: z.object({ run: z.string().optional() }) });

/** `runs [RUN]`: `w`; with RUN, the view opened on that run (read from its record when this cockpit did not run it). */
export const runs = defineAppCommand({
  name: 'runs',
  usage: 'runs [RUN]',
  summary: 'the run view: every workflow run as a tree of phases and agents, live; RUN opens that run (a finished or headless one from its record, read-only)',
  spec: { options: [], positionals: [{ key: 'run', name: 'RUN', required: false }], text: 'none' },
  schema: RunsArgs,
  run(app, { positionals }) {
    const flow = flowOf(app);
    if (!flow.ok && positionals.run === undefined) return failure('runs', flow.error);
    if (app.view.overlayOpen && !(flow.ok && flow.value.isOpen)) return failure('runs', 'close the open overlay first');
    if (positionals.run !== undefined) return fromResult('runs', openRunRecord(app, app.storeDir, positionals.run), () => null);
    if (!flow.ok) return failure('runs', flow.error);
    return fromResult('runs', flow.value.openView(), () => null);
  },
});

const ACTIONS = ['move', 'fold', 'filter', 'next', 'focus', 'skip', 'accept', 'edit', 'send-back', 'send', 'rename', 'nudge', 'stop', 'close'] as const;

const RunViewArgs = z.object({
  positionals: z.object({
    action: z.enum(ACTIONS, { error: `ACTION: one of ${ACTIONS.join(', ')}` }),
    arg: z.string().optional(),
  }),
});

/** What one action does to the open view. */
function act(flow: RunViewFlow, action: (typeof ACTIONS)[number], arg: string | undefined): Result<string> {
  switch (action) {
    case 'move': {
      const where = RUN_VIEW_MOVES.find((move) => move === arg);
      return where === undefined ? err(`move: WHERE is one of ${RUN_VIEW_MOVES.join(', ')}`) : flow.move(where);
    }
    case 'filter': {
      if (arg === undefined) return flow.filter(undefined);
      const filter = RUN_FILTERS.find((known) => known === arg);
      return filter === undefined ? err(`filter: STATE is one of ${RUN_FILTERS.join(', ')}`) : flow.filter(filter);
    }
    case 'fold':
      return flow.fold();
    case 'next':
      return flow.next();
    case 'focus':
      return flow.focus();
    case 'skip':
    case 'accept':
      return flow.steer(action);
    case 'edit':
      return flow.steer('hold-edit');
    case 'send-back':
      return flow.steer('command-prompt hold-send');
    case 'send':
      return flow.steer('command-prompt send');
    case 'rename':
      return flow.steer('command-prompt rename');
    case 'nudge':
      return flow.nudge();
    case 'stop':
      return flow.stop();
    case 'close':
      return flow.close();
  }
}

/** `run-view ACTION [ARG]`: the run view's keys as command lines. */
export const runView = defineAppCommand({
  name: 'run-view',
  usage: `run-view ${ACTIONS.join('|')} [ARG]`,
  summary: 'act on the run view\'s selected row: move up|down|page-up|page-down|top|bottom, fold, filter [STATE], next (waiting/stalled), focus, skip, accept, edit (a held answer, or a queued call\'s prompt), send-back (a held answer, with a note), send (a message; a queued agent gets it in its first turn), rename, nudge (its phase), stop (asks), close',
  spec: {
    options: [],
    positionals: [
      { key: 'action', name: 'ACTION', required: true },
      { key: 'arg', name: 'ARG', required: false },
    ],
    text: 'none',
  },
  schema: RunViewArgs,
  run(app, { positionals }): CommandOutcome {
    const flow = flowOf(app);
    if (!flow.ok) return failure('run-view', flow.error);
    if (!flow.value.isOpen && positionals.action !== 'close') return failure('run-view', 'the run view is not open (w or :runs opens it)');
    const result = act(flow.value, positionals.action, positionals.arg);
    flow.value.note(result);
    return fromResult('run-view', result, () => null);
  },
});
