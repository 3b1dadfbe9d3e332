// The seam where `agentmux run` gets its WorkflowAgentHost (the agent side of issue 13: each
// call a cockpit agent over the controller). Headless and cockpit runs both call `openHost`.
import type { Result } from '../../core/result.js';
import { err } from '../../core/result.js';
import type { RunWorkflowOptions } from '../../run-options.js';
import type { OpenedHost } from './lazy-host.js';

/** What opening a host may use. */
export type HostSetupContext = {
  readonly storeDir: string;
  readonly options: RunWorkflowOptions;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
};

/** Opens the host for a run. */
export type HostSetup = (context: HostSetupContext) => Promise<Result<OpenedHost>>;

/**
 * The default host setup. NOT DONE on this branch: the controller-backed host is built by the
 * agent side of issue 13 and wired here when it lands; until then every agent() call throws
 * this message (scripts that start no agent run fully).
 */
export const openHost: HostSetup = () => Promise.resolve(err('no workflow agent host on this build yet (the agent side of issue 13 wires it here)'));
