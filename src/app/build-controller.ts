// The one place a Controller is built from real parts (issue 13): the cockpit (startup.ts) and
// `agentmux run` (workflow/controller-host-setup.ts) both come here, so the provider choice, the
// overall budget kept in the store's catalog and the tool wiring cannot drift apart.
import { directoryProblem } from '../adapters/files/directory-check.js';
import type { LogSink } from '../adapters/log-sink.js';
import { providerConfigFromEnv } from '../adapters/provider-config.js';
import type { FileSessionStore } from '../adapters/store/file-session-store.js';
import type { AgentConfig, SdkAgent } from '../core/agent.js';
import type { DefaultAgentConfig, FreshWorkspace } from '../core/agent-admin.js';
import { Controller } from '../core/controller.js';
import type { WorkspaceFiles } from '../core/file-checkpoint.js';
import type { ModelProvider } from '../core/provider.js';
import type { PtyLauncher } from '../core/pty-session.js';
import type { ToolHost } from '../core/tools.js';
import type { TranscriptReader } from '../core/transcript-import.js';
import { LazyAnthropicProvider } from './lazy-provider.js';
import { endpointProvider } from './workflow/endpoint-provider.js';
import { callToolsBack } from './workflow/call-tools-back.js';

/**
 * The scripted model on loopback, when agents talk to it instead of the API. `every-agent`: the
 * cockpit's demo, where nothing reaches the network; `unless-endpoint`: a run without a key,
 * where a call naming a providers-file ENDPOINT/MODEL still goes there.
 */
export type ScriptedTarget = {
  readonly url: string;
  readonly scope: 'every-agent' | 'unless-endpoint';
  /** Called each time an agent is given the scripted model (a run announces it once). */
  readonly onUse?: (config: AgentConfig) => void;
};

/** The parts a controller is built from. */
export type ControllerParts = {
  readonly store: FileSessionStore;
  readonly tools: ToolHost;
  readonly files: WorkspaceFiles;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly log: LogSink;
  readonly debug: boolean;
  readonly scripted: ScriptedTarget | undefined;
  /** What `new` starts from when no agent is open (the cockpit only). */
  readonly defaultAgent?: DefaultAgentConfig;
  /** Reads transcript files named as a graft SOURCE (the cockpit only). */
  readonly transcripts?: TranscriptReader;
  /** Starts PTY agents' commands (the cockpit only; a run's agents are SDK agents). */
  readonly ptyLauncher?: PtyLauncher;
  /** The demo: a fresh copy of the sample project for each agent `new` makes. */
  readonly freshWorkspace?: FreshWorkspace;
  /** The store's directory: a workflow agent's session opened later finds its call's schema in the run's record. */
  readonly storeDir?: string;
};

/** Builds the controller over a real store: its providers, tools, file checkpoints and the stored overall budget. */
export function buildController(parts: ControllerParts): Controller {
  const { store, env, log, debug, scripted } = parts;
  const providerConfig = providerConfigFromEnv(env);
  const toScripted = (config: AgentConfig, url: string): ModelProvider => {
    scripted?.onUse?.(config);
    return new LazyAnthropicProvider({ apiKey: 'scripted-model', baseURL: url, log, debug });
  };
  const storeDir = parts.storeDir;
  const controller: Controller = new Controller({
    store,
    providerFor: (config) => {
      if (scripted?.scope === 'every-agent') return toScripted(config, scripted.url);
      if (config.endpoint !== undefined) return endpointProvider(config.endpoint, env, log, debug);
      if (scripted !== undefined) return toScripted(config, scripted.url);
      const apiKey = providerConfig.kind === 'anthropic' ? providerConfig.apiKey : undefined;
      const baseURL = config.baseURL ?? (providerConfig.kind === 'anthropic' ? providerConfig.baseURL : undefined);
      return new LazyAnthropicProvider({
        ...(apiKey === undefined ? {} : { apiKey }),
        ...(baseURL === undefined ? {} : { baseURL }),
        log,
        debug,
      });
    },
    // The key is redacted from every tool outcome before it is journaled or sent (issue 9).
    tools: parts.tools,
    files: parts.files,
    directoryProblem,
    overallBudget: { get: () => store.overallBudget(), set: (limits) => store.setOverallBudget(limits) },
    ...(parts.defaultAgent === undefined ? {} : { defaultAgent: parts.defaultAgent }),
    ...(parts.transcripts === undefined ? {} : { transcripts: parts.transcripts }),
    ...(parts.ptyLauncher === undefined ? {} : { ptyLauncher: parts.ptyLauncher }),
    ...(parts.freshWorkspace === undefined ? {} : { freshWorkspace: parts.freshWorkspace }),
    ...(storeDir === undefined ? {} : { callTools: (agent: SdkAgent) => callToolsBack(storeDir, agent, parts.tools, (message) => controller.events.emit({ type: 'notice', agent: agent.name, level: 'info', message })) }),
  });
  return controller;
}
