// The tool port: core decides when a tool runs; adapters touch the file system.
import type { ToolSpec } from './model-request.js';

export type ToolCall = { readonly id: string; readonly name: string; readonly input: Record<string, unknown> };

import type { FileChange } from './entry.js';
import type { Result } from './result.js';
import type { ToolIntent } from './tool-intent.js';

/**
 * What a tool returns to the model; a refusal or failure is `isError`, never a throw.
 * `fullOutput` is the whole output when `content` had to be cut (kept in the journal, as a
 * blob when large, never sent to the model); `files` lists what the call changed on disk, so a
 * rewind can restore it.
 */
export type ToolOutcome = {
  readonly content: string;
  readonly isError: boolean;
  readonly fullOutput?: string;
  readonly files?: readonly FileChange[];
  /**
   * True when the abort signal stopped the tool part way and `content` holds what it produced
   * until then (bash's output so far), so an interrupt keeps it instead of dropping it.
   */
  readonly partial?: boolean;
  /** True when this call ends the agent's work (a valid StructuredOutput): no further model call. */
  readonly endsTurn?: boolean;
};

/** Where a tool runs; `onOutput` receives a command's output as it arrives (shown live in the pane). */
export type ToolContext = {
  readonly cwd: string;
  readonly signal: AbortSignal;
  readonly onOutput?: (chunk: string) => void;
  /** What a sandboxed `bash` may reach beyond the workspace (the agent's layout); absent: no network. */
  readonly sandbox?: SandboxPolicy;
  /**
   * Journals what the call may change before it changes anything (tool-intent.ts); a call whose
   * intent cannot be journaled must not run. Absent where nothing is journaled (tests, previews).
   */
  readonly recordIntent?: (intent: ToolIntent) => Result<void>;
};

/** What one agent's sandboxed `bash` commands may reach beyond the workspace (layout `sandbox`). */
export type SandboxPolicy = { readonly network: boolean };

export interface ToolHost {
  /** The tools offered to the model, in a stable order (so the request prefix stays cacheable). */
  specs(): readonly ToolSpec[];
  run(call: ToolCall, context: ToolContext): Promise<ToolOutcome>;
  /**
   * A cheap check (a file read, nothing written) of a call that would fail anyway, made before
   * asking the user to approve it: the error outcome to send back at once, or undefined when the
   * call may go ahead. Optional; run() still checks everything itself.
   */
  precheck?(call: ToolCall, cwd: string): Promise<ToolOutcome | undefined>;
  /**
   * The result of a call that was running when agentmux stopped (a crash): what it changed since
   * its journaled intent, as `files`. Optional: hosts that journal no intents have none.
   */
  recover?(tool: string, intent: ToolIntent, cwd: string): Promise<ToolOutcome>;
}
