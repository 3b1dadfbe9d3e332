// An agentType's `tools` as a tool host: only the named tools are offered (DESIGN.md §9), and a
// call to any other is refused as a tool error, never run.
import { CRASHED_CALL_TEXT, type ToolIntent } from '../tool-intent.js';
import type { ToolSpec } from '../model-request.js';
import type { ToolCall, ToolContext, ToolHost, ToolOutcome } from '../tools.js';

/** `base` limited to `names` (in base's order, so the request prefix stays cacheable). */
export class ToolSubset implements ToolHost {
  private readonly offered: readonly ToolSpec[];

  constructor(
    private readonly base: ToolHost,
    names: ReadonlySet<string>,
  ) {
    this.offered = base.specs().filter((spec) => names.has(spec.name));
  }

  specs(): readonly ToolSpec[] {
    return this.offered;
  }

  run(call: ToolCall, context: ToolContext): Promise<ToolOutcome> {
    if (!this.offered.some((spec) => spec.name === call.name)) {
      return Promise.resolve({ content: `${call.name} is not one of this agent's tools`, isError: true });
    }
    return this.base.run(call, context);
  }

  precheck(call: ToolCall, cwd: string): Promise<ToolOutcome | undefined> {
    return this.base.precheck?.(call, cwd) ?? Promise.resolve(undefined);
  }
  recover(tool: string, intent: ToolIntent, cwd: string): Promise<ToolOutcome> {
    return this.base.recover?.(tool, intent, cwd) ?? Promise.resolve({ content: CRASHED_CALL_TEXT, isError: true });
  }

}
