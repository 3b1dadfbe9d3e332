// The read-only ToolHost of DESIGN.md §4: read_file, list_files and grep over the agent's
// cwd. It turns every failure, even an unexpected throw, into an `isError` outcome.
import type { ToolSpec } from '../../core/model-request.js';
import { messageOf } from '../../core/result.js';
import type { ToolCall, ToolContext, ToolHost, ToolOutcome } from '../../core/tools.js';
import { grepTool } from './grep.js';
import { listFilesTool } from './list-files.js';
import { readFileTool } from './read-file.js';
import { abortedOutcome, toolError, type WorkspaceTool } from './workspace-tool.js';

/** The read-only tools in the order the model sees them (stable, so requests stay cacheable). */
export const READ_ONLY_TOOLS: readonly WorkspaceTool[] = [readFileTool, listFilesTool, grepTool];

/** Serves a fixed list of tools by name; exported so write tools can join the list later. */
export function createToolHost(tools: readonly WorkspaceTool[]): ToolHost {
  const specs: readonly ToolSpec[] = tools.map((tool) => tool.spec);
  const byName = new Map(tools.map((tool) => [tool.spec.name, tool]));
  const available = specs.map((spec) => spec.name).join(', ');
  return {
    specs: () => specs,
    async run(call: ToolCall, context: ToolContext): Promise<ToolOutcome> {
      const tool = byName.get(call.name);
      if (tool === undefined)
        return toolError(`unknown tool ${JSON.stringify(call.name)}; available: ${available}`);
      try {
        return await tool.run(call.input, context);
      } catch (thrown) {
        if (context.signal.aborted) return abortedOutcome(call.name);
        return toolError(`${call.name} failed: ${messageOf(thrown)}`);
      }
    },
    async precheck(call: ToolCall, cwd: string): Promise<ToolOutcome | undefined> {
      const tool = byName.get(call.name);
      if (tool?.precheck === undefined) return undefined;
      try {
        return await tool.precheck(call.input, cwd);
      } catch {
        return undefined; // the run itself reports whatever went wrong
      }
    },
  };
}

/** The tool host an SDK agent gets before write tools and bash exist. */
export function createReadOnlyToolHost(): ToolHost {
  return createToolHost(READ_ONLY_TOOLS);
}
