// The final answers of the planner, the coder (and implementer) and the tester: each built
// only from evidence the turn's tool results showed, and saying plainly what it could not see.
import { diffHunk, expectedValue, grepResult, ref, testText, withNumber, type Evidence } from './demo-evidence.js';
import { stringInput, type Findings, type Line } from './demo-findings.js';
import { testNames } from './demo-notes.js';
import type { Role } from './demo-roles.js';
import { baseName, clip, code, listing, plural, type Pick } from './demo-text.js';

/** What an answer is built from. */
export type AnswerInput = { question: string; seen: Findings; ev: Evidence; pick: Pick; role: Role };

const NO_SHELL = 'this session only has list_files, read_file and grep, so I cannot edit files or run the tests';

/** The planner's numbered plan. */
export function planAnswer({ question, seen, ev, pick }: AnswerInput): string {
  const { truncation: cut, decimalTest: test, decimalPattern: pattern, todo, readmeDecimal: doc } = ev;
  const out = [`${pick(['Plan', 'Proposed plan', 'The plan'])} for "${clip(question, 80)}":`, ''];
  if (cut !== undefined) {
    const expects = test === undefined ? '' : `, while ${ref(test)} expects ${expectedValue(test) ?? '5400'}`;
    const only = pattern === undefined ? '' : ` The pattern at ${ref(pattern)} already captures "1.5", so only the conversion is wrong.`;
    out.push(`Cause: ${ref(cut)} converts the amount with ${code(callIn(cut.text))}, so "1.5h" counts as 1 × 3600 = 3600${expects}.${only}`);
  } else {
    out.push('Cause: not pinned down — nothing I read converts the amount with parseInt, so step 1 starts by finding where the amount becomes a number.');
  }
  const testFile = test?.file ?? 'test/parser.test.ts';
  out.push(
    cut === undefined
      ? `1. Find the conversion in the parser and make it keep the decimal part. Check: \`npx vitest run ${testFile}\`.`
      : `1. ${ref(cut)}: use \`Number(amount)\` instead of ${code(callIn(cut.text))}. Check: \`npx vitest run ${testFile}\`${test === undefined ? '' : ` (the case at line ${test.n} passes)`}.`,
    `2. Decide on whole seconds: in floating point "2.2h" becomes 7920.000000000001. Round the total or document fractions, with a test in ${testFile}.`,
    todo === undefined
      ? `3. Add cases next to the decimal one: "0.5m", "1.25h", "1.5h 30m".`
      : `3. Separately, the TODO at ${ref(todo)} (unknown units are skipped): throw DurationError and add a "rejects unknown units" test. Keep it out of the decimal fix.`,
    doc === undefined
      ? '4. README.md: I saw no line documenting decimal amounts; add one, then run the whole suite.'
      : `4. ${ref(doc)} already promises decimals, so no README change. Run the whole suite${ev.testScript === undefined ? '' : ` (${code(ev.testScript.text.trim())})`}.`,
    '',
  );
  const hits = grepResult(seen, 'parseInt');
  const scope = hits === undefined ? '' : hits.length === 1 && hits[0] !== undefined ? ` grep found parseInt only at ${ref(hits[0])}, so there is one place to change.` : ` grep found parseInt in ${plural(hits.length, 'place')}; each needs the same change.`;
  out.push(`Files: ${listing([...new Set([cut?.file ?? 'src/parser.ts', testFile])])}.${scope}`);
  return out.join('\n');
}

/** The coder's diagnosis and proposed diff; the implementer's adds which claims it checked. */
export function fixAnswer({ seen, ev, pick, role }: AnswerInput): string {
  const { truncation: cut, decimalPattern: pattern, unitCheck } = ev;
  if (cut === undefined) {
    return [
      "I haven't found the bug yet: nothing I read converts the amount with parseInt or truncates it another way.",
      `What I did see: ${seenSummary(seen)}.`,
      'Tell me where the parsing lives in this workspace, or let me list the files again, and I will look there.',
    ].join('\n');
  }
  const callers = grepResult(seen, 'parseDuration');
  const conversions = grepResult(seen, 'parseInt|parseFloat|Number\\(', 'src');
  const testName = ev.decimalTestName;
  const why = `parseInt("1.5", 10) is 1 — it stops at the "." — so "1.5h" gives 3600 instead of 5400.`;
  const context = [
    pattern === undefined ? '' : `The pattern at ${ref(pattern)} already captures "1.5".`,
    unitCheck === undefined ? '' : `The unit check at ${ref(unitCheck)} is a plain lookup, so units are not involved.`,
  ].filter((text) => text !== '');
  const callerLine = callers === undefined ? undefined : callerNote(callers, cut.file);
  const conversionLine =
    conversions === undefined ? undefined : conversions.length === 1 ? 'It is the only number conversion in src/ (grep: 1 match).' : `grep shows ${plural(conversions.length, 'number conversion')} in src/; only ${ref(cut)} truncates.`;
  const check = `\`npx vitest run ${testName?.line.file ?? 'test/parser.test.ts'}\`${testName === undefined ? '' : `: "${testName.name}" (line ${testName.line.n}) should pass`}`;
  const diff = diffHunk(seen, cut, withNumber(cut));
  if (role === 'implementer') {
    return [
      `Status: not applied — ${NO_SHELL}. Claims, each checked by reading (not by running):`,
      `1. The bug is ${ref(cut)}: ${code(cut.text.trim())}. ${why}`,
      ...context.map((text, index) => `${index + 2}. ${text}`),
      ...(conversionLine === undefined ? [] : [`${context.length + 2}. ${conversionLine}`]),
      'The change I would make:',
      diff,
      `Not checked: the test run. Whoever applies it: ${check}.`,
    ].join('\n');
  }
  return [
    `${pick(['Found it', 'Here is the bug', 'The bug is one line'])}: ${ref(cut)} ${code(cut.text.trim())}.`,
    `${why}${context.length === 0 ? '' : ` ${context.join(' ')}`}`,
    'Smallest fix, one line:',
    diff,
    ...(callerLine === undefined ? [] : [callerLine]),
    ...(conversionLine === undefined ? [] : [conversionLine]),
    `I can't write files in this session, so this is a proposal: apply it and run ${check}.`,
  ].join('\n');
}

