// Puts workflow runs into a running cockpit: `controller.workflows` set before ctl listens, the
// run `agentmux run ARG` asked for started at once, each end said in the status bar, and every
// live run stopped (its record closed) at quit.
import type { CockpitApp } from '../cockpit-app.js';
import type { Started } from '../startup.js';
import type { RunWorkflowOptions } from '../../run-options.js';
import { confirmFlagsOf, wireCockpitRuns } from './cockpit-runs.js';
import { confirmationNeeded } from './run-confirmation.js';

/** What app.ts holds until quit. */
export type CockpitRuns = { close(): Promise<void> };

/** Wires the runs into `app`; starts `flags.ref` when given. Never fails the cockpit: problems go to the status bar. */
export function startCockpitRuns(app: CockpitApp, started: Started, cwd: string, defaultModel: string, flags: RunWorkflowOptions | undefined): CockpitRuns {
  const say = (text: string, isError: boolean): void => {
    started.log(`run: ${text}`);
    app.message = { text, isError };
    app.update();
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
    listener: (event, runId) => app.runPanes.onRunEvent(event, runId),
  });
  if (!runs.ok) {
    say(runs.error, true);
    return { close: () => Promise.resolve() };
  }
  if (flags !== undefined) {
    const workflows = runs.value;
    const begin = (): void => {
      const begun = workflows.startNow(flags.ref, flags.args);
      say(begun.ok ? begun.value : begun.error, !begun.ok);
    };
    // Above the cost threshold the person is asked first (issue 16); `--yes` skips the question.
    void confirmationNeeded(flags.ref, flags.args, { ...confirmFlagsOf(flags, started.storeDir, flags.confirmOverUsd), yes: flags.yes }, cwd, process.env).then((needed) => {
      if (!needed.ok) say(needed.error, true);
      else if (needed.value === undefined) begin();
      else app.askToConfirm(`${needed.value}. Start it?`, begin, `run ${flags.ref} not started`);
    });
  }
  return { close: () => runs.value.stopAll() };
}
