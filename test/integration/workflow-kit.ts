// A controller on the real SDK and the scripted model (plus, when asked, a second scripted model
// as the "local" endpoint), with the ControllerAgentHost over it and the runtime's side of the
// port played by the test: what the workflow host's integration tests drive.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnthropicProvider } from '../../src/adapters/anthropic-provider.js';
import { startScriptedModel, type ScriptedModel } from '../../src/adapters/scripted-model/server.js';
import { queueScript, type Script, type ScriptStep } from '../../src/adapters/scripted-model/script.js';
import { FileSessionStore } from '../../src/adapters/store/file-session-store.js';
import { createWorkspaceToolHost } from '../../src/adapters/tools/full-tool-host.js';
import type { Providers } from '../../src/adapters/workflow/providers-file.js';
import { ControllerAgentHost } from '../../src/app/workflow/workflow-agent-host.js';
import { callToolsBack } from '../../src/app/workflow/call-tools-back.js';
import { Controller } from '../../src/core/controller.js';
import type { JsonValue } from '../../src/core/json-value.js';
import type { AgentCall, AgentCallContext, AgentCallOptions, AgentCallOutcome, RunContext } from '../../src/core/workflow/agent-host.js';

export type WorkflowKit = {
  readonly model: ScriptedModel;
  /** The "local" endpoint's server, when `local` was given. */
  readonly local: ScriptedModel | undefined;
  readonly controller: Controller;
  readonly host: ControllerAgentHost;
  readonly store: FileSessionStore;
  readonly dir: string;
  readonly workspace: string;
  /** Lines the host gave for a headless run's stderr. */
  readonly reported: string[];
  /** Output tokens every call's agent has spent while the kit's run is live (after their calls resolved too). */
  spentSinceStart(): number;
  /** Ends the kit's run: what its agents spend from now on counts for nothing. */
  endRun(): void;
  /** Runs one call the way the runtime would: returns its outcome and what the context saw. */
  call(prompt: string, options?: AgentCallOptions, run?: Partial<RunContext>, signal?: AbortSignal, slot?: AgentCallContext['slot']): Promise<CallRecord>;
  close(): Promise<void>;
};

export type CallRecord = {
  readonly outcome: AgentCallOutcome;
  readonly started: readonly { agent: string; session: string }[];
  readonly spentTokens: number;
};

export type WorkflowKitOptions = {
  /** The second server's script (the "local" endpoint). */
  readonly local?: Script | readonly ScriptStep[];
  readonly providers?: Providers;
  /** The workspace directory (default: a copy of demo/workspace). */
  readonly workspace?: string;
};

function asScript(script: Script | readonly ScriptStep[]): Script {
  return typeof script === 'function' ? script : queueScript(script);
}

/** Starts a kit whose main model answers with `script`. */
export async function startWorkflowKit(script: Script | readonly ScriptStep[], options: WorkflowKitOptions = {}): Promise<WorkflowKit> {
  const model = await startScriptedModel({ script: asScript(script) });
  const local = options.local === undefined ? undefined : await startScriptedModel({ script: asScript(options.local) });
  const dir = mkdtempSync(join(tmpdir(), 'agentmux-wf-'));
  const ownWorkspace = options.workspace === undefined;
  const workspace = options.workspace ?? mkdtempSync(join(tmpdir(), 'agentmux-wfws-'));
  if (ownWorkspace) cpSync(join(import.meta.dirname, '..', '..', 'demo', 'workspace'), workspace, { recursive: true });
  const opened = FileSessionStore.open(dir);
  if (!opened.ok) throw new Error(opened.error);
  const store = opened.value;
  const tools = createWorkspaceToolHost({ write: true });
  const controller: Controller = new Controller({
    store,
    providerFor: (config) =>
      new AnthropicProvider({
        apiKey: 'test-key',
        baseURL: config.endpoint?.baseURL ?? model.url,
        log: () => undefined,
      }),
    tools,
    retryDelaysMs: [],
    idleTimeoutMs: 5000,
    // As build-controller wires it: a call's session opened later gets its schema's tool back.
    callTools: (agent) => callToolsBack(dir, agent, tools, (message) => controller.events.emit({ type: 'notice', agent: agent.name, level: 'info', message })),
  });
  const providers: Providers = options.providers ?? (local === undefined ? {} : { local: { baseURL: local.url } });
  const reported: string[] = [];
  const host = new ControllerAgentHost({
    controller,
    storeDir: dir,
    tools,
    providers,
    defaultModel: 'claude-sonnet-4-6',
    agentRoot: (cwd) => cwd,
    report: (line) => reported.push(line),
  });
  let calls = 0;
  let spentAll = 0;
  const runEnded = new AbortController();
  const call = async (prompt: string, callOptions: AgentCallOptions = {}, run: Partial<RunContext> = {}, signal = new AbortController().signal, slot: AgentCallContext['slot'] = () => Promise.resolve()): Promise<CallRecord> => {
    calls += 1;
    const started: { agent: string; session: string }[] = [];
    let spentTokens = 0;
    const context: AgentCallContext = {
      slot,
      started: (agent, session) => started.push({ agent, session }),
      spent: (tokens) => {
        spentTokens += tokens;
        spentAll += tokens;
      },
      signal,
      runEnded: runEnded.signal,
      revised: () => undefined,
    };
    const agentCall: AgentCall = {
      run: { id: 'r1', name: 'test-run', cwd: workspace, headless: false, approve: 'auto', allow: [], defaultModel: undefined, ...run },
      key: `key-${calls}#0`,
      baseName: callOptions.label ?? `test-run-${calls}`,
      phase: undefined,
      prompt,
      options: callOptions,
    };
    const outcome = await host.run(agentCall, context);
    return { outcome, started, spentTokens };
  };
  return {
    model,
    local,
    controller,
    host,
    store,
    dir,
    workspace,
    reported,
    call,
    spentSinceStart: () => spentAll,
    endRun: () => runEnded.abort(),
    close: async () => {
      runEnded.abort();
      await controller.shutdown();
      await store.close();
      await model.close();
      await local?.close();
      if (ownWorkspace) rmSync(workspace, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The system prompt text of a received request. */
export function systemText(model: ScriptedModel, index: number): string {
  const system = model.requests[index]?.body.system;
  if (system === undefined) return '';
  return typeof system === 'string' ? system : system.map((block) => block.text).join('\n');
}

/** The tool names offered in a received request. */
export function toolNames(model: ScriptedModel, index: number): readonly string[] {
  return (model.requests[index]?.body.tools ?? []).map((tool) => tool.name);
}

/** A StructuredOutput call step. */
export function structuredCall(input: { [key: string]: JsonValue }): ScriptStep {
  return { toolUses: [{ name: 'StructuredOutput', input }] };
}
