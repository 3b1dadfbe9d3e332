// The tools every agent gets, the same for the cockpit and for `agentmux run`: the workspace
// tools (the store itself masked), secrets of the environment redacted from every outcome before
// it is journaled or sent (issue 9), and file checkpoints for rewind.
import { fileCheckpointsFor } from '../adapters/files/file-checkpoints.js';
import { createWorkspaceToolHost } from '../adapters/tools/full-tool-host.js';
import { redactingToolHost, secretsFromEnv } from '../adapters/tools/secrets.js';

/** The controller's `tools` and `files` over the store at `storeDir`. */
export function agentTools(storeDir: string, env: Readonly<Record<string, string | undefined>>) {
  const checkpoints = fileCheckpointsFor(storeDir);
  return {
    tools: checkpoints.wrap(redactingToolHost(createWorkspaceToolHost({ write: true, masked: [storeDir] }), secretsFromEnv(env))),
    files: checkpoints.files,
  };
}
