// Approvals in a headless run (DESIGN.md §9): nobody can answer, so under `--approve ask` a write
// or bash call that would wait is refused at once, with the fix named, and reported on stderr.
import { CRASHED_CALL_TEXT, type ToolIntent } from '../tool-intent.js';
import type { ToolSpec } from '../model-request.js';
import { describeCall } from '../approval-decision.js';
import type { ToolCall, ToolContext, ToolHost, ToolOutcome } from '../tools.js';

/** What the agent is told, exactly. */
export const HEADLESS_REFUSAL = 'not approved: headless run (use --approve auto or --allow)';

/**
 * `base`, whose precheck (asked only for a call that needs approval) refuses it: the runner then
 * sends the refusal back without waiting. `report` gets a line for stderr.
 */
export class HeadlessRefusal implements ToolHost {
  constructor(
    private readonly base: ToolHost,
    private readonly report: (line: string) => void,
  ) {}

  specs(): readonly ToolSpec[] {
    return this.base.specs();
  }

  run(call: ToolCall, context: ToolContext): Promise<ToolOutcome> {
    return this.base.run(call, context);
  }

  precheck(call: ToolCall, _cwd: string): Promise<ToolOutcome | undefined> {
    this.report(`${describeCall(call)}: ${HEADLESS_REFUSAL}`);
    return Promise.resolve({ content: HEADLESS_REFUSAL, isError: true });
  }
  recover(tool: string, intent: ToolIntent, cwd: string): Promise<ToolOutcome> {
    return this.base.recover?.(tool, intent, cwd) ?? Promise.resolve({ content: CRASHED_CALL_TEXT, isError: true });
  }

}
