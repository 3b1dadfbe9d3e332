// The demo's answer to an agent offered StructuredOutput (a workflow call with a schema): it reads
// a file or two with the real tools as usual, then calls StructuredOutput with a schema-valid value
// drawn from what it read (DESIGN.md §9), so a workflow runs on the sample project with no API key.
import type { Findings } from './demo-findings.js';
import type { Conversation } from './demo-conversation.js';
import type { MessagesRequestBody } from './request-schema.js';
import type { ScriptStep } from './script.js';
import { valueFor } from './schema-values.js';
import { clip, hash } from './demo-text.js';
import { readSteer, steerValue } from './steered-value.js';

const STRUCTURED_OUTPUT = 'StructuredOutput';
/** Tool rounds of reading before the demo answers. */
export const READ_ROUNDS_BEFORE_OUTPUT = 2;

/** The StructuredOutput tool's input_schema when the request offers it. */
export function offeredOutputSchema(body: MessagesRequestBody): Record<string, unknown> | undefined {
  return body.tools?.find((tool) => tool.name === STRUCTURED_OUTPUT)?.input_schema;
}

/** Whether the demo should answer now (enough read, or nothing more planned) rather than read on. */
export function readyToOutput(conversation: Conversation, morePlanned: boolean): boolean {
  return !morePlanned || conversation.rounds >= READ_ROUNDS_BEFORE_OUTPUT;
}

/** The StructuredOutput call: a value for `schema` from the lines and files the conversation showed. */
export function structuredStep(schema: Record<string, unknown>, conversation: Conversation, seen: Findings, thinking: string): ScriptStep {
  const lines = seen.findAll(undefined, /\S/);
  const files = [...new Set([...seen.files(), ...lines.map((line) => line.file)])];
  const source = { lines, files, seed: hash(`${conversation.system}\n${conversation.task}\n${conversation.salt}`) };
  // What the person sent is applied last: the value follows their notes (DESIGN.md §9).
  const steer = readSteer(conversation.notes);
  const value = steerValue(schema, valueFor(schema, source), steer);
  const input = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : { value };
  const last = steer.notes[steer.notes.length - 1];
  const following = last === undefined ? '' : ` Following your note ("${clip(last, 90)}").`;
  return {
    thinking,
    text: `I have what I need from ${files.length === 0 ? 'the workspace' : files.slice(0, 3).join(', ')}; returning the result.${following}`,
    toolUses: [{ name: STRUCTURED_OUTPUT, input }],
  };
}
