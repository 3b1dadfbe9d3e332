// Keys that stop a workflow run or interrupt its agents ask first (DESIGN.md §9): no single key
// stops, restarts or relaunches a run. `confirm-run-stop [RUN]` asks, then runs `run-stop`;
// `confirm-interrupt-all` (`X`) asks only when it would interrupt workflow agents, then runs
// `interrupt -t all`. Over ctl neither asks.
import * as z from 'zod';
import { isBusy } from '../../core/agent-state.js';
import { failure } from '../../core/command.js';
import { confirmThenRun } from '../confirm-line.js';
import { defineAppCommand, NO_ARGS } from './app-command.js';

const RunArgs = z.object({ positionals: z.object({ run: z.string().optional() }) });

/** `confirm-run-stop [RUN]`: the run view's stop key; asks, then `run-stop RUN`. */
export const confirmRunStop = defineAppCommand({
  name: 'confirm-run-stop',
  usage: 'confirm-run-stop [RUN]',
  summary: 'stop a workflow run after asking (y): pending agent() calls resolve to null, nothing more starts',
  spec: { options: [], positionals: [{ key: 'run', name: 'RUN', required: false }], text: 'none' },
  schema: RunArgs,
  run(app, { positionals }) {
    const runs = app.controller.workflows;
    if (runs === undefined) return failure('confirm-run-stop', 'workflow runs are not available here');
    const live = runs.live();
    const found = positionals.run === undefined ? (live.length === 1 && live[0] !== undefined ? { ok: true as const, value: live[0] } : undefined) : runs.find(positionals.run);
    if (found === undefined) return failure('confirm-run-stop', live.length === 0 ? 'no run is live' : `${live.length} runs are live: name one (${live.map((run) => run.id).join(', ')})`);
    if (!found.ok) return failure('confirm-run-stop', found.error);
    const run = found.value;
    const pending = runs.calls.ofRun(run.id).length;
    const question = `Stop run ${run.id} (${run.name})? ${pending} pending agent call${pending === 1 ? '' : 's'} resolve${pending === 1 ? 's' : ''} to null and nothing more starts.`;
    return confirmThenRun(app, question, `run-stop ${run.id}`);
  },
});

/** `confirm-interrupt-all`: `X`; interrupts every working agent, asking first when workflow agents are among them. */
export const confirmInterruptAll = defineAppCommand({
  name: 'confirm-interrupt-all',
  usage: 'confirm-interrupt-all',
  summary: 'interrupt every agent (asks first when that interrupts workflow agents)',
  spec: NO_ARGS,
  schema: z.object({}),
  run(app) {
    const calls = app.controller.workflows?.calls;
    const workflow = app.controller
      .allAgents()
      .filter((agent) => agent.kind === 'sdk' && (isBusy(agent.state) || agent.phase.kind === 'running') && calls?.find(agent.name) !== undefined);
    if (workflow.length === 0) {
      const { command: _command, ...outcome } = app.dispatch('interrupt -t all');
      return outcome;
    }
    const names = workflow.map((agent) => agent.name);
    const shown = names.length > 6 ? `${names.slice(0, 6).join(', ')}…` : names.join(', ');
    const question = `Interrupt every agent? ${workflow.length} workflow agent${workflow.length === 1 ? '' : 's'} (${shown}) will wait on you and their runs wait for them.`;
    return confirmThenRun(app, question, 'interrupt -t all');
  },
});
