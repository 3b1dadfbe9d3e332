// The tool port: core decides when a tool runs; adapters touch the file system.
import type { ToolSpec } from './model-request.js';

export type ToolCall = { readonly id: string; readonly name: string; readonly input: Record<string, unknown> };

/** What a tool returns to the model; a refusal or failure is `isError`, never a throw. */
export type ToolOutcome = { readonly content: string; readonly isError: boolean };

export type ToolContext = { readonly cwd: string; readonly signal: AbortSignal };

export interface ToolHost {
  /** The tools offered to the model, in a stable order (so the request prefix stays cacheable). */
  specs(): readonly ToolSpec[];
  run(call: ToolCall, context: ToolContext): Promise<ToolOutcome>;
}
