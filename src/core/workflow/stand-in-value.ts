// The value a dry run answers an `agent()` call with (issue 16): schema-valid for the usual
// keywords, with every array holding `items` elements (clamped to minItems/maxItems), so a script
// that loops over findings fans out as it would on a full answer. Pure: generated from the schema.
import type { JsonValue } from '../json-value.js';

/** What a stand-in is shaped by: the array length to aim for, and which call it answers (texts name it). */
export type StandInShape = { readonly items: number; readonly call: number };

/** Numbers the texts of one value, so no two stand-in strings are equal (a loop that dedupes never converges early). */
type Texts = { next: number };

/** The text a call without a schema gets. */
export const STAND_IN_TEXT = '(dry run: no model was called)';

type Schema = { readonly [key: string]: JsonValue };

function isSchema(value: JsonValue | undefined): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isList(value: JsonValue | undefined): value is readonly JsonValue[] {
  return Array.isArray(value);
}

function numberOr(value: JsonValue | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function stringFor(schema: Schema, shape: StandInShape, texts: Texts): string {
  texts.next += 1;
  const min = numberOr(schema['minLength'], 0);
  const max = numberOr(schema['maxLength'], Infinity);
  return `(dry run: stand-in ${shape.call}.${texts.next})`.padEnd(min, '.').slice(0, max);
}

function numberFor(schema: Schema, integer: boolean): number {
  const exclusive = schema['exclusiveMinimum'];
  const min = numberOr(schema['minimum'], typeof exclusive === 'number' ? exclusive + (integer ? 1 : 0.5) : 0);
  const max = numberOr(schema['maximum'], Infinity);
  const value = Math.min(max, Math.max(min, 0));
  return integer ? Math.ceil(value) : value;
}

function objectFor(schema: Schema, shape: StandInShape, texts: Texts): JsonValue {
  const properties = isSchema(schema['properties']) ? schema['properties'] : {};
  const declared = schema['required'];
  const required = isList(declared) ? declared.filter((key): key is string => typeof key === 'string') : [];
  const value: Record<string, JsonValue> = {};
  for (const key of new Set([...Object.keys(properties), ...required])) value[key] = valueOf(properties[key], shape, texts);
  return value;
}

function arrayFor(schema: Schema, shape: StandInShape, texts: Texts): JsonValue {
  const min = numberOr(schema['minItems'], 0);
  const max = numberOr(schema['maxItems'], Infinity);
  const length = Math.min(max, Math.max(min, shape.items));
  return Array.from({ length }, () => valueOf(schema['items'], shape, texts));
}

/**
 * A value for `schema`: const, the first enum value, the first of anyOf/oneOf/allOf, objects with
 * every listed property, arrays of `shape.items`, the smallest allowed number, `false`, and texts
 * that differ from each other.
 */
export function standInValue(schema: JsonValue | undefined, shape: StandInShape): JsonValue {
  return valueOf(schema, shape, { next: 0 });
}

function valueOf(schema: JsonValue | undefined, shape: StandInShape, texts: Texts): JsonValue {
  if (!isSchema(schema)) return stringFor({}, shape, texts);
  const constant = schema['const'];
  if (constant !== undefined) return constant;
  const enumValues = schema['enum'];
  if (isList(enumValues) && enumValues.length > 0) return enumValues[0] ?? null;
  for (const combinator of ['anyOf', 'oneOf', 'allOf']) {
    const options = schema[combinator];
    if (isList(options) && options.length > 0) return valueOf(options[0], shape, texts);
  }
  const declared = schema['type'];
  const named = isList(declared) ? declared.find((t) => t !== 'null') : declared;
  const type = typeof named === 'string' ? named : '';
  switch (type) {
    case 'object':
      return objectFor(schema, shape, texts);
    case 'array':
      return arrayFor(schema, shape, texts);
    case 'integer':
      return numberFor(schema, true);
    case 'number':
      return numberFor(schema, false);
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      if (type === '' && isSchema(schema['properties'])) return objectFor(schema, shape, texts);
      if (type === '' && isSchema(schema['items'])) return arrayFor(schema, shape, texts);
      return stringFor(schema, shape, texts);
  }
}
