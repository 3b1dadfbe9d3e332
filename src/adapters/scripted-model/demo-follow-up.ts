// Follow-ups and nudges: the calls a message makes relevant (files it names, identifiers it
// mentions, its topic) and the answer to it, which quotes what those calls returned.
import { seenSummary, type AnswerInput } from './demo-answers-team.js';
import { callKey, type ToolRecord } from './demo-conversation.js';
import { diffHunk, ref, withNumber } from './demo-evidence.js';
import type { Findings } from './demo-findings.js';
import { reviewFindings } from './demo-answers-review.js';
import { remarkOn, type NoteId } from './demo-notes.js';
import { intent, type Intent } from './demo-playbooks.js';
import type { Plan } from './demo-roles.js';
import { baseName, clip, code, listing, plural } from './demo-text.js';

/** The lines of work whose agent would make the change if it could. */
const EDITORS: ReadonlySet<Plan> = new Set(['fix', 'survey']);

type Topic = { re: RegExp; call: () => Intent };

const reReadLoop = (): Intent =>
  intent('read_file', { path: 'src/parser.ts', offset: 12, limit: 10 }, "I'll re-read the parsing loop in src/parser.ts rather than answer from memory.",
    'The answer hinges on the loop in parseDuration. Reading the lines again costs little and means I quote the current code.');

const TOPICS: readonly Topic[] = [
  { re: /\b(apply|write|edit|commit|go ahead|do it|make the change|patch)\b/, call: () => intent('grep', { pattern: 'parseInt', path: 'src' }, 'Let me check the current state of the code.', 'Before answering a request to change something I want to know whether the code is still as I left it.') },
  { re: /\b(run|npm|vitest|ci)\b/, call: () => intent('read_file', { path: 'package.json' }, "Let me see how this project runs its tests.", 'The test command lives in package.json; I want to quote it exactly.') },
  { re: /\btests?\b|\bcoverage\b|\bcovered\b/, call: () => intent('grep', { pattern: 'it\\(', path: 'test' }, "I'll list the test cases again.", 'A fresh grep of it( gives the current list of cases with their lines.') },
  { re: /\bformat/, call: () => intent('read_file', { path: 'src/format.ts' }, "I'll read src/format.ts again.", 'The question is about formatting, so the formatter is the file to quote.') },
  { re: /\bunits?\b|5y|\bweeks?\b/, call: () => intent('read_file', { path: 'src/units.ts' }, "Let me look at the unit table in src/units.ts.", 'Units are defined in their own file; the answer should quote the table and the check.') },
  { re: /decimal|1\.5|fraction|float|parseint|\bbug\b|\bfix\b|\bwrong\b|\bparse/, call: reReadLoop },
  { re: /readme|\bdocs?\b|documentation/, call: () => intent('read_file', { path: 'README.md' }, "I'll check what README.md says.", 'What the docs promise decides whether the code or the docs should change.') },
  { re: /\btodos?\b|fixme/, call: () => intent('grep', { pattern: 'TODO|FIXME' }, "Let me grep for TODOs again.", 'A grep gives the exact lines of every open TODO.') },
  { re: /\berrors?\b|\bthrows?\b|exception|invalid|reject/, call: () => intent('grep', { pattern: 'throw new', path: 'src' }, "Let me list every throw in src/.", 'Every error a caller can see starts at a throw; a grep lists them with their lines.') },
];

