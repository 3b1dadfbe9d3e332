// The cockpit's workflow runs (DESIGN.md §9): a ControllerAgentHost over the cockpit's own
// controller (so each `agent()` call is an ordinary pane), the WorkflowRuns behind `:run` and
// `:run-stop` (and ctl), and each run's end said in the status bar.
import { resolve } from 'node:path';
import { loadProvidersFile, storeProvidersPath } from '../../adapters/workflow/providers-file.js';
import type { Controller } from '../../core/controller.js';
import { ok, type Result } from '../../core/result.js';
import type { ToolHost } from '../../core/tools.js';
import type { RunEnd, RunEvent } from '../../core/workflow/run-events.js';
import { runEndLine } from '../../core/workflow/run-event-line.js';
import { DEFAULT_CONCURRENCY, type RunWorkflowOptions } from '../../run-options.js';
import type { Demo } from '../demo.js';
import { gitRootOf } from './git-root.js';
import { ControllerAgentHost } from './workflow-agent-host.js';
import { WorkflowRuns } from './workflow-runs.js';
import { confirmationNeeded, type ConfirmFlags } from './run-confirmation.js';
import { DEFAULT_ASSUME_ITEMS, DEFAULT_ASSUME_TOKENS } from '../../core/workflow/dry-run-projection.js';

/** What the cockpit gives its runs. */
export type CockpitRunsDeps = {
  readonly controller: Controller;
  readonly storeDir: string;
  readonly cwd: string;
  readonly tools: ToolHost;
  readonly demo: Demo | undefined;
  readonly defaultModel: string;
  /** `agentmux run`'s flags; absent for a plain cockpit (`:run` with the defaults). */
  readonly flags: RunWorkflowOptions | undefined;
  /** Shows a run's end (`RUN: done completed`, or the error). */
  readonly say: (text: string, isError: boolean) => void;
  /** Hears every run's events from its `meta` line on (the run view's trees, the pane choice). */
  readonly listener?: (event: RunEvent, runId: string) => void;
};

/** The status line of a run's end. */
export function runEndText(runId: string, end: RunEnd | { readonly status: 'not-started'; readonly error: string }): string {
  if (end.status === 'completed') return `${runId}: done completed`;
  return runEndLine(runId, end.status === 'not-started' ? 'did not start' : end.status, end.error);
}

/** The flags a cockpit run is projected with: `agentmux run`'s, or the defaults for `:run`. */
export function confirmFlagsOf(flags: RunWorkflowOptions | undefined, storeDir: string, threshold: number | null): ConfirmFlags {
  return {
    sessions: storeDir,
    providers: flags?.providers,
    model: flags?.model,
    budgetTokens: flags?.budgetTokens ?? null,
    budgetUsd: flags?.budgetUsd ?? null,
    assumeItems: flags?.assumeItems ?? DEFAULT_ASSUME_ITEMS,
    assumeTokens: flags?.assumeTokens ?? DEFAULT_ASSUME_TOKENS,
    confirmOverUsd: threshold,
    yes: false,
  };
}

/** Builds the runs and sets them as `controller.workflows`; an unreadable `--providers` file is the error. */
export function wireCockpitRuns(deps: CockpitRunsDeps): Result<WorkflowRuns> {
  const { flags, controller } = deps;
  const given = flags?.providers;
  const file = loadProvidersFile(given === undefined ? storeProvidersPath(deps.storeDir) : resolve(deps.cwd, given), given === undefined);
  if (!file.ok) return file;
  const providers = ok(file.value.providers);
  const threshold = flags?.confirmOverUsd ?? file.value.confirmOverUsd;
  const { demo } = deps;
  // The demo: one copy of the sample project per run, shared by its agents.
  const copies = new Map<string, Result<string>>();
  const workspaceOf = (runId: string): Result<string> => {
    const known = copies.get(runId) ?? (demo === undefined ? ok(deps.cwd) : demo.workspaceFor(`run-${runId}`));
    copies.set(runId, known);
    return known;
  };
  const host = new ControllerAgentHost({
    controller,
    storeDir: deps.storeDir,
    tools: deps.tools,
    providers: providers.value,
    defaultModel: flags?.model ?? deps.defaultModel,
    agentRoot: gitRootOf,
    report: () => undefined,
    ...(demo === undefined ? {} : { cwdFor: (run) => workspaceOf(run.id) }),
  });
  const runs = new WorkflowRuns(
    {
      storeDir: deps.storeDir,
      cwd: deps.cwd,
      headless: false,
      approve: flags?.approve ?? 'ask',
      allow: flags?.allow ?? [],
      defaultModel: flags?.model,
      concurrency: flags?.concurrency ?? DEFAULT_CONCURRENCY,
      caps: { tokens: flags?.budgetTokens ?? null, usd: flags?.budgetUsd ?? null },
      host,
      ...(deps.listener === undefined ? {} : { listener: deps.listener }),
    },
    host.calls,
    (run, end) => deps.say(runEndText(run.id, end), end.status !== 'completed'),
    threshold === null ? undefined : { threshold, needed: (ref, args) => confirmationNeeded(ref, args, confirmFlagsOf(flags, deps.storeDir, threshold), deps.cwd, process.env) },
  );
  controller.workflows = runs;
  return ok(runs);
}
