// The dry run's stand-in answers (issue 16): valid under the call's schema, arrays of --assume-items
// elements within minItems/maxItems, and no two texts alike (a loop that dedupes cannot converge early).
import { describe, expect, it } from 'vitest';
import { compileSchema } from '../../../src/adapters/workflow/json-schema-check.js';
import type { JsonValue } from '../../../src/core/json-value.js';
import { standInValue } from '../../../src/core/workflow/stand-in-value.js';

const FINDINGS: { readonly [key: string]: JsonValue } = {
  type: 'object',
  required: ['findings', 'verdict'],
  properties: {
    findings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['file', 'line', 'severity'],
        properties: { file: { type: 'string', minLength: 40 }, line: { type: 'integer', minimum: 1 }, severity: { enum: ['low', 'high'] } },
      },
    },
    verdict: { type: 'boolean' },
    score: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
    tags: { type: 'array', minItems: 12, items: { type: 'string', maxLength: 30 } },
    few: { type: 'array', maxItems: 2, items: { const: 'x' } },
  },
};

function isRecord(value: JsonValue): value is { readonly [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lengthOf(value: JsonValue, key: string): number {
  const list = isRecord(value) ? value[key] : undefined;
  return Array.isArray(list) ? list.length : -1;
}

function valid(schema: { readonly [key: string]: JsonValue }, value: JsonValue): readonly string[] {
  const check = compileSchema(schema);
  if (!check.ok) throw new Error(check.error);
  return check.value(value);
}

describe('stand-in values', () => {
  it('are valid under the schema, with every array holding N items clamped to minItems and maxItems', () => {
    const value = standInValue(FINDINGS, { items: 10, call: 1 });
    expect(valid(FINDINGS, value)).toEqual([]);
    expect(value).toMatchObject({ verdict: false, few: ['x', 'x'] });
    expect(lengthOf(value, 'findings')).toBe(10);
    expect(lengthOf(value, 'tags')).toBe(12);
    expect(lengthOf(standInValue(FINDINGS, { items: 3, call: 1 }), 'findings')).toBe(3);
  });

  it('give texts that differ from each other and from other calls', () => {
    const schema = { type: 'array', items: { type: 'string' } };
    const first = standInValue(schema, { items: 5, call: 1 });
    const second = standInValue(schema, { items: 5, call: 2 });
    expect(new Set(Array.isArray(first) ? first : []).size).toBe(5);
    expect(Array.isArray(first) && Array.isArray(second) ? first.filter((text) => second.includes(text)) : ['not arrays']).toEqual([]);
  });

  it('answer a non-object schema with a value of its type', () => {
    expect(standInValue({ type: 'boolean' }, { items: 10, call: 1 })).toBe(false);
    expect(standInValue({ type: 'integer', minimum: 3 }, { items: 10, call: 1 })).toBe(3);
    expect(standInValue({ anyOf: [{ type: 'null' }, { type: 'string' }] }, { items: 10, call: 1 })).toBeNull();
  });
});