/** Up to `max` calls that make `text` answerable: files it names, identifiers it mentions, then its topic. */
export function topicIntents(text: string, seen: Findings, plan: Plan, max: number): Intent[] {
  const intents: Intent[] = [];
  for (const file of namedFiles(text, seen)) {
    intents.push(intent('read_file', { path: file }, `I'll read ${file}.`, `The message is about ${file}. Reading it first means my answer quotes the file, not my memory of it.`));
    const test = file.startsWith('src/') ? `test/${baseName(file).replace(/\.ts$/, '.test.ts')}` : undefined;
    if (test !== undefined && seen.exists(test) !== false) {
      intents.push(intent('read_file', { path: test }, `And ${test}, to see what its tests pin down.`, `Whether something in ${file} is wrong or just untested depends on what ${test} checks.`));
    }
  }
  const identifiers = new Set([...text.matchAll(/`([A-Za-z_]\w{2,})`|\b([a-z]+[A-Z]\w*|[A-Z]+_[A-Z_]+|[A-Z][a-z]+[A-Z]\w*)\b/g)].map((m) => m[1] ?? m[2] ?? ''));
  for (const word of identifiers) {
    if (word !== '') intents.push(intent('grep', { pattern: word }, `Let me see where \`${word}\` appears.`, `The message mentions ${word}; a grep shows every place it is defined or used.`));
  }
  const lower = text.toLowerCase();
  for (const topic of TOPICS) if (topic.re.test(lower)) intents.push(topic.call());
  if (intents.length === 0) intents.push(fallback(plan));
  const unique = new Map(intents.map((item) => [callKey(item.name, item.input), item]));
  return [...unique.values()].slice(0, max);
}

/** The workspace files a message names ("format.ts" resolves to a listed src/format.ts). */
function namedFiles(text: string, seen: Findings): string[] {
  const named = text.match(/[\w./-]+\.(?:ts|json|md)\b/g) ?? [];
  return [...new Set(named.map((name) => (seen.exists(name) === true ? name : (seen.files().find((path) => baseName(path) === baseName(name)) ?? name))))];
}

function fallback(plan: Plan): Intent {
  if (plan === 'tests') return intent('grep', { pattern: 'it\\(', path: 'test' }, "I'll look at the test cases again before answering.", 'My work here is the tests, so the current list of cases is what to check against.');
  if (plan === 'survey') return intent('read_file', { path: 'README.md' }, "I'll check README.md again before answering.", 'The README is the overview to check my answer against.');
  return reReadLoop();
}

/** The answer to a follow-up message, from what this turn's calls returned. */
export function followUpAnswer(input: AnswerInput, message: string, plan: Plan, records: readonly ToolRecord[]): string {
  const { seen, ev, pick } = input;
  const lower = message.toLowerCase();
  const out = [`${pick(['Re', 'On', 'About'], 5)} "${clip(message, 90)}":`];
  for (const record of records) out.push(`- ${remarkOn(record, FOLLOW_UP_FOCUS).short}`);
  const cut = ev.truncation;
  if (/\b(apply|write|edit|commit|go ahead|do it|make the change|patch)\b/.test(lower)) {
    out.push(
      EDITORS.has(plan)
        ? "I can't do that here: this session only has list_files, read_file and grep, so I can't write files or run anything."
        : "That isn't mine to do: I don't edit files in this role, and this session only has list_files, read_file and grep anyway.",
    );
    if (cut !== undefined) out.push(`${ref(cut)} still reads ${code(cut.text.trim())}, so nothing has been applied. The change, for whoever applies it:`, diffHunk(seen, cut, withNumber(cut)));
  } else if (/\b(run|npm|vitest|ci)\b/.test(lower)) {
    const script = ev.testScript === undefined ? '' : ` package.json's test script is ${code(ev.testScript.text.trim())}.`;
    out.push(`There is no shell tool in this session, so I can't run it.${script} Run \`npx vitest run\` and paste the output; I'll read it.`);
  } else if (/\b(status|progress|done|where are you|how far)\b/.test(lower)) {
    out.push(`So far: ${seenSummary(seen)}.`);
  } else if (records.length > 0 && records.every((record) => !record.ok)) {
    out.push("Those calls failed, so I can't answer from the code yet; tell me which file you mean and I'll read it.");
  }
  if (/wrong|\bbugs?\b|problem|issue|review|broken/.test(lower)) out.push(...problemsIn(input, namedFiles(message, seen)));
  for (const explain of EXPLANATIONS) {
    if (!explain.re.test(lower)) continue;
    const text = explain.answer(input);
    if (text !== undefined) out.push(text);
  }
  const stance = stanceOf(plan, input);
  if (stance !== undefined) out.push(stance);
  return out.join('\n');
}

