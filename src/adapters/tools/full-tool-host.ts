// The ToolHost an SDK agent gets (DESIGN.md §4): the read-only tools, and, when the agent may
// change its workspace, write_file, edit_file and bash after them. Whether a given call
// waits for the user is the approval policy's business, not the host's.
import type { ToolHost } from '../../core/tools.js';
import { bashTool, makeBashTool } from './bash.js';
import { editFileTool } from './edit-file.js';
import { createToolHost, READ_ONLY_TOOLS } from './tool-host.js';
import type { WorkspaceTool } from './workspace-tool.js';
import { writeFileTool } from './write-file.js';

/** The writing tools in the order the model sees them, after the read-only ones. */
export const WRITING_TOOLS: readonly WorkspaceTool[] = [writeFileTool, editFileTool, bashTool];

/**
 * `masked`: directories bash's sandbox hides besides HOME (the session store); `secretVariables`:
 * the provider keys bash's environment drops (secrets.ts).
 */
export type WorkspaceToolHostOptions = { readonly write: boolean; readonly masked?: readonly string[]; readonly secretVariables?: readonly string[] };

/** Builds an agent's tool host; the order is fixed so the request prefix stays cacheable. */
export function createWorkspaceToolHost(options: WorkspaceToolHostOptions): ToolHost {
  if (!options.write) return createToolHost(READ_ONLY_TOOLS);
  const bash =
    options.masked === undefined && options.secretVariables === undefined
      ? bashTool
      : makeBashTool({ masked: options.masked ?? [], ...(options.secretVariables === undefined ? {} : { secretVariables: options.secretVariables }) });
  return createToolHost([...READ_ONLY_TOOLS, writeFileTool, editFileTool, bash]);
}
