// Values that satisfy a JSON Schema, drawn from what the demo agent read (DESIGN.md §9: the
// scripted model answers StructuredOutput with schema-valid values): objects with their required
// fields, arrays within minItems/maxItems, enums, consts, strings, numbers and booleans.
import type { Line } from './demo-findings.js';

/** What values are drawn from: the lines read (file, number, text), and a seed that varies choices. */
export type ValueSource = { readonly lines: readonly Line[]; readonly files: readonly string[]; readonly seed: number };

type Schema = Readonly<Record<string, unknown>>;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** The n-th item of `items` by the source's seed, or undefined for none. */
function choose<T>(items: readonly T[], source: ValueSource, salt: number): T | undefined {
  if (items.length === 0) return undefined;
  return items[(source.seed + salt * 7919) % items.length];
}

/** A string for a field called `key`: a path, a line reference, a quoted line, or a short sentence. */
function stringFor(schema: Schema, key: string, source: ValueSource, salt: number): string {
  // Every field of one object speaks of the same line (`salt` is the object's), so file, line and quote agree.
  const line = choose(source.lines.filter((l) => l.text.trim() !== ''), source, salt);
  const file = line?.file ?? choose(source.files, source, salt) ?? 'README.md';
  let text: string;
  if (/file|path/i.test(key)) text = file;
  else if (/loc|where|ref/i.test(key)) text = line === undefined ? file : `${line.file}:${line.n}`;
  else if (/quote|code|snippet|evidence/i.test(key)) text = line?.text.trim() ?? '(nothing read)';
  else if (line === undefined) text = `Checked ${file}; nothing read supports more.`;
  else text = `${line.file}:${line.n} reads \`${line.text.trim().slice(0, 80)}\``;
  const min = numberOr(schema['minLength'], 0);
  const max = numberOr(schema['maxLength'], Infinity);
  while (text.length < min) text += '.';
  return text.slice(0, max);
}

/** A value valid under `schema` (for the keywords above; an unknown shape gets a string). */
export function valueFor(schema: unknown, source: ValueSource, key = '', salt = 0): unknown {
  if (!isSchema(schema)) return stringFor({}, key, source, salt);
  if ('const' in schema) return schema['const'];
  const enumValues = schema['enum'];
  if (Array.isArray(enumValues) && enumValues.length > 0) return choose(enumValues, source, salt);
  // The first alternative of anyOf / oneOf (for allOf: the first part, enough for the usual `$ref`-free cases).
  for (const combinator of ['anyOf', 'oneOf', 'allOf']) {
    const options: unknown = schema[combinator];
    if (Array.isArray(options) && options.length > 0) return valueFor(options[0], source, key, salt);
  }
  const declared: unknown = schema['type'];
  const type: unknown = Array.isArray(declared) ? declared.find((t: unknown) => t !== 'null') : declared;
  switch (type) {
    case 'object':
      return objectFor(schema, source, salt);
    case 'array':
      return arrayFor(schema, source, key, salt);
    case 'integer':
    case 'number': {
      const min = numberOr(schema['minimum'], numberOr(schema['exclusiveMinimum'], 0) + (schema['exclusiveMinimum'] === undefined ? 0 : 1));
      // No `maximum` bounds nothing: a line number is the quoted line's, however far down the file.
      const max = numberOr(schema['maximum'], Infinity);
      const spread = Math.min(max, Math.max(min, 10)) - min + 1;
      const line = choose(source.lines.filter((l) => l.text.trim() !== ''), source, salt);
      const pick = /line/i.test(key) && line !== undefined ? line.n : min + ((source.seed + salt) % spread);
      return Math.min(max, Math.max(min, type === 'integer' ? Math.round(pick) : pick));
    }
    case 'boolean':
      return (source.seed + salt) % 3 !== 0;
    case 'null':
      return null;
    default:
      if (type === undefined && isSchema(schema['properties'])) return objectFor(schema, source, salt);
      return stringFor(schema, key, source, salt);
  }
}

function objectFor(schema: Schema, source: ValueSource, salt: number): Record<string, unknown> {
  const properties = isSchema(schema['properties']) ? schema['properties'] : {};
  const required = Array.isArray(schema['required']) ? schema['required'].filter((k): k is string => typeof k === 'string') : [];
  const keys = [...new Set([...Object.keys(properties), ...required])];
  const value: Record<string, unknown> = {};
  // Scalars share the object's salt (one line for all its fields); nested objects and arrays vary it.
  keys.forEach((key, index) => {
    const nested = isSchema(properties[key]) && (properties[key]['type'] === 'object' || properties[key]['type'] === 'array');
    value[key] = valueFor(properties[key], source, key, nested ? salt + index + 1 : salt);
  });
  return value;
}

function arrayFor(schema: Schema, source: ValueSource, key: string, salt: number): unknown[] {
  const min = numberOr(schema['minItems'], 0);
  const max = numberOr(schema['maxItems'], Math.max(min, 3));
  const wanted = Math.min(max, Math.max(min, 1 + ((source.seed + salt) % 3)));
  const items: unknown[] = [];
  for (let i = 0; i < wanted; i++) items.push(valueFor(schema['items'], source, key, salt + 31 * (i + 1)));
  return items;
}
