// A controller wired to the real SDK, the scripted model on loopback, a real store on a temp
// dir and the real read-only tools: what the integration tests drive.
import type { RestorePace } from '../../src/core/background-restore.js';
import type { PtyLauncher } from '../../src/core/pty-session.js';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnthropicProvider } from '../../src/adapters/anthropic-provider.js';
import { startScriptedModel, type ScriptedModel } from '../../src/adapters/scripted-model/server.js';
import { queueScript, type Script, type ScriptStep } from '../../src/adapters/scripted-model/script.js';
import { directoryProblem } from '../../src/adapters/files/directory-check.js';
import { FileSessionStore } from '../../src/adapters/store/file-session-store.js';
import { createReadOnlyToolHost } from '../../src/adapters/tools/tool-host.js';
import type { AgentConfig, SdkAgent } from '../../src/core/agent.js';
import type { ApprovalPolicy } from '../../src/core/approval-policy.js';
import type { WorkspaceFiles } from '../../src/core/file-checkpoint.js';
import type { ToolHost } from '../../src/core/tools.js';
import { Controller } from '../../src/core/controller.js';
import type { Entry } from '../../src/core/entry.js';
import type { RequestMessage } from '../../src/core/model-request.js';

export type Harness = {
  readonly model: ScriptedModel;
  readonly controller: Controller;
  readonly store: FileSessionStore;
  readonly dir: string;
  readonly workspace: string;
  /** The config of each agent the controller asked a provider for, in order. */
  readonly providersMade: readonly AgentConfig[];
  /** The SDK agent `name` (throws when there is none, or it is a PTY or broken agent). */
  agent(name: string): SdkAgent;
  /** The `messages` of the request the server received at `index`. */
  messages(index: number): unknown;
  /** Resolves when the agent's loop has stopped (idle, paused, error…). */
  settled(name: string, timeoutMs?: number): Promise<void>;
  /** Shuts the controller, the store and the server down and removes the temp dirs. */
  close(): Promise<void>;
};

export type HarnessOptions = {
  agents?: readonly string[];
  retryDelaysMs?: readonly number[];
  idleTimeoutMs?: number;
  system?: string;
  /** Reuse an existing store directory (restart tests). */
  dir?: string;
  /** Reuse an existing workspace (crash tests); default: a fresh copy of the demo workspace. */
  workspace?: string;
  /** Give the controller a default agent configuration (for `new` with no agent open). */
  defaultAgent?: boolean;
  /** The tool host (default: the read-only tools). */
  tools?: ToolHost;
  /** Every agent's approval policy (default: ask, allow nothing). */
  approval?: ApprovalPolicy;
  /** File checkpoints' restore port (default: none, rewind leaves files alone). */
  files?: WorkspaceFiles;
  /** Starts PTY agents' commands (default: none, PTY agents are refused). */
  ptyLauncher?: PtyLauncher;
  /** The controller's clock (default: Date.now). */
  now?: () => number;
  /** When file restores go to the background and how they are sliced (default: the app's). */
  restorePace?: RestorePace;
};

/** Polls a condition every few ms; fails the test with `what` after `timeoutMs`. */
// The bound only decides when a wait that never comes is reported: 15 s (under the test's 20 s), as a
// scripted turn took over 5 s once with two suites on 2 cores (session 7, steering.test.ts).
export async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Starts a harness whose model answers with `script` (a queue of steps or a function). */
export async function startHarness(script: Script | readonly ScriptStep[], options: HarnessOptions = {}): Promise<Harness> {
  const model = await startScriptedModel({ script: typeof script === 'function' ? script : queueScript(script) });
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'agentmux-it-'));
  const workspace = options.workspace ?? mkdtempSync(join(tmpdir(), 'agentmux-ws-'));
  if (options.workspace === undefined) cpSync(join(import.meta.dirname, '..', '..', 'demo', 'workspace'), workspace, { recursive: true });
  const opened = FileSessionStore.open(dir);
  if (!opened.ok) throw new Error(opened.error);
  const store = opened.value;
  const logLines: string[] = [];
  const providersMade: AgentConfig[] = [];
  const controller = new Controller({
    store,
    providerFor: (config) => {
      providersMade.push(config);
      return new AnthropicProvider({ apiKey: 'test-key', baseURL: model.url, log: (line) => logLines.push(line) });
    },
    tools: options.tools ?? createReadOnlyToolHost(),
    ...(options.files === undefined ? {} : { files: options.files }),
    ...(options.ptyLauncher === undefined ? {} : { ptyLauncher: options.ptyLauncher }),
    retryDelaysMs: options.retryDelaysMs ?? [20, 20],
    idleTimeoutMs: options.idleTimeoutMs ?? 2000,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.restorePace === undefined ? {} : { restorePace: options.restorePace }),
    directoryProblem,
    ...(options.defaultAgent === true ? { defaultAgent: { model: 'claude-sonnet-4-6', cwd: workspace } } : {}),
  });
  for (const name of options.agents ?? ['alpha']) {
    const added = controller.addAgent({
      name,
      model: 'claude-sonnet-4-6',
      cwd: workspace,
      ...(options.system === undefined ? {} : { system: options.system }),
      ...(options.approval === undefined ? {} : { approval: options.approval }),
    });
    if (!added.ok) throw new Error(added.error);
  }
  const agent = (name: string): SdkAgent => {
    const found = controller.find(name);
    if (found === undefined) throw new Error(`no agent ${name}`);
    if (found.kind !== 'sdk') throw new Error(`${name} is a ${found.kind} agent, not an SDK agent`);
    return found;
  };
  return {
    model,
    controller,
    store,
    dir,
    workspace,
    providersMade,
    agent,
    messages: (index) => model.requests[index]?.body.messages,
    settled: (name, timeoutMs) => until(() => agent(name).phase.kind !== 'running', `${name} to settle`, timeoutMs),
    close: async () => {
      await controller.shutdown();
      await store.close();
      await model.close();
      if (options.workspace === undefined) rmSync(workspace, { recursive: true, force: true });
      if (options.dir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Shorthand for a user text message as the API receives it. */
export function userText(text: string): RequestMessage {
  return { role: 'user', content: [{ type: 'text', text }] };
}

/** Shorthand for an assistant text message as the API receives it. */
export function assistantText(text: string): RequestMessage {
  return { role: 'assistant', content: [{ type: 'text', text }] };
}

/** Drops `cache_control` marks so tests compare content; cache points are tested on their own. */
export function withoutCacheMarks(messages: unknown): unknown {
  return JSON.parse(JSON.stringify(messages, (key, value: unknown) => (key === 'cache_control' ? undefined : value)));
}

const opened: Harness[] = [];

/** A harness closed by `closeHarnesses` (an afterEach), for files that open several per test. */
export async function openHarness(...args: Parameters<typeof startHarness>): Promise<Harness> {
  const h = await startHarness(...args);
  opened.push(h);
  return h;
}

/** Closes every harness `openHarness` opened. */
export async function closeHarnesses(): Promise<void> {
  for (const h of opened.splice(0)) await h.close();
}

/** A promise and the function that resolves it: a step of the scripted model held until the test opens it. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let release = (): void => undefined;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, open: release };
}

/** The user entries of the agent's branch as `text:opens` or `text:joins` (whether each opened a turn). */
export function userEntries(h: Harness, name: string): string[] {
  const path: readonly Entry[] = h.agent(name).session?.tree.path() ?? [];
  return path.flatMap((e) => (e.kind === 'user' ? [`${e.text}:${e.opensTurn ? 'opens' : 'joins'}`] : []));
}
