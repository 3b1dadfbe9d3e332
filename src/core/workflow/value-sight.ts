// Which earlier values a call's prompt was built from (issue 15: the record says which value
// each later call saw, and the run view marks calls fed by a revised value as stale). A script
// is plain JavaScript, so data flow cannot be traced exactly; a value counts as seen when it was
// delivered to the script before the call was made and its text (the string, its JSON, or one
// of its string fields of at least MIN_FIELD_CHARS) appears in the call's prompt. Pure.
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
  return texts;
}

/** The values delivered to the script so far (each key's latest), to tell which a new call saw. */
export class DeliveredValues {
  private readonly delivered = new Map<string, { readonly version: number; readonly texts: readonly string[] }>();

  /** The script received `value` for `key` (as version `version`). */
  add(key: string, version: number, value: JsonValue): void {
    this.delivered.set(key, { version, texts: tellTexts(value) });
  }

  /** The delivered values whose text appears in `prompt`. */
  seenIn(prompt: string): ValueRef[] {
    const seen: ValueRef[] = [];
    for (const [key, { version, texts }] of this.delivered) {
      if (texts.some((text) => prompt.includes(text))) seen.push({ key, version });
    }
    return seen;
  }
}
