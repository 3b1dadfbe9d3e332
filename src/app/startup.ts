// Everything after the first frame that the cockpit needs: the store's catalog, the log, the
// provider, the controller, then the agents one by one (their journals are read here, so each
// pane fills in as its agent loads). The layout and the store lock were checked before the
// screen opened (startup-checks.ts); problems from here on show in the status bar and the log.
import { TranscriptFileReader } from '../adapters/transcript-file.js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileLogSink, type LogSink } from '../adapters/log-sink.js';
import { providerConfigFromEnv } from '../adapters/provider-config.js';
import { FileSessionStore } from '../adapters/store/file-session-store.js';
import { ptyLauncherWithout } from '../adapters/pty/node-pty-host.js';
import { settlePtyGroups } from '../adapters/pty/pty-groups.js';
import { buildController } from './build-controller.js';
import { agentCheckpoints, agentSecretVariables, agentToolHost } from './agent-tool-host.js';
import { sandboxSupport } from '../adapters/tools/bash-sandbox.js';
import { useScriptedModel, type RunOptions } from '../cli-options.js';
import type { AgentConfig } from '../core/agent.js';
import type { ToolHost } from '../core/tools.js';
import { DEFAULT_APPROVAL_POLICY } from '../core/approval-policy.js';
import type { Controller } from '../core/controller.js';
import { layoutPaneModel, type Layout, type LayoutAgent, type PtyLayoutAgent, type SdkLayoutAgent, type TilingPreset } from '../core/layout-file.js';
import { err, ok, type Result } from '../core/result.js';
import { startDemo, type Demo } from './demo.js';
import { resolveLayoutModel } from './workflow/layout-model.js';
import { loadProviders, storeProvidersPath } from '../adapters/workflow/providers-file.js';
import type { LoadingPane } from './loading-panes.js';
import type { StartChecks, StartFailure } from './startup-checks.js';

export type Started = {
  readonly layout: Layout;
  readonly store: FileSessionStore;
  readonly controller: Controller;
  /** The store directory and the tools every agent gets (workflow runs open agents with them). */
  readonly storeDir: string;
  readonly tools: ToolHost;
  readonly demo: Demo | undefined;
  readonly logPath: string;
  readonly log: LogSink;
  /** The tiling chosen when this layout last quit (Space / :tiling), if any. */
  readonly savedTiling: TilingPreset | undefined;
  /** Agents of the layout that were not started, and why: the status bar shows them. */
  readonly notices: readonly string[];
  /** Why bash runs unsandboxed here (no bubblewrap…), or undefined when it is sandboxed. */
  readonly unsandboxed: string | undefined;
  /** Panes still to load, in pane order (layout agents, then panes saved at the last quit). */
  pending(): readonly LoadingPane[];
  /**
   * Adds the agents one at a time (reading each journal), yielding to the event loop between
   * them so frames and keys go on; stops early once `stopped()` holds. Resolves true when all loaded.
   */
  loadAgents(hooks: LoadHooks): Promise<boolean>;
  /** Stops agents (every hosted child's process group gone), closes the store (lock released) and the demo server. */
  shutdown(): Promise<void>;
};

/** What the app hears while agents load. */
export type LoadHooks = {
  /** An agent was added (or failed to be): its pane can be drawn. */
  readonly onAgent: () => void;
  /** The person quit meanwhile: load nothing more. */
  readonly stopped: () => boolean;
};

