// Which earlier values a call's prompt was built from (issue 15: the record says which value
// each later call saw, and the run view marks calls fed by a revised value as stale). A script
// is plain JavaScript, so data flow cannot be traced exactly; a value counts as seen when it was
// delivered to the script before the call was made, its text (the string, its JSON, or one of its
// string fields of at least MIN_FIELD_CHARS) appears in the call's prompt, and no other delivered
// value explains more of the prompt: when every text a value matched is also matched by another
// value that matched more, the prompt only shares that text (a file name, a severity) with it and
// was built from the other. Each seen value names the texts it matched (`via`, as short hashes),
// so a revision makes the call stale only when one of them is gone (stale-calls.ts). Pure.
import { createHash } from 'node:crypto';
import type { JsonValue } from '../json-value.js';
import type { ValueRef } from './run-record.js';

/** Shorter string fields are too likely to appear by chance. */
export const MIN_FIELD_CHARS = 4;

function isList(value: JsonValue): value is readonly JsonValue[] {
  return Array.isArray(value);
}

function stringLeaves(value: JsonValue, into: string[]): void {
  if (typeof value === 'string') {
    if (value.length >= MIN_FIELD_CHARS) into.push(value);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const items: readonly JsonValue[] = isList(value) ? value : Object.keys(value).flatMap((key) => {
    const item = value[key];
    return item === undefined ? [] : [item];
  });
  for (const item of items) stringLeaves(item, into);
}

/** The texts whose presence in a prompt means the value was used. */
export function tellTexts(value: JsonValue): readonly string[] {
  if (value === null || typeof value === 'boolean') return [];
  if (typeof value === 'string') return value.length === 0 ? [] : [value];
  const texts = [JSON.stringify(value)];
  stringLeaves(value, texts);
  return [...new Set(texts)];
}

/** A short stable name of one text, kept in the record instead of the text (`via`). */
export function textMark(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The marks of every text of `value` (what a later version still offers a prompt). */
export function valueMarks(value: JsonValue): ReadonlySet<string> {
  return new Set(tellTexts(value).map(textMark));
}

type Delivered = { readonly version: number; readonly texts: readonly string[] };
type Match = { readonly key: string; readonly version: number; readonly texts: ReadonlySet<string> };

/** Whether every text of `small` is one of `big`'s, and `big` has more. */
function explainedBy(small: Match, big: Match): boolean {
  if (big.texts.size <= small.texts.size) return false;
  for (const text of small.texts) if (!big.texts.has(text)) return false;
  return true;
}

/** The values delivered to the script so far (each key's latest), to tell which a new call saw. */
export class DeliveredValues {
  private readonly delivered = new Map<string, Delivered>();

  /** The script received `value` for `key` (as version `version`). */
  add(key: string, version: number, value: JsonValue): void {
    this.delivered.set(key, { version, texts: tellTexts(value) });
  }

  /** The delivered values the prompt was built from (see the file's comment), each with the marks of the texts it matched. */
  seenIn(prompt: string): ValueRef[] {
    const matches: Match[] = [];
    for (const [key, { version, texts }] of this.delivered) {
      const found = texts.filter((text) => prompt.includes(text));
      if (found.length > 0) matches.push({ key, version, texts: new Set(found) });
    }
    return matches
      .filter((match) => !matches.some((other) => other !== match && explainedBy(match, other)))
      .map(({ key, version, texts }) => ({ key, version, via: [...texts].map(textMark) }));
  }
}
