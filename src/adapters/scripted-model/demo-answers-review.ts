// The final answers of the reviewer, the two skeptical reviewers (one refutes claims, one
// probes inputs) and the all-round survey: each finding cites a line a tool result showed.
import type { AnswerInput } from './demo-answers-team.js';
import { grepResult, ref, testText, type Evidence } from './demo-evidence.js';
import type { Findings, Line } from './demo-findings.js';
import { clip, code, listing, plural } from './demo-text.js';

const NO_SHELL = 'I have no shell in this session, so this is read from the code, not run';

/** One review finding and the file it is about. */
export type Finding = { file: string; text: string };

/** The findings the evidence supports, most serious first; shared with follow-up answers. */
export function reviewFindings(ev: Evidence, seen: Findings): Finding[] {
  const { truncation: cut, skip, todo, decimalPattern: pattern, errorClass, order, rounding, readmeDecimal: doc } = ev;
  const findings: Finding[] = [];
  const add = (line: Line, text: string): void => {
    findings.push({ file: line.file, text: `${ref(line)} ${text}` });
  };
  if (cut !== undefined) {
    const promise = doc === undefined ? '' : `, though ${ref(doc)} promises 5400`;
    add(cut, `(bug): ${code(callOf(cut.text))} drops the decimal part, so parseDuration('1.5h') returns 3600${promise}. Use Number(amount).`);
  }
  const unitSkip = skip !== undefined && /isUnit/.test(skip.text);
  if (skip !== undefined && unitSkip) {
    const admitted = todo === undefined ? '' : ` The TODO at ${ref(todo)} admits it.`;
    add(skip, `(unhandled input): unknown units are skipped without an error: '5y' returns 0, '1h 5y' returns 3600.${admitted} Throw DurationError.`);
  } else if (todo !== undefined) add(todo, `(open TODO): ${code(todo.text.trim())}.`);
  if (unitSkip && pattern !== undefined && /\[a-z\]\+/.test(pattern.text)) {
    add(pattern, `(unhandled input): the unit is [a-z]+, so '1e3s' reads as "1e" (skipped) plus "3s" and returns 3. Rejecting unknown units covers it.`);
  }
  if (errorClass !== undefined) add(errorClass, '(error handling): DurationError has an empty body, so err.name is "Error"; set this.name so logs and callers can tell it apart.');
  if (order !== undefined) add(order, '(maintenance): the unit order is a hand-written list; a unit added to the table would be ignored by formatDuration. Derive it from the table.');
  if (rounding !== undefined && /Math\.round\(/.test(rounding.text)) {
    const tests = testText(seen);
    const untested = tests !== '' && !/formatDuration\(\s*[\d_]*\.\d/.test(tests);
    add(rounding, `(${untested ? 'untested' : 'worth a test'}): rounds before splitting, so formatDuration(59.6) is "1m"; reasonable, but ${untested ? 'no test I read says so' : 'pin it with a test'}.`);
  }
  return findings;
}

/** The reviewer's findings, most serious first. */
export function reviewAnswer({ question, seen, ev }: AnswerInput): string {
  const findings = reviewFindings(ev, seen).map((finding) => finding.text);
  const finite = ev.finite;
  const ok = finite === undefined ? [] : [`Fine: ${ref(finite)} rejects NaN, Infinity and negatives before any arithmetic.`];
  const pinned = grepResult(seen, '1\\.5h|5y|NaN|Infinity', 'test');
  const tests =
    pinned === undefined
      ? []
      : [pinned.length === 0 ? 'Tests: none of 1.5h, 5y, NaN or Infinity appears under test/.' : `Tests: under test/ only ${listing(pinned.map((line) => `${ref(line)} ${code(line.text, 40)}`))} pin these cases.`];
  if (findings.length === 0) {
    return [`Review for "${clip(question, 70)}": I found nothing I can cite with a line number in what I read.`, ...ok, ...tests].join('\n');
  }
  return [
    `Review for "${clip(question, 70)}" — ${plural(findings.length, 'finding')}, most serious first:`,
    ...findings.map((text, index) => `${index + 1}. ${text}`),
    ...ok,
    ...tests,
  ].join('\n');
}

/** Reviewer A: the claims it could refute and the ones it could not. */
export function refuteAnswer({ seen, ev }: AnswerInput): string {
  const { truncation: cut, decimalTest: test, todo } = ev;
  const out = ["I haven't been shown a diff, so I checked the usual claims against the workspace as it is:"];
  if (cut !== undefined) out.push(`1. "Decimal durations work" — refuted: ${ref(cut)} still reads ${code(cut.text.trim())}; parseInt("1.5") is 1, so '1.5h' gives 3600.`);
  else out.push('1. "Decimal durations work" — not checked: I did not see the line that converts the amount.');
  if (test !== undefined && cut !== undefined) out.push(`2. "The tests pass" — refuted by reading: ${ref(test)} expects ${code(test.text.trim(), 50)} and cannot pass against ${ref(cut)}.`);
  else out.push('2. "The tests pass" — not checked: I did not see a test that pins the decimal case.');
  const unfinished = grepResult(seen, 'TODO|FIXME|XXX|stub|hard-?coded');
  if (unfinished !== undefined) {
    out.push(
      unfinished.length === 0
        ? '3. "Nothing left unfinished" — not refuted: grep found no TODO, FIXME, stub or hard-coded marker.'
        : `3. "Nothing left unfinished" — refuted: ${listing(unfinished.slice(0, 3).map((line) => `${ref(line)} ${code(line.text, 56)}`))}.`,
    );
  } else if (todo !== undefined) out.push(`3. "Nothing left unfinished" — refuted: ${ref(todo)} ${code(todo.text.trim(), 56)}.`);
  const skipped = grepResult(seen, '\\.skip|\\.only|\\.todo|xit\\(', 'test');
  if (skipped !== undefined) {
    out.push(skipped.length === 0 ? '4. Skipped or focused tests — none: grep for .skip/.only/.todo/xit( under test/ found nothing.' : `4. Skipped or focused tests — found: ${listing(skipped.map(ref))}.`);
  }
  const catches = grepResult(seen, 'catch', 'src');
  if (catches !== undefined) {
    out.push(catches.length === 0 ? '5. Swallowed errors — not refuted: no catch in src/, so errors reach the caller.' : `5. Swallowed errors — check ${listing(catches.map(ref))}.`);
  }
  out.push(`Caveat: ${NO_SHELL}.`);
  return out.join('\n');
}

/** Reviewer B: inputs that break the code, each reasoned from lines it read. */
export function probeAnswer({ seen, ev }: AnswerInput): string {
  const { truncation: cut, skip, decimalPattern: pattern, finite, order } = ev;
  const broken: string[] = [];
  if (cut !== undefined) broken.push(`parseDuration('1.5h') → 3600, not 5400: ${ref(cut)} truncates with parseInt.`);
  const unitSkip = skip !== undefined && /isUnit/.test(skip.text);
  if (unitSkip) broken.push(`parseDuration('5y') → 0, no error: ${ref(skip)} skips unknown units.`);
  if (unitSkip && pattern !== undefined && /\[a-z\]\+/.test(pattern.text)) broken.push(`parseDuration('1e3s') → 3: the pattern at ${ref(pattern)} reads "1e" as amount 1, unit "e", which is skipped.`);
  if (cut !== undefined && /total \+=/.test(cut.text)) {
    broken.push(`parseDuration('1h 1h') → 7200: repeated units are added up, not rejected (${ref(cut)}).`);
    broken.push("parseDuration('99999999999999999999d') → 8.64e+24: no upper bound, and the digits are already lost.");
  }
  if (finite !== undefined && order !== undefined) broken.push(`formatDuration(1e21) → "1653439153439153w 3d 49m 4s": ${ref(finite)} checks sign and finiteness only.`);
  const held: string[] = [];
  const empty = seen.find('src', /throw new \w+\('empty duration'\)/);
  if (empty !== undefined) held.push(`'' and '   ' throw at ${ref(empty)} (trimmed first)`);
  const leftover = seen.find('src', /matched\.replace/);
  if (leftover !== undefined) held.push(`'-5m' and '1.5.5h' throw, because ${ref(leftover)} compares what matched with the input`);
  const tests = testText(seen);
  const untested = broken.filter((text) => !tests.includes(/'[^']*'/.exec(text)?.[0] ?? '\u0000')).length;
  const coverage = tests === '' ? '' : ` (${untested} of ${broken.length} appear in no test I read)`;
  return [
    broken.length === 0 ? 'I could not break anything I can cite: the lines I would attack did not come back in my reads.' : `Inputs that break it${coverage}:`,
    ...broken.map((text, index) => `${index + 1}. ${text}`),
    ...(held.length === 0 ? [] : [`Held up: ${held.join('; ')}.`]),
    ...(broken.length === 0 ? [] : ["Reproduce each as a test, e.g. expect(parseDuration('1e3s')).toBe(3) passes today."]),
    `Caveat: ${NO_SHELL}.`,
  ].join('\n');
}

/** The all-round assistant's overview, answering the question with what the survey showed. */
export function surveyAnswer({ question, seen, ev }: AnswerInput): string {
  const out = [`Re "${clip(question, 80)}" — here is what this workspace is, from the files themselves:`];
  const field = (key: string): string | undefined => {
    const line = seen.find('package.json', new RegExp(`^\\s*"${key}":\\s*"`));
    return line === undefined ? undefined : /:\s*"((?:[^"\\]|\\.)*)"/.exec(line.text)?.[1]?.replace(/\\"/g, '"');
  };
  const name = field('name');
  if (name !== undefined) {
    const version = field('version');
    const description = field('description');
    out.push(`- package.json: ${name}${version === undefined ? '' : ` ${version}`}${description === undefined ? '' : ` — "${clip(description, 80)}"`}`);
  }
  const files = seen.files();
  if (files.length > 0) out.push(`- ${plural(files.length, 'file')}: ${clip(files.join(', '), 150)}.`);
  const api = seen.findAll('src/index.ts', /^export /);
  if (api.length > 0) out.push(`- Public API (src/index.ts): ${clip(api.map((line) => /\{(.+)\}/.exec(line.text)?.[1]?.trim() ?? line.text).join(', '), 110)}.`);
  if (ev.readmeDecimal !== undefined) out.push(`- ${ref(ev.readmeDecimal)}: "${clip(ev.readmeDecimal.text, 90)}"`);
  if (ev.testScript !== undefined) out.push(`- Tests run with ${code(ev.testScript.text.trim())} (${ref(ev.testScript)}).`);
  const todos = grepResult(seen, 'TODO|FIXME');
  if (todos !== undefined) out.push(todos.length === 0 ? '- No TODO or FIXME anywhere.' : `- Open: ${listing(todos.slice(0, 2).map((line) => `${ref(line)} ${code(line.text, 70)}`))}.`);
  if (out.length === 1) out.push('- Very little: most of my calls came back empty or failed, so I cannot describe it yet.');
  out.push("Tell me what you'd like done — a fix, a review or missing tests — and I'll dig into that part.");
  return out.join('\n');
}

function callOf(text: string): string {
  return /parseInt\([^)]*\)/.exec(text)?.[0] ?? text.trim();
}
