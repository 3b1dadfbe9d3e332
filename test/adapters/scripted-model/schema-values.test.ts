// The scripted model's schema-valid values (DESIGN.md §9): every value it makes passes ajv, and
// its strings come from the lines it read.
import { describe, expect, it } from 'vitest';
import { valueFor, type ValueSource } from '../../../src/adapters/scripted-model/schema-values.js';
import { compileSchema } from '../../../src/adapters/workflow/json-schema-check.js';
import { JsonValueSchema } from '../../../src/core/json-value.js';

const source: ValueSource = {
  lines: [
    { file: 'src/parser.ts', n: 12, text: 'export function parse(input: string) {' },
    { file: 'src/units.ts', n: 3, text: "const KM = 1000;" },
  ],
  files: ['src/parser.ts', 'src/units.ts'],
  seed: 7,
};

const SCHEMAS: readonly Record<string, unknown>[] = [
  {
    type: 'object',
    required: ['findings'],
    properties: {
      findings: {
        type: 'array',
        minItems: 2,
        maxItems: 4,
        items: {
          type: 'object',
          required: ['file', 'line', 'severity', 'issue', 'confirmed'],
          properties: {
            file: { type: 'string' },
            line: { type: 'integer', minimum: 1 },
            severity: { enum: ['low', 'medium', 'high'] },
            issue: { type: 'string', minLength: 5 },
            confirmed: { type: 'boolean' },
          },
        },
      },
    },
  },
  { type: 'array', items: { type: 'string' }, maxItems: 0 },
  { type: 'number', minimum: 3, maximum: 5 },
  { type: 'string', maxLength: 4 },
  { const: 'fixed' },
  { anyOf: [{ type: 'integer' }, { type: 'string' }] },
  { type: ['string', 'null'] },
];

describe('schema-valid values from what was read', () => {
  for (const [index, schema] of SCHEMAS.entries()) {
    it(`passes ajv for schema ${index + 1}`, () => {
      const check = compileSchema(schema);
      if (!check.ok) throw new Error(check.error);
      for (const seed of [0, 1, 2, 3, 11, 97]) {
        const value = JsonValueSchema.parse(valueFor(schema, { ...source, seed }));
        expect(check.value(value)).toEqual([]);
      }
    });
  }

  it('fills file fields with files read and other strings with the lines read', () => {
    const value = valueFor({ type: 'object', required: ['file', 'issue'], properties: { file: { type: 'string' }, issue: { type: 'string' } } }, source);
    expect(source.files).toContain(JSON.stringify(value).match(/"file":"([^"]+)"/)?.[1]);
    expect(JSON.stringify(value)).toMatch(/src\/(parser|units)\.ts:\d+ reads/);
  });

  it('gives a line field without a maximum the number of the line its object quotes', () => {
    const far: ValueSource = { lines: [{ file: 'src/far.ts', n: 42, text: 'return total / count;' }], files: ['src/far.ts'], seed: 3 };
    const value = valueFor({ type: 'object', required: ['file', 'line', 'quote'], properties: { file: { type: 'string' }, line: { type: 'integer', minimum: 1 }, quote: { type: 'string' } } }, far);
    expect(value).toEqual({ file: 'src/far.ts', line: 42, quote: 'return total / count;' });
  });
});
