// What the person told a demo agent, applied to its StructuredOutput value (DESIGN.md §9: the value
// is taken *after* everything the person sent), so steering a workflow agent in the demo visibly
// changes what the script receives. Deterministic and small on purpose: "drop parser.ts", "drop
// line 12 of format.ts", "drop low", "report nothing" remove array items; "it does not hold" /
// "confirm it" set booleans; a note naming an enum value ("make them high") sets that field; a
// reason-like text field says which note it follows. The value stays valid under its schema.

/** One drop asked for: an item goes when it matches every token (a path, a number or a word). */
type DropTarget = readonly string[];

/** What the notes ask of a value. */
export type Steer = {
  readonly notes: readonly string[];
  readonly dropAll: boolean;
  readonly drops: readonly DropTarget[];
  /** The last yes/no a note gave (undefined when none did). */
  readonly verdict: boolean | undefined;
  /** Words outside drop clauses, lower-cased: what an enum value is matched against. */
  readonly words: readonly string[];
};

type Schema = Readonly<Record<string, unknown>>;

const DROP_VERB = /\b(?:drop|remove|ignore|skip|exclude|discard|forget)\b/giu;
const DROP_ALL = /\b(?:drop|remove|ignore|skip|exclude|discard|forget)\s+(?:them\s+)?(?:all|everything|every\s+\w+)\b|\b(?:report|return|find)\s+(?:nothing|none|no\s+\w+)\b/iu;
const NEGATIVE = /\b(?:does\s*n[o']t|doesn't|do\s*n[o']t|don't|cannot|can't)\s+hold\b|\brefut\w*|\bfalse\b|\breject\w*|\bnot\s+(?:a\s+|an\s+)?(?:real|valid|true|a\s+problem)\b|\bwrong\b/iu;
const POSITIVE = /\bholds\b|\bconfirm\w*|\btrue\b|\bit\s+is\s+real\b|\bkeep\s+it\b/iu;
const STOP_WORDS = new Set(['the', 'a', 'an', 'of', 'in', 'at', 'on', 'about', 'from', 'for', 'to', 'with', 'that', 'this', 'these', 'those', 'one', 'ones', 'it', 'its', 'item', 'items', 'finding', 'findings', 'result', 'results', 'line', 'lines', 'file', 'please', 'any', 'entry', 'entries', 'issue', 'issues']);
const REASON_KEY = /reason|summary|explanation|rationale|why|verdict|note/iu;

/** The person's notes read as steering (notes naming StructuredOutput are agentmux's reminders, not the person's). */
export function readSteer(allNotes: readonly string[]): Steer {
  const notes = allNotes.filter((note) => note.trim() !== '' && !/StructuredOutput/u.test(note));
  const drops: DropTarget[] = [];
  const words: string[] = [];
  let dropAll = false;
  let verdict: boolean | undefined;
  for (const note of notes) {
    if (DROP_ALL.test(note)) dropAll = true;
    const { kept, clauses } = splitDrops(note);
    for (const clause of clauses) for (const part of clause.split(/\s*(?:,|;|\band\b|\bor\b)\s*/u)) {
      const words = tokensOf(part);
      // A path or a number names the items; the other words of the clause are then only talk.
      const named = words.filter((token) => /[./]|^\d+$/u.test(token));
      const tokens = named.length > 0 ? named : words;
      if (tokens.length > 0 && !/^(?:all|everything|them|every)$/u.test(tokens[0] ?? '')) drops.push(tokens);
    }
    if (NEGATIVE.test(kept)) verdict = false;
    else if (POSITIVE.test(kept)) verdict = true;
    words.push(...tokensOf(kept));
  }
  return { notes, dropAll, drops, verdict, words };
}

/** True when the notes ask for no change at all. */
function steersNothing(steer: Steer): boolean {
  return steer.notes.length === 0;
}

/** `value` (valid under `schema`) changed as the notes ask; still valid under `schema`. */
export function steerValue(schema: unknown, value: unknown, steer: Steer, key = ''): unknown {
  if (steersNothing(steer) || !isSchema(schema)) return value;
  const enumValues = schema['enum'];
  if (Array.isArray(enumValues)) {
    const named: unknown = enumValues.find((option: unknown) => typeof option === 'string' && steer.words.includes(option.toLowerCase()));
    return named ?? value;
  }
  if (typeof value === 'boolean') return steer.verdict ?? value;
  if (typeof value === 'string') return withNote(schema, key, value, steer);
  if (Array.isArray(value)) {
    const min = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
    const wanted = value.map((item) => !steer.dropAll && !steer.drops.some((target) => matches(item, target)));
    // Dropping never goes below minItems: the first of the dropped items stay when it would.
    let spare = Math.max(0, min - wanted.filter(Boolean).length);
    const kept: unknown[] = [];
    value.forEach((item, index) => {
      if (wanted[index] !== true && spare === 0) return;
      if (wanted[index] !== true) spare -= 1;
      kept.push(steerValue(schema['items'], item, steer, key));
    });
    return kept;
  }
  if (typeof value === 'object' && value !== null) {
    const properties = isSchema(schema['properties']) ? schema['properties'] : {};
    return Object.fromEntries(Object.entries(value).map(([field, inner]) => [field, steerValue(properties[field], inner, steer, field)]));
  }
  return value;
}

/** A reason-like text that says which note it follows (within maxLength). */
function withNote(schema: Schema, key: string, text: string, steer: Steer): string {
  if (!REASON_KEY.test(key)) return text;
  const last = steer.notes[steer.notes.length - 1] ?? '';
  const note = ` Per your note: "${last.replace(/\s+/gu, ' ').trim().slice(0, 120)}".`;
  const max = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : Infinity;
  const min = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
  const steered = `${text}${note}`;
  return steered.length <= max ? steered : text.length >= min ? text : steered.slice(0, max);
}

/** Whether some leaf of `item` matches every token of `target`. */
function matches(item: unknown, target: DropTarget): boolean {
  const leaves = leavesOf(item);
  return target.every((token) => leaves.some((leaf) => leafMatches(leaf, token)));
}

function leafMatches(leaf: string | number, token: string): boolean {
  if (typeof leaf === 'number') return /^\d+$/u.test(token) && leaf === Number(token);
  const text = leaf.toLowerCase();
  // A path or name with a dot or slash matches inside longer text (`parser.ts` in `src/parser.ts`).
  if (/[./]/u.test(token)) return text.includes(token);
  if (/^\d+$/u.test(token)) return new RegExp(`:${token}\\b`, 'u').test(text);
  return text === token;
}

function leavesOf(value: unknown): (string | number)[] {
  if (typeof value === 'string' || typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(leavesOf);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(leavesOf);
  return [];
}

/** The note without its drop clauses, and those clauses (each from its verb to the end of the sentence). */
function splitDrops(note: string): { readonly kept: string; readonly clauses: readonly string[] } {
  const clauses: string[] = [];
  let kept = '';
  let from = 0;
  for (const match of note.matchAll(DROP_VERB)) {
    const start = match.index;
    if (start < from) continue;
    kept += note.slice(from, start);
    const rest = note.slice(start + match[0].length);
    // A clause ends at a sentence end or a colon (a dot or colon followed by a space or the end, so `parser.ts` stays whole).
    const end = rest.search(/[.!?:;](?:\s|$)|\n|\s(?:because|since|as)\s/u);
    clauses.push(end < 0 ? rest : rest.slice(0, end));
    from = start + match[0].length + (end < 0 ? rest.length : end);
  }
  kept += note.slice(from);
  return { kept, clauses };
}

/** Lower-cased words, paths and numbers of a text, without the little words. */
function tokensOf(text: string): string[] {
  return (text.toLowerCase().match(/[\w./-]+/gu) ?? [])
    .map((token) => token.replace(/^[./-]+|[./-]+$/gu, ''))
    .filter((token) => token !== '' && !STOP_WORDS.has(token));
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