/** Everything a follow-up remark may point out, findings first. */
export const FOLLOW_UP_FOCUS: readonly NoteId[] = ['parseInt', 'todo', 'skip', 'error-class', 'order', 'rounding', 'finite', 'decimal-pattern', 'tests', 'throw', 'own-key', 'decimal-doc', 'test-script', 're-export', 'export'];

/** The review findings about `files` (all files when none is named), or what was fine. */
function problemsIn({ ev, seen }: AnswerInput, files: readonly string[]): string[] {
  const findings = reviewFindings(ev, seen).filter((finding) => files.length === 0 || files.includes(finding.file));
  const where = files.length === 0 ? 'what I read' : listing([...files]);
  if (findings.length === 0) return [`Nothing I can point at as wrong in ${where}.`];
  return [`In ${where}, ${plural(findings.length, 'thing')} I'd flag:`, ...findings.slice(0, 4).map((finding, index) => `${index + 1}. ${finding.text}`)];
}

type Explanation = { re: RegExp; answer: (input: AnswerInput) => string | undefined };

/** Short answers to common questions, each given only when the evidence it leans on was seen. */
const EXPLANATIONS: readonly Explanation[] = [
  {
    re: /parsefloat|number\(|\bnumber\b/,
    answer: ({ ev }) =>
      ev.decimalPattern === undefined
        ? undefined
        : `Both give 1.5 for "1.5"; they differ on junk: parseFloat("1.5x") is 1.5, Number("1.5x") is NaN. The pattern at ${ref(ev.decimalPattern)} only lets digits with an optional decimal part through, so either works here; Number stays strict if the pattern is ever loosened.`,
  },
  {
    re: /\bwhy\b.*\b(bug|fail|wrong|broken)|cause/,
    answer: ({ ev }) =>
      ev.truncation === undefined ? undefined : `The cause is ${ref(ev.truncation)}: parseInt reads "1.5" as 1, so "1.5h" adds 3600 seconds instead of 5400.`,
  },
  {
    re: /unknown unit|5y|\bunits?\b/,
    answer: ({ ev }) =>
      ev.skip === undefined || !/isUnit/.test(ev.skip.text)
        ? undefined
        : `Unknown units are skipped at ${ref(ev.skip)} without an error, so "5y" gives 0; throwing DurationError there would fix it${ev.todo === undefined ? '' : ` (the TODO at ${ref(ev.todo)} asks for exactly that)`}.`,
  },
  {
    re: /\bround|precision|\bfloat(?:ing)?\b|2\.2/,
    answer: () => 'After the fix amounts are floating point: "2.2h" gives 7920.000000000001. Rounding the total to whole seconds (Math.round) keeps results integral; decide that with a test.',
  },
];

/** One line tying the follow-up to the role's earlier conclusion, when the evidence still backs it. */
function stanceOf(plan: Plan, { ev }: AnswerInput): string | undefined {
  const cut = ev.truncation;
  if (cut === undefined) return undefined;
  switch (plan) {
    case 'plan':
      return `The plan stands: step 1 is still ${ref(cut)} (parseInt → Number).`;
    case 'fix':
      return `My proposed fix is unchanged: ${ref(cut)}, parseInt(amount, 10) → Number(amount).`;
    case 'tests':
      return ev.decimalTestName === undefined ? undefined : `"${ev.decimalTestName.name}" (${ref(ev.decimalTestName.line)}) still cannot pass while ${ref(cut)} uses parseInt.`;
    case 'review':
      return `My findings stand; the most serious is still ${ref(cut)}.`;
    case 'refute':
      return `The decimal claim is still refuted by ${ref(cut)}.`;
    case 'probe':
      return `'1.5h' still breaks at ${ref(cut)}.`;
    case 'survey':
      return undefined;
  }
}
