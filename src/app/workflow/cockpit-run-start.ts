// Puts workflow runs into a running cockpit: `controller.workflows` set before ctl listens, the
// run `agentmux run ARG` asked for started at once, each end said in the status bar, the run
// view's trees fed from the first record line, and every live run stopped (its record closed)
// at quit.
import type { CockpitApp } from '../cockpit-app.js';
import type { Started } from '../startup.js';
import { DEFAULT_STALL_AFTER, type RunWorkflowOptions } from '../../run-options.js';
import { confirmFlagsOf, wireCockpitRuns } from './cockpit-runs.js';
import { confirmationNeeded } from './run-confirmation.js';
import { offerUnfinished } from './unfinished-offer.js';
import { RunBoard } from './run-board.js';
import { readRunRecord } from '../../adapters/workflow/run-record-reader.js';
import { linesBeforeContinue } from '../../core/workflow/run-tree-from-record.js';
import { RunViewFlow } from './run-view-flow.js';
import type { WorkflowRuns } from './workflow-runs.js';

/** What app.ts holds until quit. */
export type CockpitRuns = { close(): Promise<void> };

/** The run board and view of `app`, fed by `runs` once they exist. */
function wireRunView(app: CockpitApp, started: Started, stallAfterSeconds: number): { readonly flow: RunViewFlow; readonly attach: (runs: WorkflowRuns) => void } {
  let live: WorkflowRuns | undefined;
  const stallAfterMs = stallAfterSeconds * 1000;
  const now = (): number => Date.now();
  const hooks = { changed: (): void => undefined, ticked: (): void => undefined };
  const board = new RunBoard({
    controller: started.controller,
    stallAfterMs,
    now,
    queued: (runId) => live?.runs().find((run) => run.id === runId)?.runtime.slotUse().queued,
    changed: () => hooks.changed(),
    ticked: () => hooks.ticked(),
    earlier: (runId) => {
      const record = readRunRecord(started.storeDir, runId);
      return record.ok ? linesBeforeContinue(record.value.lines) : undefined;
    },
  });
  const flow = new RunViewFlow(app, board, stallAfterMs, now);
  hooks.changed = () => flow.changed();
  hooks.ticked = () => flow.ticked();
  app.runView = flow;
  return { flow, attach: (runs) => (live = runs) };
}

/** Wires the runs into `app`; starts `flags.ref` when given. Never fails the cockpit: problems go to the status bar. */
export function startCockpitRuns(app: CockpitApp, started: Started, cwd: string, defaultModel: string, flags: RunWorkflowOptions | undefined, stallAfter?: number): CockpitRuns {
  const say = (text: string, isError: boolean): void => {
    started.log(`run: ${text}`);
    app.message = { text, isError };
    app.update();
  };
  const view = wireRunView(app, started, flags?.stallAfter ?? stallAfter ?? DEFAULT_STALL_AFTER);
  const dispose = (): void => {
    view.flow.dispose();
    view.flow.board.dispose();
  };
  const runs = wireCockpitRuns({
    controller: started.controller,
    storeDir: started.storeDir,
    cwd,
    tools: started.tools,
    demo: started.demo,
    defaultModel,
    flags,
    say,
    listener: (event, runId) => {
      view.flow.board.runEvent(event, runId);
      app.runPanes.onRunEvent(event, runId);
    },
  });
  if (!runs.ok) {
    say(runs.error, true);
    return {
      close: () => {
        dispose();
        return Promise.resolve();
      },
    };
  }
  view.attach(runs.value);
  if (flags !== undefined) {
    const workflows = runs.value;
    const ref = flags.ref;
    if (ref === undefined) {
      // `--continue RUN`: the run's calls with a recorded value are reused, so nothing is projected.
      const begun = workflows.continue(flags.continued.run, flags.continued.recorded, flags.hold);
      say(begun.ok ? begun.value : begun.error, !begun.ok);
    } else {
      const begin = (): void => {
        const begun = workflows.startNow(ref, flags.args, flags.hold);
        say(begun.ok ? begun.value : begun.error, !begun.ok);
      };
      // Above the cost threshold the person is asked first (issue 16); `--yes` skips the question.
      void confirmationNeeded(ref, flags.args, { ...confirmFlagsOf(flags, started.storeDir, flags.confirmOverUsd), yes: flags.yes }, cwd, process.env).then((needed) => {
        if (!needed.ok) say(needed.error, true);
        else if (needed.value === undefined) begin();
        else app.askToConfirm(`${needed.value}. Start it?`, begin, `run ${ref} not started`);
      });
    }
  } else offerUnfinished(started.storeDir, say);
  return {
    close: async () => {
      await runs.value.stopAll();
      dispose();
    },
  };
}
