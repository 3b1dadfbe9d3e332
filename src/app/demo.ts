// The demo: the scripted model on loopback (the real SDK path, no API key) and a fresh copy of
// the sample project for each agent to work in.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyDemoWorkspace } from '../adapters/demo-workspace.js';
import { demoScript } from '../adapters/scripted-model/demo-script.js';
import { startScriptedModel, type ScriptedModel } from '../adapters/scripted-model/server.js';
import { err, ok, type Result } from '../core/result.js';

export type Demo = {
  readonly model: ScriptedModel;
  /** A fresh workspace for `agent` (a copy of the sample project), never one another agent had. */
  workspaceFor(agent: string): Result<string>;
  /** Stops the scripted model and removes the workspace copies. */
  close(): Promise<void>;
};

/**
 * ~43 tokens/s per agent in deltas of 3 tokens, like a real stream: slow enough that a first turn
 * of the demo script keeps each agent busy for 40–50 s, so a newcomer sees panes streaming.
 */
export const DEMO_PACE = { tokensPerDelta: 3, deltaIntervalMs: 70 } as const;

/** Starts the scripted model for the demo and a temp folder for the agents' workspaces. */
export async function startDemo(): Promise<Demo> {
  const model = await startScriptedModel({ script: demoScript(DEMO_PACE) });
  const root = mkdtempSync(join(tmpdir(), 'agentmux-demo-'));
  return {
    model,
    workspaceFor: (agent) => {
      const dir = freeDir(root, agent.replace(/[^A-Za-z0-9._-]/g, '_'));
      try {
        mkdirSync(dir, { recursive: true });
      } catch (thrown) {
        return err(`${dir}: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
      }
      const copied = copyDemoWorkspace(dir);
      return copied.ok ? ok(dir) : copied;
    },
    close: async () => {
      await model.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

// `root/name`, or `root/name-2`, `-3`… when an agent of that name (closed, renamed) had one.
function freeDir(root: string, name: string): string {
  let dir = join(root, name);
  for (let n = 2; existsSync(dir); n++) dir = join(root, `${name}-${n}`);
  return dir;
}