/** The tester's list of covered behaviours and missing cases. */
export function testsAnswer({ seen, ev }: AnswerInput): string {
  const names = testNames(seen.findAll('test', /\bit\(/));
  if (names.length === 0) return "I couldn't see any test: no it() lines came back from the test folder, so I can't say what is covered. Point me at the tests and I'll go again.";
  const byFile = new Map<string, string[]>();
  for (const { line, name } of names) byFile.set(line.file, [...(byFile.get(line.file) ?? []), name]);
  const tests = testText(seen);
  const gaps: string[] = [];
  if (!/5y|unknown/i.test(tests) && (ev.todo !== undefined || ev.skip !== undefined)) {
    const where = ev.skip ?? ev.todo;
    gaps.push(`Unknown units: no test uses "5y"; ${where === undefined ? '' : `${ref(where)} `}skips them, so parseDuration('5y') returns 0 today.`);
  }
  if (ev.finite !== undefined && !/NaN|Infinity/.test(tests)) gaps.push(`formatDuration(NaN) / (Infinity): the guard at ${ref(ev.finite)} is untested (only a negative number is).`);
  if (ev.rounding !== undefined && !/formatDuration\(\s*[\d_]*\.\d/.test(tests)) {
    const example = /Math\.round\(/.test(ev.rounding.text) ? ' (59.6 should give "1m")' : '';
    gaps.push(`Fractions: ${ref(ev.rounding)} rounds, but no test passes a fraction${example}.`);
  }
  if (!/parseDuration\(\s*(['"])\s+\1\s*\)/.test(tests) && /parseDuration\(\s*''\s*\)/.test(tests)) gaps.push(`Whitespace only: '' is tested, '   ' is not (it should throw like '').`);
  if (!/parseDuration\(formatDuration|formatDuration\(parseDuration/.test(tests)) gaps.push('Round trip: nothing checks parseDuration(formatDuration(x)) === x.');
  const untested = seen.files().filter((file) => file.startsWith('src/') && !seen.files().some((other) => baseName(other) === baseName(file).replace(/\.ts$/, '.test.ts')));
  if (untested.length > 0) gaps.push(`${listing(untested)} ${untested.length === 1 ? 'has' : 'have'} no test file of its own.`);
  const failing =
    ev.decimalTestName !== undefined && ev.truncation !== undefined
      ? [`Also: "${ev.decimalTestName.name}" (${ref(ev.decimalTestName.line)}) exists but cannot pass while ${ref(ev.truncation)} uses parseInt.`]
      : [];
  return [
    `Covered (${plural(names.length, 'it() block')} in ${plural(byFile.size, 'file')}):`,
    ...[...byFile.entries()].map(([file, list]) => `- ${file}: ${list.join('; ')}`),
    '',
    gaps.length === 0 ? 'Not covered: nothing obvious beyond what is listed.' : 'Not covered:',
    ...gaps.slice(0, 6).map((gap, index) => `${index + 1}. ${gap}`),
    ...failing,
    `I haven't run the suite (${NO_SHELL}); \`npx vitest run\` would confirm.`,
  ].join('\n');
}

/** A short, true account of the calls made, for when the evidence is thin. */
export function seenSummary(seen: Findings): string {
  const ok = seen.records.filter((record) => record.ok);
  const failed = seen.records.length - ok.length;
  const names = [...new Set(ok.map((record) => `${record.name} ${stringInput(record, 'path') ?? stringInput(record, 'pattern') ?? ''}`.trim()))];
  return `${names.length === 0 ? 'no call succeeded' : clip(names.join(', '), 140)}${failed > 0 ? ` (${plural(failed, 'call')} failed)` : ''}`;
}

/** Where else the parser is used, as far as the grep showed. */
function callerNote(callers: readonly Line[], parserFile: string): string {
  const counts = listing(countByFile(callers));
  const others = callers.filter((line) => line.file.startsWith('src/') && line.file !== parserFile);
  if (others.length === 0) return `Callers: grep shows parseDuration on ${plural(callers.length, 'line')} (${counts}), none in another src/ module.`;
  const reexports = others.every((line) => /^export \{/.test(line.text));
  const where = others.map((line) => `${ref(line)} ${code(line.text, 50)}`).join(', ');
  return reexports
    ? `Callers: grep shows parseDuration on ${plural(callers.length, 'line')} (${counts}); the only other src/ use is the re-export ${where}, so no caller changes.`
    : `Callers: grep shows parseDuration on ${plural(callers.length, 'line')} (${counts}); check that ${where} accepts fractional seconds.`;
}

function countByFile(lines: readonly { file: string }[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line.file, (counts.get(line.file) ?? 0) + 1);
  return [...counts.entries()].map(([file, count]) => `${file} ×${count}`);
}

function callIn(text: string): string {
  return /parseInt\([^)]*\)/.exec(text)?.[0] ?? text.trim();
}