/** Opens the store (catalog), the provider and the controller; no agent is loaded yet. */
export async function openCockpit(
  checks: StartChecks,
  options: RunOptions,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): Promise<Result<Started, StartFailure>> {
  const { layout, sessionsDir, logPath } = checks;
  const opened = FileSessionStore.openLocked(sessionsDir, checks.lock);
  if (!opened.ok) return err({ message: opened.error, exitCode: 1 });
  const store = opened.value;
  const log = fileLogSink(logPath);
  for (const notice of store.notices) log(`store: ${notice}`);

  const providerConfig = providerConfigFromEnv(env);
  const demo = useScriptedModel(options, env) ? await startDemo() : undefined;
  // Layout models accept aliases and ENDPOINT/MODEL, with the endpoints of the store's providers.json;
  // each endpoint's apiKeyEnv is a secret the tools keep from bash and redact.
  const providersFile = loadProviders(storeProvidersPath(sessionsDir), true);
  const layoutProviders = providersFile.ok ? providersFile.value : {};
  const checkpoints = agentCheckpoints(sessionsDir, env, layoutProviders);
  const tools = agentToolHost({ storeDir: sessionsDir, env, providers: layoutProviders, checkpoints });
  const controller = buildController({
    store,
    tools,
    storeDir: sessionsDir,
    files: checkpoints.files,
    env,
    log,
    debug: options.debug,
    // The demo: every agent talks to the scripted model, nothing reaches the network.
    scripted: demo === undefined ? undefined : { url: demo.model.url, scope: 'every-agent' },
    defaultAgent: { model: providerConfig.model, cwd },
    transcripts: new TranscriptFileReader(cwd),
    ptyLauncher: ptyLauncherWithout(agentSecretVariables(layoutProviders)),
    ...(demo === undefined ? {} : { freshWorkspace: (name: string) => demo.workspaceFor(name) }),
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
  // Without bubblewrap, bash runs with agentmux's own rights: say so where the user looks (issue 9).
  const sandbox = await sandboxSupport();
  if (sandbox.kind === 'none' && layout.agents.some((agent) => agent.kind === 'sdk')) notice(`bash is not sandboxed: ${sandbox.reason}`);
  // Panes opened while the cockpit last ran with this layout (`new`, `fork`) come back too.
  const saved = store.cockpit(layout.name);
  const inLayout = new Set(layout.agents.map((agent) => agent.name));
  const extras = (saved?.agents ?? []).filter((extra) => !inLayout.has(extra.name));
  const queue: (() => void)[] = [
    ...layout.agents.map((agent) => () => addLayoutAgent(agent)),
    ...extras.map((extra) => () => addSavedAgent(extra)),
  ];
  const panes: LoadingPane[] = [
    ...layout.agents.map((agent) => ({ name: agent.name, model: layoutPaneModel(agent, providerConfig.model) })),
    ...extras.map((extra) => ({ name: extra.name, model: 'command' in extra ? '' : extra.model })),
  ];
  let next = 0;

  if (!providersFile.ok) notice(providersFile.error);

  function addLayoutAgent(agent: LayoutAgent): void {
    switch (agent.kind) {
      case 'pty':
        return addLayoutPtyAgent(agent);
      case 'sdk':
        return addLayoutSdkAgent(agent);
    }
  }

  // A PTY agent has no journal: at every start it simply runs its command again.
  function addLayoutPtyAgent(agent: PtyLayoutAgent): void {
    const spec = { command: agent.command, env: agent.env ?? {}, ready: agent.ready };
    const hosted = controller.addPtyAgent(agent.name, agent.cwd === undefined ? cwd : resolve(cwd, agent.cwd), spec);
    if (!hosted.ok) notice(`${agent.name}: ${hosted.error}`);
    else if (!hosted.value.pty.running) notice(`${agent.name}: ${hosted.value.detail}`);
  }

  function addLayoutSdkAgent(agent: SdkLayoutAgent): void {
    let agentCwd = agent.cwd === undefined ? cwd : resolve(cwd, agent.cwd);
    if (demo !== undefined && agent.cwd === undefined) {
      const workspace = demo.workspaceFor(agent.name);
      if (workspace.ok) agentCwd = workspace.value;
      else log(`${agent.name}: demo workspace: ${workspace.error}`);
    }
    const model = resolveLayoutModel(agent.model ?? providerConfig.model, layoutProviders);
    if (!model.ok) {
      notice(`${agent.name}: ${model.error}`);
      return;
    }
    const config: AgentConfig = {
      name: agent.name,
      ...model.value,
      cwd: agentCwd,
      ...(agent.system === undefined ? {} : { system: agent.system }),
      ...(agent.baseURL === undefined ? {} : { baseURL: agent.baseURL }),
      approval: { approve: agent.approve ?? DEFAULT_APPROVAL_POLICY.approve, allow: agent.allow ?? DEFAULT_APPROVAL_POLICY.allow },
      ...(agent.sandbox === undefined ? {} : { sandbox: agent.sandbox }),
    };
    const added = controller.addAgent(config);
    if (!added.ok) {
      notice(`${agent.name}: ${added.error}`);
      return;
    }
    const started = added.value;
    if (started.kind === 'broken') log(`${agent.name}: ${started.loadError}`);
    const fresh = started.kind === 'sdk' && started.session.tree.head === null;
    if (fresh && agent.prompt !== undefined) controller.delivery.send(agent.name, agent.prompt);
  }

  function addSavedAgent(extra: (typeof extras)[number]): void {
    if (controller.find(extra.name) !== undefined) return;
    if ('command' in extra) {
      // A PTY agent opened with `new NAME -- COMMAND`: its command runs again, as a layout's does.
      const spec = { command: extra.command, env: extra.env ?? {}, ready: extra.ready };
      const hosted = controller.addPtyAgent(extra.name, existsSync(extra.cwd) ? extra.cwd : cwd, spec);
      if (!hosted.ok) notice(`${extra.name}: ${hosted.error}`);
      else if (!hosted.value.pty.running) notice(`${extra.name}: ${hosted.value.detail}`);
      return;
    }
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
    unsandboxed: sandbox.kind === 'none' ? sandbox.reason : undefined,
    layout,
    store,
    controller,
    storeDir: sessionsDir,
    tools,
    demo,
    savedTiling: saved?.tiling,
    logPath,
    log,
    notices,
    pending: () => panes.slice(next),
    loadAgents: async (hooks) => {
      while (next < queue.length) {
        if (hooks.stopped()) return false;
        const add = queue[next];
        next++;
        add?.();
        hooks.onAgent();
        // Let a frame, a key or a resize in between: a long journal must not freeze the screen.
        await new Promise<void>((done) => setImmediate(done));
      }
      return true;
    },
    shutdown: async () => {
      await controller.shutdown();
      // Hosted children that ignore SIGHUP must not outlive agentmux.
      await settlePtyGroups();
      await store.close();
      await demo?.close();
    },
  });
}
