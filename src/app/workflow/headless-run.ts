// `agentmux run ARG --headless` (DESIGN.md §9 Headless): no screen; stderr gets one line per
// record event and, for a failed run, last `RUN: failed: MESSAGE`; stdout gets exactly
// `JSON.stringify(result)` and a newline. Exit 0 completed, 1 failed, 2 the script does not
// load or the store is held, 3 stopped or over budget. SIGINT/SIGTERM/SIGHUP stop the run.
import os from 'node:os';
import path from 'node:path';
import { lockStoreDir } from '../../adapters/store/store-lock.js';
import { fileWorkflowLoader } from '../../adapters/workflow/workflow-loader.js';
import type { Disposable } from '../../core/events.js';
import type { RunEnd } from '../../core/workflow/run-events.js';
import { runEndLine, runEventLine } from '../../core/workflow/run-event-line.js';
import type { ContinueTarget, RunWorkflowOptions } from '../../run-options.js';
import { err, type Result } from '../../core/result.js';
import { prepareContinue, type ContinueRunOptions } from './continue-run.js';
import type { HostSetup } from './host-setup.js';
import { lazyWorkflowHost } from './lazy-host.js';
import { shippedWorkflowsDir, startRun, type LiveRun } from './start-run.js';
import { headlessRunsApi } from './headless-control.js';
import { readRunHolds } from '../../adapters/workflow/run-holds-file.js';
import { HOLD_NEEDS_A_PERSON } from '../../core/workflow/hold-steering.js';

/** Where a headless run writes and how it hears SIGINT/SIGTERM/SIGHUP (tests pass their own). */
export type HeadlessIo = {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly onStopSignal: (handler: () => void) => Disposable;
};

export type HeadlessDeps = {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly home?: string;
  readonly setup: HostSetup;
  readonly io: HeadlessIo;
  readonly busyAfterMs?: number;
};

/** The exit status of an ended run. */
export function exitStatusOf(end: RunEnd): number {
  switch (end.status) {
    case 'completed':
      return 0;
    case 'failed':
      return 1;
    case 'stopped':
    case 'over-budget':
      return 3;
  }
}

/** `--continue RUN`: the run's record read and reopened, then its worker started. */
async function continueHeadless(common: Omit<ContinueRunOptions, 'runId' | 'recorded'>, target: ContinueTarget | undefined): Promise<Result<LiveRun>> {
  if (target === undefined) return err('agentmux run: which workflow?');
  // A run that holds answers for review waits on a person: continued headless, its held answers
  // would reach the script unseen.
  const holds = readRunHolds(common.storeDir, target.run);
  if (!holds.ok) return holds;
  if (holds.value.length > 0) return err(`agentmux run: run ${target.run} holds ${holds.value.join(', ')} for review: continue it in the cockpit (C or run-continue ${target.run}); ${HOLD_NEEDS_A_PERSON}`);
  const prepared = prepareContinue({ ...common, runId: target.run, recorded: target.recorded });
  return prepared.ok ? prepared.value.launch() : prepared;
}

/**
 * What stdout gets: `JSON.stringify(result)` and a newline. A stopped or over-budget run's result
 * is `null` (the run ends so whatever the script returns), so it prints `null`; a failed run has
 * no result (the script threw) and prints nothing, its error being the last stderr line.
 */
export function stdoutOf(end: RunEnd): string | undefined {
  switch (end.status) {
    case 'completed':
      return `${JSON.stringify(end.result)}\n`;
    case 'failed':
      return undefined;
    case 'stopped':
    case 'over-budget':
      return 'null\n';
  }
}

/** Runs one workflow without a screen; resolves with the exit status. */
export async function runHeadless(options: RunWorkflowOptions, deps: HeadlessDeps): Promise<number> {
  const { io, cwd } = deps;
  const home = deps.home ?? os.homedir();
  // Refused before anything else is opened: a script that does not load never takes the store.
  const checked = options.ref === undefined ? undefined : fileWorkflowLoader({ cwd, home, shipped: shippedWorkflowsDir() })(options.ref);
  if (checked !== undefined && !checked.ok) {
    io.stderr(`${checked.error}\n`);
    return 2;
  }
  const storeDir = path.resolve(cwd, options.sessions);
  const lock = lockStoreDir(storeDir);
  if (!lock.ok) {
    io.stderr(`${lock.error}\n`);
    return 2;
  }
  // The host, and with it DIR/agentmux.sock, opens as the run starts (not at the first agent()),
  // so `ctl` reaches the run from its start; `run-stop` answers "no live run" until it has started.
  let live: LiveRun | undefined;
  // From here on a stop signal stops the run (at once if it has started, else as soon as it does).
  let stopAsked = false;
  const signals = io.onStopSignal(() => {
    stopAsked = true;
    if (live !== undefined) void live.stop('stopped by a signal');
  });
  const runs = headlessRunsApi(() => live);
  const opened = lazyWorkflowHost(() =>
    deps.setup({ storeDir, options, cwd, env: deps.env, lock: lock.value, stderr: (line) => io.stderr(`${line}\n`), runs }),
  );
  try {
    // A host that fails to open fails each agent() call with its error, as before.
    await opened.open();
    const common: Omit<ContinueRunOptions, 'runId' | 'recorded'> = {
      storeDir,
      cwd,
      home,
      headless: true,
      approve: options.approve,
      allow: options.allow,
      defaultModel: options.model,
      concurrency: options.concurrency,
      caps: { tokens: options.budgetTokens, usd: options.budgetUsd },
      host: opened.host,
      listener: (event, runId) => io.stderr(`${runEventLine(runId, event)}\n`),
      ...(deps.busyAfterMs === undefined ? {} : { busyAfterMs: deps.busyAfterMs }),
    };
    const started =
      checked === undefined || options.continued !== undefined
        ? await continueHeadless(common, options.continued)
        : await startRun({ ...common, ref: checked.value.path, args: options.args });
    if (!started.ok) {
      io.stderr(`${started.error}\n`);
      return 2;
    }
    const run = started.value;
    live = run;
    if (stopAsked) void run.stop('stopped by a signal');
    const end = await run.finished;
    const printed = stdoutOf(end);
    if (printed !== undefined) io.stdout(printed);
    if (end.status !== 'completed') io.stderr(`${runEndLine(run.id, end.status, end.error)}\n`);
    return exitStatusOf(end);
  } finally {
    await opened.close();
    lock.value.release();
    // Last: a hangup repeats SIGHUP, and a repeat finding no listener would kill the run's shutdown halfway.
    signals.dispose();
  }
}
