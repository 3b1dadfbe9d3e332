// The demo's StructuredOutput follows what the person told the agent (DESIGN.md §9: the value is
// taken after everything the person sent): the same conversation with and without a note gives
// different values, deterministically, and every value stays valid under its schema (ajv).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { copyDemoWorkspace } from '../../../src/adapters/demo-workspace.js';
import { demoStep } from '../../../src/adapters/scripted-model/demo-script.js';
import type { RequestBlock, RequestMessage } from '../../../src/adapters/scripted-model/request-schema.js';
import { readSteer, steerValue } from '../../../src/adapters/scripted-model/steered-value.js';
import { createReadOnlyToolHost } from '../../../src/adapters/tools/tool-host.js';

const FINDINGS = {
  type: 'object',
  required: ['findings'],
  properties: {
    findings: {
      type: 'array',
      maxItems: 5,
      items: {
        type: 'object',
        required: ['file', 'line', 'severity', 'issue'],
        properties: { file: { type: 'string' }, line: { type: 'integer', minimum: 1 }, severity: { enum: ['low', 'medium', 'high'] }, issue: { type: 'string' } },
      },
    },
  },
};
const VERDICT = { type: 'object', required: ['holds', 'reason'], properties: { holds: { type: 'boolean' }, reason: { type: 'string' } } };
const validate = (schema: object, value: unknown): boolean => new Ajv({ strict: false }).validate(schema, value);

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'steered-value-test-'));
  dirs.push(root);
  const copied = copyDemoWorkspace(join(root, 'w'));
  if (!copied.ok) throw new Error(copied.error);
  return copied.value;
}

const host = createReadOnlyToolHost();
let ids = 0;

/** Runs the demo script with StructuredOutput offered until it calls it; `nudge` joins after tool round 1. Returns the value. */
async function structuredAnswer(schema: Record<string, unknown>, task: string, cwd: string, nudge?: string): Promise<{ value: Record<string, unknown>; text: string }> {
  const messages: RequestMessage[] = [{ role: 'user', content: task }];
  const tools = [{ name: 'read_file', input_schema: { type: 'object' } }, { name: 'StructuredOutput', input_schema: schema }];
  for (let round = 1; round <= 15; round += 1) {
    const step = demoStep({ model: 'claude-sonnet-4-6', max_tokens: 4096, system: 'You are a workflow agent.', messages, tools });
    const output = step.toolUses?.find((use) => use.name === 'StructuredOutput');
    if (output !== undefined) return { value: output.input, text: step.text ?? '' };
    const uses = (step.toolUses ?? []).map((use) => ({ type: 'tool_use' as const, id: `toolu_steer_${(ids += 1)}`, name: use.name, input: use.input }));
    if (uses.length === 0) throw new Error('the demo ended without StructuredOutput');
    messages.push({ role: 'assistant', content: [...(step.text === undefined ? [] : [{ type: 'text' as const, text: step.text }]), ...uses] });
    const results: RequestBlock[] = [];
    for (const use of uses) {
      const outcome = await host.run({ id: use.id, name: use.name, input: use.input }, { cwd, signal: new AbortController().signal });
      results.push({ type: 'tool_result', tool_use_id: use.id, content: outcome.content, ...(outcome.isError ? { is_error: true } : {}) });
    }
    if (round === 1 && nudge !== undefined) results.push({ type: 'text', text: nudge });
    messages.push({ role: 'user', content: results });
  }
  throw new Error('no StructuredOutput in 15 rounds');
}

const REVIEW = 'Review . for correctness and edge cases. Read the code before you claim anything.';
const Findings = z.object({ findings: z.array(z.object({ file: z.string(), line: z.number(), severity: z.string() })) });
const findingsOf = (value: unknown): { file: string; line: number; severity: string }[] => Findings.parse(value).findings;

describe('the demo StructuredOutput follows the person’s notes', () => {
  it('without a note a reviewer reports findings; "report nothing" mid-turn makes the value an empty list, and the answer quotes the note', async () => {
    const cwd = workspace();
    const plain = await structuredAnswer(FINDINGS, REVIEW, cwd);
    expect(findingsOf(plain.value).length).toBeGreaterThan(0);
    const steered = await structuredAnswer(FINDINGS, REVIEW, cwd, 'Report nothing: these are known.');
    expect(steered.value).toEqual({ findings: [] });
    expect(steered.text).toMatch(/Following your note \("Report nothing: these are known\."\)/u);
    expect(validate(FINDINGS, steered.value)).toBe(true);
  });

  it('"drop FILE" removes exactly the findings in that file; a number and a file drop one line', () => {
    const value = {
      findings: [
        { file: 'src/parser.ts', line: 3, severity: 'high', issue: 'a' },
        { file: 'src/format.ts', line: 12, severity: 'low', issue: 'b' },
        { file: 'src/format.ts', line: 20, severity: 'medium', issue: 'c' },
      ],
    };
    expect(findingsOf(steerValue(FINDINGS, value, readSteer(['drop parser.ts']))).map((f) => f.line)).toEqual([12, 20]);
    expect(findingsOf(steerValue(FINDINGS, value, readSteer(['Please drop line 12 of format.ts.']))).map((f) => f.line)).toEqual([3, 20]);
    expect(findingsOf(steerValue(FINDINGS, value, readSteer(['ignore low']))).map((f) => f.line)).toEqual([3, 20]);
    expect(findingsOf(steerValue(FINDINGS, value, readSteer(['remove parser.ts and format.ts line 20']))).map((f) => f.line)).toEqual([12]);
    expect(findingsOf(steerValue(FINDINGS, value, readSteer(['Drop parser.ts: it is being rewritten.']))).map((f) => f.line)).toEqual([12, 20]);
    expect(findingsOf(steerValue(FINDINGS, value, readSteer(['drop the parser.ts one because it is known']))).map((f) => f.line)).toEqual([12, 20]);
  });

  it('a note naming an enum value sets it; the value stays schema-valid', () => {
    const value = { findings: [{ file: 'src/parser.ts', line: 3, severity: 'low', issue: 'a' }] };
    const steered = steerValue(FINDINGS, value, readSteer(['make them high']));
    expect(steered).toEqual({ findings: [{ file: 'src/parser.ts', line: 3, severity: 'high', issue: 'a' }] });
    expect(validate(FINDINGS, steered)).toBe(true);
  });

  it('a skeptic told "it does not hold" answers holds: false and says which note it followed; "confirm it" gives true', async () => {
    const cwd = workspace();
    const task = 'A reviewer claims this about src/parser.ts line 3 (high): parseInt without a radix. Try to refute it.';
    const refuted = await structuredAnswer(VERDICT, task, cwd, 'It does not hold: the radix is implied here.');
    expect(refuted.value['holds']).toBe(false);
    expect(String(refuted.value['reason'])).toMatch(/Per your note: "It does not hold: the radix is implied here\."/u);
    const confirmed = await structuredAnswer(VERDICT, task, cwd, 'Confirm it, it is real.');
    expect(confirmed.value['holds']).toBe(true);
    expect(validate(VERDICT, refuted.value) && validate(VERDICT, confirmed.value)).toBe(true);
  });

  it('agentmux’s own StructuredOutput reminder is not a note, and dropping never goes below minItems', () => {
    expect(readSteer(['You ended your work without a valid StructuredOutput call.']).notes).toEqual([]);
    const schema = { type: 'array', minItems: 1, items: { type: 'string' } };
    expect(steerValue(schema, ['a.ts', 'b.ts'], readSteer(['drop everything']))).toEqual(['a.ts']);
  });
});
