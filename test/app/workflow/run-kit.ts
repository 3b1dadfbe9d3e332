// Helpers for runtime tests: a temporary store and cwd, a script written there, startRun with a
// fake host, and the run's record read back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readRunRecord, type RunRecord } from '../../../src/adapters/workflow/run-record-reader.js';
import type { WorkflowAgentHost } from '../../../src/core/workflow/agent-host.js';
import type { RunEnd } from '../../../src/core/workflow/run-events.js';
import { startRun, type LiveRun, type StartRunOptions } from '../../../src/app/workflow/start-run.js';

export type Sandbox = { readonly dir: string; readonly cwd: string; readonly store: string; cleanup(): void };

/** A fresh temporary directory with `project/` (cwd) and `store/`. */
export function makeSandbox(): Sandbox {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentmux-wf-'));
  const cwd = path.join(dir, 'project');
  const store = path.join(dir, 'store');
  fs.mkdirSync(cwd, { recursive: true });
  return { dir, cwd, store, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Writes `project/NAME` and returns its relative path. */
export function writeScript(sandbox: Sandbox, name: string, text: string): string {
  const file = path.join(sandbox.cwd, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return `./${name}`;
}

/** A meta line for test scripts. */
export function meta(name: string, extra = ''): string {
  return `export const meta = { name: ${JSON.stringify(name)}, description: 'test'${extra} };\n`;
}

/** Starts a run of `ref` with a host; fails the test if it does not start. */
export async function start(sandbox: Sandbox, ref: string, host: WorkflowAgentHost, overrides: Partial<StartRunOptions> = {}): Promise<LiveRun> {
  const started = await startRun({
    ref,
    args: overrides.args,
    storeDir: sandbox.store,
    cwd: sandbox.cwd,
    home: sandbox.dir,
    headless: true,
    approve: 'auto',
    allow: [],
    defaultModel: undefined,
    concurrency: 16,
    caps: { tokens: null, usd: null },
    host,
    ...overrides,
  });
  if (!started.ok) throw new Error(started.error);
  return started.value;
}

/** Runs `ref` to its end. */
export async function runToEnd(sandbox: Sandbox, ref: string, host: WorkflowAgentHost, overrides: Partial<StartRunOptions> = {}): Promise<{ run: LiveRun; end: RunEnd; record: RunRecord }> {
  const run = await start(sandbox, ref, host, overrides);
  const end = await run.finished;
  const record = readRunRecord(sandbox.store, run.id);
  if (!record.ok) throw new Error(record.error);
  return { run, end, record: record.value };
}
