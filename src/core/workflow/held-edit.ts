// Reading an edited held answer back (issue 16): the text the person saved, with the notes
// agentmux put on top (`// agentmux: …`) taken off, becomes a value — JSON the call's schema must
// accept, or the text itself for a call answered with text. A wrong value gives the problems,
// which go on top of the person's own text when the editor opens again: nothing is lost. Pure.
import { JsonValueSchema, type JsonValue } from '../json-value.js';
import { messageOf } from '../result.js';
import type { HeldAnswer } from './call-hold.js';

/** The prefix of the lines agentmux writes above the value (taken off before reading). */
export const NOTE_PREFIX = '// agentmux: ';

/** What the saved text means. */
export type EditedValue =
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'value'; readonly value: JsonValue }
  | { readonly kind: 'wrong'; readonly problems: readonly string[]; readonly text: string };

/** The file's text: the notes (what to do, or what was wrong), then the value's text. */
export function editorText(agent: string, body: string, problems: readonly string[]): string {
  const notes = problems.length === 0
    ? [`${agent}'s held answer: edit it and save to give the script your value; save an empty file to keep it held`]
    : [`your value was not taken (${agent}'s answer is still held):`, ...problems.map((problem) => `  ${problem}`), 'fix it and save again, or save an empty file to keep the answer held'];
  return `${notes.map((note) => `${NOTE_PREFIX}${note}`).join('\n')}\n${body}`;
}

/** The saved text without agentmux's notes. */
export function withoutNotes(saved: string): string {
  const lines = saved.split('\n');
  let first = 0;
  while (first < lines.length && (lines[first] ?? '').startsWith(NOTE_PREFIX.trimEnd())) first += 1;
  return lines.slice(first).join('\n');
}

/** What `saved` (the file after the editor, notes included) gives for `held`, whose text was `original`. */
export function readEdited(held: Pick<HeldAnswer, 'schema' | 'problems'>, original: string, saved: string): EditedValue {
  const body = withoutNotes(saved);
  if (body.trim() === '') return { kind: 'cancelled' };
  if (body === original || body.trimEnd() === original.trimEnd()) return { kind: 'unchanged' };
  if (!held.schema) {
    // Editors end files with a newline; keep the answer's own ending.
    const text = !original.endsWith('\n') && body.endsWith('\n') ? body.slice(0, -1) : body;
    return { kind: 'value', value: text };
  }
  let value: JsonValue;
  try {
    const parsed = JsonValueSchema.safeParse(JSON.parse(body));
    if (!parsed.success) return { kind: 'wrong', problems: ['not a JSON value'], text: body };
    value = parsed.data;
  } catch (thrown) {
    return { kind: 'wrong', problems: [`not JSON: ${messageOf(thrown)}`], text: body };
  }
  const problems = held.problems(value);
  return problems.length > 0 ? { kind: 'wrong', problems, text: body } : { kind: 'value', value };
}
