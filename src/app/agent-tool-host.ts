// The tool host every SDK agent gets, in the cockpit and in workflow runs alike (issue 9): the
// workspace tools with bash's sandbox hiding the session store and its environment holding no
// provider key, every outcome redacted of those keys, and file checkpoints around it all.
import { fileCheckpointsFor, type FileCheckpoints } from '../adapters/files/file-checkpoints.js';
import { createWorkspaceToolHost } from '../adapters/tools/full-tool-host.js';
import { redactingToolHost, secretsFromEnv, secretVariables } from '../adapters/tools/secrets.js';
import { providerKeyVariables, type Providers } from '../adapters/workflow/providers-file.js';
import type { ToolHost } from '../core/tools.js';

export type AgentToolHostContext = {
  /** The session store: bash's sandbox hides it. */
  readonly storeDir: string;
  /** agentmux's environment, where the keys are read from to be redacted. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The loaded providers file: each `apiKeyEnv` is a secret too. */
  readonly providers: Providers;
  readonly checkpoints: FileCheckpoints;
};

/** Builds the one tool host for SDK agents, so no entry point forgets redaction or the mask. */
export function agentToolHost(context: AgentToolHostContext): ToolHost {
  const names = agentSecretVariables(context.providers);
  const workspace = createWorkspaceToolHost({ write: true, masked: [context.storeDir], secretVariables: names });
  return context.checkpoints.wrap(redactingToolHost(workspace, secretsFromEnv(context.env, names)));
}

/** The variables that hold a key: the built-in ones and the providers file's. */
export function agentSecretVariables(providers: Providers): readonly string[] {
  return secretVariables(providerKeyVariables(providers));
}

/** The store's file checkpoints, which keep no file version holding a key (issue 9, item 5). */
export function agentCheckpoints(storeDir: string, env: Readonly<Record<string, string | undefined>>, providers: Providers): FileCheckpoints {
  return fileCheckpointsFor(storeDir, undefined, secretsFromEnv(env, agentSecretVariables(providers)));
}
