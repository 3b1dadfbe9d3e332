// What `accept` takes (DESIGN.md §9): a workflow agent's last answer as it stands on its active
// branch (an interrupted partial counts: it is what the person saw), and with a schema only a
// valid value: the last valid StructuredOutput, else the answer text if it is JSON the schema accepts.
import type { BranchView } from '../branch.js';
import { JsonValueSchema, type JsonValue } from '../json-value.js';
import { err, ok, type Result } from '../result.js';
import type { ValueCheck } from './structured-output-tools.js';

/** The text of the newest answer (complete or interrupted) on the branch, as edited; undefined when it has none. */
export function lastAnswerText(view: BranchView): string | undefined {
  for (let i = view.items.length - 1; i >= 0; i--) {
    const item = view.items[i];
    if (item?.kind !== 'message') continue;
    const entry = item.entry;
    if (entry.kind !== 'assistant' && entry.kind !== 'interrupted') continue;
    const text = entry.blocks.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
    if (text.trim() !== '') return text;
  }
  return undefined;
}

/** What accepting gives the script, or why it cannot (the message names the agent). */
export function acceptedValue(
  agent: string,
  view: BranchView | undefined,
  schema: { readonly check: ValueCheck; readonly valid: { readonly json: JsonValue } | undefined } | undefined,
): Result<JsonValue> {
  if (schema?.valid !== undefined) return ok(schema.valid.json);
  const text = view === undefined ? undefined : lastAnswerText(view);
  if (schema === undefined) return text === undefined ? err(`${agent} has no answer yet to accept (skip it, or send it a message)`) : ok(text);
  if (text === undefined) return err(`${agent} has no valid StructuredOutput and no answer to accept for its schema`);
  let parsed: JsonValue;
  try {
    const json = JsonValueSchema.safeParse(JSON.parse(text));
    if (!json.success) return err(`${agent}: its last answer is not a JSON value, and its schema needs one`);
    parsed = json.data;
  } catch {
    return err(`${agent} has no valid StructuredOutput, and its last answer is not JSON its schema accepts`);
  }
  const problems = schema.check(parsed);
  if (problems.length > 0) return err(`${agent}: its last answer does not match its schema: ${problems.join('; ')}`);
  return ok(parsed);
}
