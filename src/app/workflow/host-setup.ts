// The seam where `agentmux run` gets its WorkflowAgentHost: the controller-backed host of
// `controller-host-setup.ts` (each call a cockpit agent). Tests pass a setup of their own.
import type { StoreLock } from '../../adapters/store/store-lock.js';
import type { Result } from '../../core/result.js';
import type { RunWorkflowOptions } from '../../run-options.js';
import { openControllerHost } from './controller-host-setup.js';
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
};

/** Opens the host for a run. */
export type HostSetup = (context: HostSetupContext) => Promise<Result<OpenedHost>>;

/** The default host setup: agents over a controller on the store, as the cockpit runs them. */
export const openHost: HostSetup = (context) =>
  openControllerHost({
    storeDir: context.storeDir,
    cwd: context.cwd,
    env: context.env,
    options: { providers: context.options.providers, model: context.options.model, demo: context.options.demo, debug: context.options.debug },
    ...(context.lock === undefined ? {} : { lock: context.lock }),
    ...(context.stderr === undefined ? {} : { stderr: context.stderr }),
  });
