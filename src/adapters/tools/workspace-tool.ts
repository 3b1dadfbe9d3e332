// What each read-only tool file provides, and the small pieces every tool shares:
// turning zod issues into a tool error that names the field, and the abort outcome.
import type * as z from 'zod';
import type { ToolSpec } from '../../core/model-request.js';
import type { ToolContext, ToolOutcome } from '../../core/tools.js';
import { err, ok, type Result } from '../../core/result.js';

/** One tool: its spec for the model and how it runs; `run` never throws by contract. */
export type WorkspaceTool = {
  readonly spec: ToolSpec;
  run(input: Record<string, unknown>, context: ToolContext): Promise<ToolOutcome>;
  /** The error a call would certainly end in, found by a cheap read before approval is asked. */
  precheck?(input: Record<string, unknown>, cwd: string): Promise<ToolOutcome | undefined>;
};

/** A successful tool answer. */
export function toolText(content: string): ToolOutcome {
  return { content, isError: false };
}

/** A refusal or failure the model should read and recover from. */
export function toolError(content: string): ToolOutcome {
  return { content, isError: true };
}

/** The outcome of a tool stopped by the agent's abort signal. */
export function abortedOutcome(toolName: string): ToolOutcome {
  return toolError(`${toolName} was aborted before it finished`);
}

/** Parses tool input with zod, naming the offending field so the model can fix its call. */
export function parseToolInput<Schema extends z.ZodType>(
  toolName: string,
  schema: Schema,
  input: Record<string, unknown>,
): Result<z.output<Schema>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const problems = parsed.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    return field === '' ? issue.message : `${field}: ${issue.message}`;
  });
  return err(`invalid input for ${toolName}: ${problems.join('; ')}`);
}
