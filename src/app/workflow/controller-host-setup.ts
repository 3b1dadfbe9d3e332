// Opens the controller-backed WorkflowAgentHost for `agentmux run` (DESIGN.md §9): the store,
// the providers file, the provider (the scripted model without a key; with --demo on a copy of
// the sample project; a providers-file endpoint always for a call naming one), the
// controller with the usual tools, and the host over it; `close` shuts them down in order.
import { join, resolve } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { copyDemoWorkspace } from '../../adapters/demo-workspace.js';
import { fileLogSink } from '../../adapters/log-sink.js';
import { providerConfigFromEnv } from '../../adapters/provider-config.js';
import { demoScript } from '../../adapters/scripted-model/demo-script.js';
import { startScriptedModel, type ScriptedModel } from '../../adapters/scripted-model/server.js';
import { FileSessionStore } from '../../adapters/store/file-session-store.js';
import type { StoreLock } from '../../adapters/store/store-lock.js';
import { agentCheckpoints, agentToolHost } from '../agent-tool-host.js';
import { loadProviders, storeProvidersPath } from '../../adapters/workflow/providers-file.js';
import type { Controller } from '../../core/controller.js';
import { err, ok, type Result } from '../../core/result.js';
import type { WorkflowAgentHost } from '../../core/workflow/agent-host.js';
import { buildController } from '../build-controller.js';
import type { CallStates } from '../../core/workflow/call-state.js';
import { gitRootOf } from './git-root.js';
import { ControllerAgentHost } from './workflow-agent-host.js';

/** What opening the host needs from `agentmux run`. */
export type ControllerHostContext = {
  readonly storeDir: string;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly options: { readonly providers: string | undefined; readonly model: string | undefined; readonly demo: boolean; readonly debug: boolean };
  /** The store lock the caller already holds (it stays the caller's to release); without it the store is locked here. */
  readonly lock?: StoreLock;
  /** A headless run's stderr (one line each, no newline), for refused approvals; absent in the cockpit. */
  readonly stderr?: (line: string) => void;
};

/** A host and how to close what it opened. */
export type OpenedControllerHost = { readonly host: WorkflowAgentHost; readonly controller: Controller; readonly calls: CallStates; close(): Promise<void> };

/** The stderr line a run whose agents go to the scripted model gets once (DESIGN.md §4). */
export const SCRIPTED_MODEL_NOTICE = 'demo: scripted model, no API calls';

/** The demo (`--demo`): the scripted model at full speed, and one copy of the sample project per run. */
async function startRunDemo(): Promise<{ model: ScriptedModel; workspaceFor: (run: string) => Result<string>; close(): Promise<void> }> {
  const model = await startScriptedModel({ script: demoScript() });
  const root = mkdtempSync(join(tmpdir(), 'agentmux-run-demo-'));
  const copies = new Map<string, string>();
  return {
    model,
    workspaceFor: (run) => {
      const known = copies.get(run);
      if (known !== undefined) return ok(known);
      const dir = join(root, run);
      const copied = copyDemoWorkspace(dir);
      if (!copied.ok) return copied;
      copies.set(run, dir);
      return ok(dir);
    },
    close: async () => {
      await model.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Opens the store, providers and controller, and the host over them. */
export async function openControllerHost(context: ControllerHostContext): Promise<Result<OpenedControllerHost>> {
  const { storeDir, options, env } = context;
  const providersPath = options.providers === undefined ? storeProvidersPath(storeDir) : resolve(context.cwd, options.providers);
  const providers = loadProviders(providersPath, options.providers === undefined);
  if (!providers.ok) return providers;
  // The caller keeps its lock: the store gets one whose release is the caller's business.
  const held = context.lock;
  const opened = held === undefined ? FileSessionStore.open(storeDir) : FileSessionStore.openLocked(storeDir, { ...held, release: () => undefined });
  if (!opened.ok) return err(opened.error);
  const store = opened.value;
  const log = fileLogSink(join(storeDir, 'agentmux.log'));
  const providerConfig = providerConfigFromEnv(env);
  // `--demo`: the scripted model on a copy of the sample project. No key and no base URL (§4):
  // the scripted model in the real cwd. Either way a call naming ENDPOINT/MODEL goes there.
  const demo = options.demo ? await startRunDemo() : undefined;
  const scripted = demo?.model ?? (providerConfig.kind === 'scripted' ? await startScriptedModel({ script: demoScript() }) : undefined);
  const announced = new Set<string>();
  const announce = (run: string | undefined): void => {
    const key = run ?? '';
    if (announced.has(key)) return;
    announced.add(key);
    context.stderr?.(`${run === undefined ? '' : `${run}: `}${SCRIPTED_MODEL_NOTICE}`);
  };
  const checkpoints = agentCheckpoints(storeDir, env, providers.value);
  // The cockpit's own tool host: redaction, the masked store, keys kept from bash (issue 9).
  const tools = agentToolHost({ storeDir, env, providers: providers.value, checkpoints });
  const controller = buildController({
    store,
    tools,
    storeDir: storeDir,
    files: checkpoints.files,
    env,
    log,
    debug: options.debug,
    scripted: scripted === undefined ? undefined : { url: scripted.url, scope: 'unless-endpoint', onUse: (config) => announce(config.run) },
  });
  const host = new ControllerAgentHost({
    controller,
    storeDir,
    tools,
    providers: providers.value,
    defaultModel: options.model ?? providerConfig.model,
    agentRoot: (cwd) => gitRootOf(cwd),
    report: (line) => context.stderr?.(line),
    ...(demo === undefined ? {} : { cwdFor: (run) => demo.workspaceFor(run.id) }),
  });
  return ok({
    host,
    controller,
    calls: host.calls,
    close: async () => {
      await controller.shutdown();
      await store.close();
      if (demo !== undefined) await demo.close();
      else await scripted?.close();
    },
  });
}
