// The seam where `agentmux run` gets its WorkflowAgentHost: the controller-backed host of
// `controller-host-setup.ts` (each call a cockpit agent), and for a headless run its control
// socket. Tests pass a setup of their own.
import type { StoreLock } from '../../adapters/store/store-lock.js';
import { ok, type Result } from '../../core/result.js';
import type { RunWorkflowOptions } from '../../run-options.js';
import { openControllerHost } from './controller-host-setup.js';
import { startHeadlessControl, type HeadlessRunsApi } from './headless-control.js';
import type { OpenedHost } from './lazy-host.js';

/** What opening a host may use. */
export type HostSetupContext = {
  readonly storeDir: string;
  readonly options: RunWorkflowOptions;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The store lock the caller already holds (it stays the caller's to release). */
  readonly lock?: StoreLock;
  /** A headless run's stderr, one line each without a newline (refused approvals). */
  readonly stderr?: (line: string) => void;
  /** A headless run's `run`/`run-stop`: given, DIR/agentmux.sock is served over the host's controller. */
  readonly runs?: HeadlessRunsApi;
};

/** Opens the host for a run. */
export type HostSetup = (context: HostSetupContext) => Promise<Result<OpenedHost>>;

/** The default host setup: agents over a controller on the store, as the cockpit runs them. */
export const openHost: HostSetup = async (context) => {
  const opened = await openControllerHost({
    storeDir: context.storeDir,
    cwd: context.cwd,
    env: context.env,
    options: { providers: context.options.providers, model: context.options.model, demo: context.options.demo, debug: context.options.debug },
    ...(context.lock === undefined ? {} : { lock: context.lock }),
    ...(context.stderr === undefined ? {} : { stderr: context.stderr }),
  });
  if (!opened.ok || context.runs === undefined) return opened;
  const inner = opened.value;
  const control = await startHeadlessControl(inner.controller, context.storeDir, context.runs, inner.calls, (line) => context.stderr?.(line));
  return ok({
    host: inner.host,
    close: async () => {
      await control.close();
      await inner.close();
    },
  });
};
