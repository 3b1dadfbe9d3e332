// No elapsed-time asserts in the tests (issue 10; COMMON rules): a test waits for a condition or
// checks an order, and speed is measured by `npm run bench`. An elapsed time is a clock reading
// minus another value, so any `Date.now() - …`, `performance.now() - …` or `hrtime` difference in
// a test file is flagged. test/bench holds the benchmark's own helpers; the hand-run journal
// timing script is a measurement, not a test.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const TEST_ROOT = join(import.meta.dirname, '..');
const MEASUREMENTS = new Set(['bench', join('fixtures', 'journal-append-timing.ts')]);
const CLOCK = /^(Date\.now|performance\.now|process\.hrtime(\.bigint)?)\(\)$/u;

/** `FILE:LINE: TEXT` of each clock difference in `text`. */
export function clockDifferences(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.MinusToken) {
      if ([node.left, node.right].some((side) => CLOCK.test(side.getText(source)))) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push(`${file}:${line}: ${node.getText(source)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (MEASUREMENTS.has(relative(TEST_ROOT, full))) return [];
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('the tests', () => {
  it('hold no elapsed-time measurement (a clock reading minus another value)', () => {
    const files = testFiles(TEST_ROOT);
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((file) => clockDifferences(relative(TEST_ROOT, file), readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('finds the shapes an elapsed-time assert takes, and leaves deadlines alone', () => {
    const text = [
      'const started = Date.now();',
      'expect(Date.now() - started).toBeLessThan(290);',
      'const elapsed = performance.now() - t0;',
      'const ns = process.hrtime.bigint() - start;',
      'const deadline = Date.now() + 10_000;',
      'if (Date.now() > deadline) throw new Error("late");',
    ].join('\n');
    expect(clockDifferences('x.ts', text)).toEqual([
      'x.ts:2: Date.now() - started',
      'x.ts:3: performance.now() - t0',
      'x.ts:4: process.hrtime.bigint() - start',
    ]);
  });
});
