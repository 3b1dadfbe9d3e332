// A headless run's control socket (DESIGN.md §9 Headless): DIR/agentmux.sock served over the
// run's controller, so `agentmux ctl` can nudge, capture, follow events and `run-stop` it.
import { startCtlServer } from '../../adapters/ctl/ctl-server.js';
import type { Controller } from '../../core/controller.js';
import { dispatch } from '../../core/dispatch.js';
import { err, ok, type Result } from '../../core/result.js';
import { visibleControls } from '../../core/visible-controls.js';
import type { CallStates } from '../../core/workflow/call-state.js';
import type { LiveRunRef, WorkflowRunsApi } from '../../core/workflow/workflow-runs-api.js';
import { AgentTranscripts } from '../agent-transcripts.js';
import { controlPortOf } from '../ctl-port.js';

/** The one run a headless agentmux hosts, as `run-stop` (and a refused `run`) see it. */
export type HeadlessRunRef = { readonly id: string; readonly name: string; readonly phases: readonly string[]; stop(reason?: string): unknown };

/** The runs port less the pending calls, which come with the host once it opens. */
export type HeadlessRunsApi = Omit<WorkflowRunsApi, 'calls'>;

/** `run-stop` stops the headless run (by id, by name, or with no argument); `run` is refused. */
export function headlessRunsApi(current: () => HeadlessRunRef | undefined): HeadlessRunsApi {
  const find = (ref: string): Result<LiveRunRef> => {
    const run = current();
    if (run === undefined) return err('no live run');
    if (ref !== run.id && ref !== run.name) return err(`no live run "${ref}" (live: ${run.id} ${visibleControls(run.name)})`);
    return ok({ id: run.id, name: run.name, phases: run.phases });
  };
  return {
    headless: true,
    find,
    live: () => {
      const run = current();
      return run === undefined ? [] : [{ id: run.id, name: run.name, phases: run.phases }];
    },
    start: () => err('a headless agentmux runs one workflow; start others in the cockpit'),
    stop: (ref) => {
      const run = current();
      if (run === undefined) return err('no live run');
      if (ref !== undefined && ref !== run.id && ref !== run.name) return err(`no live run "${ref}" (live: ${run.id} ${visibleControls(run.name)})`);
      void run.stop('stopped by run-stop');
      return ok(`run ${run.id} stopped (${visibleControls(run.name)})`);
    },
    continue: () => err('a headless agentmux runs one workflow; continue a run with agentmux run --continue RUN, or in the cockpit'),
  };
}

/** What the headless run holds until it exits. */
export type HeadlessControl = { close(): Promise<void> };

/** Serves the socket over `controller` (its `workflows` set to `runs` with the host's `calls`); a socket that cannot be served is a stderr line, never a failed run. */
export async function startHeadlessControl(controller: Controller, storeDir: string, runs: HeadlessRunsApi, calls: CallStates, stderr: (line: string) => void): Promise<HeadlessControl> {
  controller.workflows = { ...runs, calls };
  const transcripts = new AgentTranscripts(controller, () => undefined);
  const started = await startCtlServer({ dir: storeDir, port: controlPortOf({ run: (line) => dispatch(controller, line), controller, transcripts }) });
  if (!started.ok) {
    stderr(`agentmux ctl is off: ${started.error}`);
    transcripts.dispose();
    return { close: () => Promise.resolve() };
  }
  return {
    close: async () => {
      await started.value.close();
      transcripts.dispose();
    },
  };
}
