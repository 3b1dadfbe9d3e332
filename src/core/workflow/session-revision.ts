// Revisions made where no run was watching (issue 15): a finished workflow agent opened and
// steered in a later agentmux (send, nudge, edit then send, rewind then send) writes no `revised`
// line, since the run that owns its call is not live there. When the run continues, each call the
// record would serve is checked against its session as it now reads: if work that ended after the
// value was recorded gave another answer (by the same rule as a live revision, revision-watch.ts),
// that answer is the call's revised value. Pure: reads the session's active branch.
import type { BranchView, MessageItem } from '../branch.js';
import { canonicalJson } from './canonical-json.js';
import { JsonValueSchema, type JsonValue } from '../json-value.js';
import type { RememberedValue } from './run-memory.js';
import { outputShape, STRUCTURED_OUTPUT } from './structured-output-tools.js';

/** The JSON Schema a call gave (absent: its value is the answer text). */
export type CallSchema = { readonly [key: string]: JsonValue } | undefined;

function messages(view: BranchView): readonly MessageItem[] {
  return view.items.flatMap((item) => (item.kind === 'message' ? [item] : []));
}

/** The answer text of a final assistant entry committed after `sinceMs`, as edited. */
function textSince(last: MessageItem, sinceMs: number): { readonly value: JsonValue } | undefined {
  const entry = last.entry;
  if (entry.kind !== 'assistant' || last.original.at <= sinceMs) return undefined;
  if (entry.blocks.some((block) => block.type === 'tool_use')) return undefined;
  return { value: entry.blocks.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('') };
}

/** The newest StructuredOutput call after `sinceMs` whose tool result accepted it (unwrapped as the call's shape says). */
function structuredSince(items: readonly MessageItem[], sinceMs: number, wrapped: boolean): { readonly value: JsonValue } | undefined {
  const accepted = new Set<string>();
  for (const { entry } of items) {
    if (entry.kind === 'tool-result' && entry.toolName === STRUCTURED_OUTPUT && !entry.isError) accepted.add(entry.toolUseId);
  }
  for (let i = items.length - 1; i >= 0; i -= 1) {
    const item = items[i];
    if (item === undefined || item.original.at <= sinceMs) return undefined;
    if (item.entry.kind !== 'assistant') continue;
    for (const block of [...item.entry.blocks].reverse()) {
      if (block.type !== 'tool_use' || block.name !== STRUCTURED_OUTPUT || !accepted.has(block.id)) continue;
      const value = JsonValueSchema.safeParse(wrapped ? block.input['value'] : block.input);
      if (value.success) return { value: value.data };
    }
  }
  return undefined;
}

/**
 * The answer the session ends on, when work after `sinceMs` (epoch ms) ended with one: the final
 * text, or with a schema the newest accepted StructuredOutput. Undefined when nothing later ended
 * with an answer (untouched, or a message still unanswered, or interrupted: waiting on the person).
 */
export function answerSince(view: BranchView, sinceMs: number, schema: CallSchema): { readonly value: JsonValue } | undefined {
  const items = messages(view);
  const last = items.at(-1);
  if (last === undefined || last.entry.kind === 'user' || last.entry.kind === 'interrupted') return undefined;
  if (schema === undefined) return textSince(last, sinceMs);
  return structuredSince(items, sinceMs, outputShape(schema).wrapped);
}

/** What a continue serves for a remembered key: the record's value, or the session's newer one as the next version. */
export type ServedValue = { readonly value: JsonValue; readonly version: number; readonly revised: boolean };

/** The value to serve: `remembered`, unless `view` (its session now) ends on a different answer given after it was recorded. */
export function servedValue(remembered: RememberedValue, view: BranchView | undefined, schema: CallSchema): ServedValue {
  const kept = { value: remembered.value, version: remembered.version, revised: false };
  const since = Date.parse(remembered.at);
  if (view === undefined || Number.isNaN(since)) return kept;
  const now = answerSince(view, since, schema);
  if (now === undefined || canonicalJson(now.value) === canonicalJson(remembered.value)) return kept;
  return { value: now.value, version: remembered.version + 1, revised: true };
}
