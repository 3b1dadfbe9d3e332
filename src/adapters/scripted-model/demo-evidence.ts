// The facts a demo answer may state, each looked up in what the tool results showed: the
// conversion that truncates, the pattern, the TODO, the tests… A fact that was not seen is
// undefined, and the answer has to say so rather than assume it.
import type { Findings, Line } from './demo-findings.js';
import { grepLines, stringInput } from './demo-findings.js';
import { notePattern, testNames } from './demo-notes.js';

export type Evidence = {
  /** The line that converts the amount with parseInt. */
  readonly truncation: Line | undefined;
  /** The pattern that already accepts a decimal part. */
  readonly decimalPattern: Line | undefined;
  /** `if (!isUnit(unit)) continue;` or another line that skips a part silently. */
  readonly skip: Line | undefined;
  readonly todo: Line | undefined;
  /** A test line that pins "1.5h". */
  readonly decimalTest: Line | undefined;
  /** The name of the it() block about decimals, if a read showed it. */
  readonly decimalTestName: { line: Line; name: string } | undefined;
  readonly readmeDecimal: Line | undefined;
  readonly testScript: Line | undefined;
  readonly errorClass: Line | undefined;
  readonly order: Line | undefined;
  readonly rounding: Line | undefined;
  readonly finite: Line | undefined;
  readonly unitCheck: Line | undefined;
};

/** The evidence in `seen`. */
export function evidenceIn(seen: Findings): Evidence {
  const tests = testNames(seen.findAll('test', /\bit\(/));
  return {
    truncation: seen.find('src', /parseInt\(/) ?? seen.find(undefined, /parseInt\(/),
    decimalPattern: seen.find(undefined, notePattern('decimal-pattern')),
    skip: seen.find('src', /if \(!isUnit\(.*\)\) continue;/) ?? seen.find('src', /\bcontinue;/),
    todo: seen.find('src', /TODO|FIXME/),
    decimalTest: seen.find('test', /parseDuration\(['"]1\.5h['"]\)/),
    decimalTestName: tests.find((test) => /decimal/i.test(test.name)),
    readmeDecimal: seen.find('README.md', /decimal/i),
    testScript: seen.find('package.json', /"test":/),
    errorClass: seen.find('src', notePattern('error-class')),
    order: seen.find('src', notePattern('order')),
    rounding: seen.find('src', notePattern('rounding')),
    finite: seen.find('src', notePattern('finite')),
    unitCheck: seen.find('src', notePattern('own-key')),
  };
}

const LABELS: ReadonlyArray<readonly [keyof Evidence, string]> = [
  ['truncation', 'the parseInt conversion'],
  ['decimalPattern', 'the pattern that keeps the decimal part'],
  ['skip', 'the silent skip'],
  ['todo', 'the TODO'],
  ['decimalTest', 'the "1.5h" expectation'],
  ['readmeDecimal', 'the README promise'],
  ['testScript', 'the test script'],
  ['errorClass', 'the bare error class'],
  ['order', 'the hand-written unit order'],
  ['rounding', 'the rounding'],
  ['finite', 'the finiteness guard'],
  ['unitCheck', 'the unit lookup'],
];

/** The evidence in hand as a sentence for thinking: what can be cited, and where. */
export function evidenceOutline(ev: Evidence): string {
  const items = LABELS.flatMap(([key, label]) => {
    const value = ev[key];
    if (value === undefined) return [];
    return [`${label} (${ref('line' in value ? value.line : value)})`];
  });
  return items.length === 0 ? 'I have no line I can cite yet.' : `What I can cite: ${items.join(', ')}.`;
}

/** "src/parser.ts:18". */
export function ref(line: Line): string {
  return `${line.file}:${line.n}`;
}

/** The value a `.toBe(...)` on `line` expects, if any. */
export function expectedValue(line: Line): string | undefined {
  return /\.toBe\((.+?)\)/.exec(line.text)?.[1];
}

/** The matches of the last grep for `pattern` (optionally under `path`) in this conversation, or undefined if none ran OK. */
export function grepResult(seen: Findings, pattern: string, path?: string): Line[] | undefined {
  const record = [...seen.records]
    .reverse()
    .find((r) => r.name === 'grep' && r.ok && stringInput(r, 'pattern') === pattern && (path === undefined || stringInput(r, 'path') === path));
  return record === undefined ? undefined : grepLines(record.content);
}

/** The test file's lines, if any result showed them, as one string to search for inputs. */
export function testText(seen: Findings): string {
  return seen
    .findAll('test', /./)
    .map((line) => line.text)
    .join('\n');
}

/** The line `n` of `file`, if a result showed it. */
export function lineAt(seen: Findings, file: string, n: number): Line | undefined {
  return seen.findAll(file, /[^]*/).find((line) => line.file === file && line.n === n);
}

/** A one-line unified diff hunk replacing `line` with `replacement`, with the neighbours a result showed as context. */
export function diffHunk(seen: Findings, line: Line, replacement: string): string {
  const before = lineAt(seen, line.file, line.n - 1);
  const after = lineAt(seen, line.file, line.n + 1);
  const start = before === undefined ? line.n : before.n;
  const count = 1 + (before === undefined ? 0 : 1) + (after === undefined ? 0 : 1);
  return [
    '```diff',
    `--- a/${line.file}`,
    `+++ b/${line.file}`,
    `@@ -${start},${count} +${start},${count} @@`,
    ...(before === undefined ? [] : [` ${before.text}`]),
    `-${line.text}`,
    `+${replacement}`,
    ...(after === undefined ? [] : [` ${after.text}`]),
    '```',
  ].join('\n');
}

/** `line` with its parseInt(x, 10) call replaced by Number(x). */
export function withNumber(line: Line): string {
  return line.text.replace(/parseInt\(\s*([^,()]+?)\s*(?:,\s*10\s*)?\)/, 'Number($1)');
}
