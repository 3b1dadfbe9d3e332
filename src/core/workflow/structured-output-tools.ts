// The `StructuredOutput` tool a call with a `schema` offers beside the agent's own tools
// (DESIGN.md §9): its input_schema is the schema (a non-object one wrapped as `{value}`), an
// invalid call gets the errors back as a tool error, a valid one ends the work and is the value.
import { CRASHED_CALL_TEXT, type ToolIntent } from '../tool-intent.js';
import { JsonValueSchema, type JsonValue } from '../json-value.js';
import type { ToolSpec } from '../model-request.js';
import type { ToolCall, ToolContext, ToolHost, ToolOutcome } from '../tools.js';

export const STRUCTURED_OUTPUT = 'StructuredOutput';
/** Invalid calls after which the call resolves to null. */
export const MAX_INVALID_CALLS = 5;

/** Checks a value against the call's schema: the problems, one line each (none: valid). */
export type ValueCheck = (value: JsonValue) => readonly string[];

/** The schema as the tool's input_schema, and whether the value sits under `value`. */
export type OutputShape = { readonly inputSchema: Record<string, unknown>; readonly wrapped: boolean };

/** What the tool reports to the call waiting on it. */
export type StructuredOutputListener = {
  /** A valid call: the value (already unwrapped). */
  readonly valid: (value: JsonValue) => void;
  /** The MAX_INVALID_CALLS-th invalid call. */
  readonly gaveUp: (reason: string) => void;
};

/** Whether the schema's top level describes an object (else it is wrapped). */
function describesObject(schema: Readonly<Record<string, unknown>>): boolean {
  const type = schema['type'];
  if (type === 'object') return true;
  return type === undefined && typeof schema['properties'] === 'object';
}

/** The input_schema for `schema`: itself when its top level is an object, else `{value: schema}`. */
export function outputShape(schema: Readonly<Record<string, unknown>>): OutputShape {
  if (describesObject(schema)) return { inputSchema: { ...schema }, wrapped: false };
  return { inputSchema: { type: 'object', required: ['value'], properties: { value: schema } }, wrapped: true };
}

const DESCRIPTION =
  'Return the result of your work as structured data. Its input must match the schema exactly. ' +
  'Call it once, when your work is done: a valid call ends your work and its input is your result; ' +
  'an invalid call gets the validation errors back, so you can correct it and call again.';

/** A tool host offering `base`'s tools and StructuredOutput after them (order fixed: the request prefix stays cacheable). */
export class StructuredOutputTools implements ToolHost {
  private readonly offered: readonly ToolSpec[];
  private invalidCalls = 0;

  constructor(
    private readonly base: ToolHost,
    private readonly shape: OutputShape,
    private readonly check: ValueCheck,
    private readonly listener: StructuredOutputListener,
  ) {
    const spec: ToolSpec = { name: STRUCTURED_OUTPUT, description: DESCRIPTION, inputSchema: shape.inputSchema, effect: 'read' };
    this.offered = [...base.specs().filter((s) => s.name !== STRUCTURED_OUTPUT), spec];
  }

  specs(): readonly ToolSpec[] {
    return this.offered;
  }

  async run(call: ToolCall, context: ToolContext): Promise<ToolOutcome> {
    if (call.name !== STRUCTURED_OUTPUT) return this.base.run(call, context);
    const problems = this.problemsOf(call.input);
    if (problems.kind === 'valid') {
      this.listener.valid(problems.value);
      return { content: 'Result accepted: your work is done.', isError: false, endsTurn: true };
    }
    this.invalidCalls += 1;
    const listed = problems.lines.map((line) => `- ${line}`).join('\n');
    if (this.invalidCalls >= MAX_INVALID_CALLS) {
      this.listener.gaveUp(`${MAX_INVALID_CALLS} invalid StructuredOutput calls (last: ${problems.lines.join('; ')})`);
      // Ends the work: the call is settled, so no further model call is spent on it.
      return { content: `Invalid again; no more attempts are taken:\n${listed}`, isError: true, endsTurn: true };
    }
    return { content: `The input does not match the schema:\n${listed}\nCorrect it and call ${STRUCTURED_OUTPUT} again.`, isError: true };
  }

  precheck(call: ToolCall, cwd: string): Promise<ToolOutcome | undefined> {
    return this.base.precheck?.(call, cwd) ?? Promise.resolve(undefined);
  }
  recover(tool: string, intent: ToolIntent, cwd: string): Promise<ToolOutcome> {
    return this.base.recover?.(tool, intent, cwd) ?? Promise.resolve({ content: CRASHED_CALL_TEXT, isError: true });
  }


  private problemsOf(input: Record<string, unknown>): { kind: 'valid'; value: JsonValue } | { kind: 'invalid'; lines: readonly string[] } {
    const parsed = JsonValueSchema.safeParse(input);
    if (!parsed.success) return { kind: 'invalid', lines: ['the input is not JSON'] };
    let value: JsonValue = parsed.data;
    if (this.shape.wrapped) {
      const inner = input['value'];
      if (inner === undefined) return { kind: 'invalid', lines: ["(root) must have required property 'value'"] };
      const innerParsed = JsonValueSchema.safeParse(inner);
      if (!innerParsed.success) return { kind: 'invalid', lines: ['/value is not JSON'] };
      value = innerParsed.data;
    }
    const lines = this.check(value);
    if (lines.length > 0) return { kind: 'invalid', lines: this.shape.wrapped ? lines.map((line) => `/value${line.startsWith('(root)') ? line.slice(6) : line}`) : lines };
    return { kind: 'valid', value };
  }
}
