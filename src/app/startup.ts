// Everything before the screen opens: layout, store (its lock first), log, provider, agents.
// Problems here are reported on stderr with an exit status, never in a dialog.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { installConsoleGuard } from '../adapters/console-guard.js';
import { loadLayout } from '../adapters/layout-loader.js';
import { fileLogSink, type LogSink } from '../adapters/log-sink.js';
import { providerConfigFromEnv } from '../adapters/provider-config.js';
import { FileSessionStore } from '../adapters/store/file-session-store.js';
import { createWorkspaceToolHost } from '../adapters/tools/full-tool-host.js';
import { useScriptedModel, type RunOptions } from '../cli-options.js';
import type { AgentConfig } from '../core/agent.js';
import { DEFAULT_APPROVAL_POLICY } from '../core/approval-policy.js';
import { Controller } from '../core/controller.js';
import type { Layout, TilingPreset } from '../core/layout-file.js';
import { err, ok, type Result } from '../core/result.js';
import { startDemo, type Demo } from './demo.js';
import { LazyAnthropicProvider } from './lazy-provider.js';
import { packageRoot } from './package-root.js';

export type Started = {
  readonly layout: Layout;
  readonly store: FileSessionStore;
  readonly controller: Controller;
  readonly demo: Demo | undefined;
  readonly logPath: string;
  readonly log: LogSink;
  /** The tiling chosen when this layout last quit (Space / :tiling), if any. */
  readonly savedTiling: TilingPreset | undefined;
  /** Agents of the layout that were not started, and why: the status bar shows them at once. */
  readonly notices: readonly string[];
  /** Stops agents, closes the store (lock released), the demo server and the console guard. */
  shutdown(): Promise<void>;
};

export type StartFailure = { readonly message: string; readonly exitCode: number };

/** The folder of the shipped layouts. */
export function layoutsDir(): string {
  return join(packageRoot(), 'layouts');
}

/** Reads the layout, opens the store and starts the agents; nothing is drawn yet. */
export async function startAgents(
  options: RunOptions,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): Promise<Result<Started, StartFailure>> {
  const loaded = loadLayout(options.layout, layoutsDir());
  if (!loaded.ok) return err({ message: loaded.error, exitCode: 2 });
  const layout = loaded.value.layout;

  const sessionsDir = resolve(cwd, options.sessions);
  const opened = FileSessionStore.open(sessionsDir);
  if (!opened.ok) return err({ message: opened.error, exitCode: 1 });
  const store = opened.value;

  const logPath = join(sessionsDir, 'agentmux.log');
  const guard = installConsoleGuard(logPath);
  const log = fileLogSink(logPath);
  for (const notice of store.notices) log(`store: ${notice}`);

  const providerConfig = providerConfigFromEnv(env);
  const demo = useScriptedModel(options, env) ? await startDemo() : undefined;
  const controller = new Controller({
    store,
    providerFor: (config) => {
      if (demo !== undefined) return new LazyAnthropicProvider({ apiKey: 'scripted-model', baseURL: demo.model.url, log, debug: options.debug });
      const apiKey = providerConfig.kind === 'anthropic' ? providerConfig.apiKey : undefined;
      const baseURL = config.baseURL ?? (providerConfig.kind === 'anthropic' ? providerConfig.baseURL : undefined);
      return new LazyAnthropicProvider({
        ...(apiKey === undefined ? {} : { apiKey }),
        ...(baseURL === undefined ? {} : { baseURL }),
        log,
        debug: options.debug,
      });
    },
    tools: createWorkspaceToolHost({ write: true }),
    defaultAgent: { model: providerConfig.model, cwd },
    overallBudget: { get: () => store.overallBudget(), set: (limits) => store.setOverallBudget(limits) },
  });
  controller.events.on((event) => {
    if (event.type === 'notice') log(`${event.agent ?? 'agentmux'}: ${event.message}`);
    else if (options.debug && event.type === 'state') log(`${event.agent}: ${event.state} ${event.detail}`);
    else if (event.type === 'state' && event.state === 'error') log(`${event.agent}: error: ${event.detail}`);
  });

  const notices: string[] = [];
  const notice = (text: string): void => {
    log(text);
    notices.push(text);
  };
  for (const agent of layout.agents) {
    if (agent.command !== undefined) {
      notice(`${agent.name}: PTY agents ("command") are not supported yet; skipped`);
      continue;
    }
    let agentCwd = agent.cwd === undefined ? cwd : resolve(cwd, agent.cwd);
    if (demo !== undefined && agent.cwd === undefined) {
      const workspace = demo.workspaceFor(agent.name);
      if (workspace.ok) agentCwd = workspace.value;
      else log(`${agent.name}: demo workspace: ${workspace.error}`);
    }
    const config: AgentConfig = {
      name: agent.name,
      model: agent.model ?? providerConfig.model,
      cwd: agentCwd,
      ...(agent.system === undefined ? {} : { system: agent.system }),
      ...(agent.baseURL === undefined ? {} : { baseURL: agent.baseURL }),
      approval: { approve: agent.approve ?? DEFAULT_APPROVAL_POLICY.approve, allow: agent.allow ?? DEFAULT_APPROVAL_POLICY.allow },
    };
    const added = controller.addAgent(config);
    if (!added.ok) {
      notice(`${agent.name}: ${added.error}`);
      continue;
    }
    const started = added.value;
    if (started.loadError !== undefined) log(`${agent.name}: ${started.loadError}`);
    const fresh = started.session !== undefined && started.session.tree.head === null;
    if (fresh && agent.prompt !== undefined) controller.send(agent.name, agent.prompt);
  }

  // Panes opened while the cockpit last ran with this layout (`new`, `fork`) come back too.
  const saved = store.cockpit(layout.name);
  for (const extra of saved?.agents ?? []) {
    if (controller.find(extra.name) !== undefined) continue;
    let extraCwd = extra.cwd;
    if (!existsSync(extraCwd) && demo !== undefined) {
      const workspace = demo.workspaceFor(extra.name);
      if (workspace.ok) extraCwd = workspace.value;
    }
    const added = controller.addAgent({
      name: extra.name,
      model: extra.model,
      cwd: extraCwd,
      ...(extra.system === undefined ? {} : { system: extra.system }),
      ...(extra.baseURL === undefined ? {} : { baseURL: extra.baseURL }),
    });
    if (!added.ok) log(`${extra.name}: ${added.error}`);
  }

  return ok({
    layout,
    store,
    controller,
    demo,
    savedTiling: saved?.tiling,
    logPath,
    log,
    notices,
    shutdown: async () => {
      await controller.shutdown();
      await store.close();
      await demo?.close();
      guard.dispose();
    },
  });
}
