// Canonical JSON (object keys sorted at every depth): the same value always gives the same text,
// so call keys do not depend on the order a script wrote an object's keys in.
import type { JsonValue } from '../json-value.js';

function isJsonArray(value: JsonValue): value is readonly JsonValue[] {
  return Array.isArray(value);
}

/** The value's JSON text with every object's keys in code-unit order. */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (isJsonArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const keys = Object.keys(value).sort();
  const fields: string[] = [];
  for (const key of keys) {
    const field = value[key];
    if (field !== undefined) fields.push(`${JSON.stringify(key)}:${canonicalJson(field)}`);
  }
  return `{${fields.join(',')}}`;
}
