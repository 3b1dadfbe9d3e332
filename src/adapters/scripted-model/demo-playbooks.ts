// The tool calls each line of work makes, in order, with what the agent says before each and
// the reasoning behind it. Wording that refers to earlier results looks them up first.
import type { Findings } from './demo-findings.js';
import type { Plan } from './demo-roles.js';

export type ToolName = 'list_files' | 'read_file' | 'grep';

/** One planned tool call. */
export type Intent = {
  readonly name: ToolName;
  readonly input: Readonly<Record<string, string | number>>;
  /** One or two sentences for the pane: why this call, now. */
  readonly say: (seen: Findings) => string;
  /** The reasoning behind the call, for the thinking block. */
  readonly why: (seen: Findings) => string;
};

type Words = string | ((seen: Findings) => string);
const words = (w: Words) => (seen: Findings): string => (typeof w === 'string' ? w : w(seen));

/** A planned call; exported for the follow-up and nudge rounds. */
export function intent(name: ToolName, input: Record<string, string | number>, say: Words, why: Words): Intent {
  return { name, input, say: words(say), why: words(why) };
}

const read = (path: string, say: Words, why: Words): Intent => intent('read_file', { path }, say, why);
const grep = (pattern: string, path: string | undefined, say: Words, why: Words): Intent =>
  intent('grep', path === undefined ? { pattern } : { pattern, path }, say, why);

/** "(line 2 imports from ./units.js)" when a result showed such an import from `file`, else ''. */
function importNote(seen: Findings, file: string, from: RegExp): string {
  const line = seen.findAll(file, /^import /).find((l) => from.test(l.text));
  return line === undefined ? '' : ` (${file}:${line.n} imports from it)`;
}

/** Which files under review were seen importing the unit table. */
function unitImporters(seen: Findings): string {
  const importers = ['src/parser.ts', 'src/format.ts'].filter((file) => importNote(seen, file, /units/) !== '');
  if (importers.length === 2) return 'Both files import the unit table';
  const [only] = importers;
  return only === undefined ? 'The unit table is the one shared piece left' : `${only} imports the unit table`;
}

/** The playbook of a plan: the calls a turn on it makes, in order. */
export function playbook(plan: Plan): readonly Intent[] {
  return PLAYBOOKS[plan];
}

const PLAYBOOKS: Record<Plan, readonly Intent[]> = {
  plan: [
    intent('list_files', {}, "I'll plan from the code, not from the task text. First, the layout of the project.",
      'The task is to plan the fix for a failing decimal-duration test. A useful plan names files and a check for each step, so before anything else I need to know which files exist, where the tests live and how big this is. Then what the library promises about decimals, then the code path that handles them.'),
    read('README.md', 'Next, README.md: what the library promises about decimals is the yardstick for the failing test.',
      'If the README documents decimal amounts, the test is right and the code is wrong, and the plan is a code fix. If it says nothing, the plan would start with a decision about the spec instead. Either way I want the exact wording and line so the plan can cite it.'),
    read('src/parser.ts', 'Now the parser, where text becomes seconds.',
      'parseDuration is the code path "1.5h" goes through. A decimal can be lost in two places: the pattern that splits the text into amount and unit, or the conversion of the amount to a number. I want to see both before I write a step.'),
    grep('parseInt', undefined, 'Is `parseInt` used anywhere else? The plan should cover every place that truncates.',
      'If another file converts amounts the same way (the formatter, say), fixing only the parser would leave the same bug elsewhere and the plan would be incomplete. A workspace-wide grep settles it.'),
    grep('TODO', undefined, 'Any TODOs? The plan should say what is in scope and what is deliberately left for later.',
      'Open TODOs near the parser are likely to be confused with this fix. If there is one, I will give it its own step so the decimal fix stays small and reviewable.'),
    grep('1\\.5h', undefined, 'Last, where "1.5h" is pinned down: which test asserts it, and what else mentions it.',
      'The failing test is the acceptance check for the first step. I want its file and line, and any other place that documents the same case, so each step of the plan can name its check.'),
    read('test/parser.test.ts', 'And the parser tests in full: what else they cover, and where new cases would go.',
      'The plan will add cases (rounding, unknown units). I want to see how the existing tests are grouped and named so the new ones fit, and whether any existing case would change meaning after the fix.'),
  ],
  fix: [
    intent('list_files', { pattern: '**/*.ts' }, 'The task points at src/parser.ts. First a quick look at the TypeScript files around it.',
      'I want to know what sits next to the parser (a unit table? an index that re-exports it?) and whether its tests live beside it or in a separate folder, so I know which files a fix could touch.'),
    read('src/parser.ts', 'Now src/parser.ts itself.',
      'The symptom is that "1.5h" is misread. Before touching anything I want to see how parseDuration splits the input into amount and unit and how it turns the amount into a number; the smallest fix depends on which of the two drops the decimal part.'),
    read('src/units.ts', (seen) => `Next src/units.ts${importNote(seen, 'src/parser.ts', /units/)}: I want to rule out the unit side before proposing a change.`,
      'The unit table and the unit check could also explain a wrong total (a wrong factor for "h", or "h" not recognised). If both are fine, the fix stays in the parser.'),
    intent('read_file', { path: 'README.md', offset: 14, limit: 12 }, 'What does the README promise for amounts? Its units section should say.',
      'Before calling it a bug I want the documented behaviour: if the docs say amounts are whole numbers, truncating would be intended and the fix would be in the docs instead.'),
    grep('parseDuration', undefined, 'Now the callers of `parseDuration`, so the change cannot surprise anyone who relies on whole numbers.',
      'Changing the arithmetic changes what every caller gets back. If something rounds or compares the result, it has to keep working with a fractional amount. A grep across the workspace shows every use, tests and docs included.'),
    grep('parseInt|parseFloat|Number\\(', 'src', 'Any other number conversions in src/ that should change the same way?',
      'The smallest fix is one line only if there is one conversion. If the formatter or the unit table converts numbers too, the diff should say so or leave them alone on purpose.'),
    read('test/parser.test.ts', 'Finally the parser tests, so the fix is checked against the case that pins it.',
      'The test for decimal amounts is the check for this change. I want its exact line and expected value, and to see that no other test depends on amounts being truncated.'),
  ],
  tests: [
    intent('list_files', { path: 'test' }, "I'll start from what is tested: the test folder first.",
      'To say what is not covered I first need what is. The test folder tells me how the tests are organised (one file per module or one big file) and which modules have tests at all.'),
    read('test/parser.test.ts', 'Reading the parser tests first.',
      'For each test I want the behaviour it names and the inputs it actually uses, so I can tell "covered" from "mentioned". Edge cases hide in the inputs, not in the test names.'),
    read('test/format.test.ts', 'Now the formatter tests.',
      'Same for the formatter: the names of the tests and the values they check. Rounding and invalid input are the places where formatters usually go untested.'),
    grep('it\\(', 'test', 'To be sure I have not missed a block, I will grep every `it(` under test/.',
      'A grep gives me the complete list of test cases with their lines, which is what the report will cite. It also catches test files I might not have opened.'),
    grep('throw new', 'src', 'Now the other side: every error path in the sources, to compare with the tests.',
      'Each throw is a behaviour a caller can see. If an error path has no test, a change can silently turn it into a wrong value. I will match every throw against the test inputs.'),
    read('src/format.ts', 'I will read src/format.ts to see its branches line by line.',
      'The formatter has to handle zero, rounding and invalid input; each branch deserves a test. I want the lines so the report can say exactly which branch is untested.'),
    grep('expect\\(', 'test', 'How many assertions does each block make? One-value tests are the thin ones.',
      'A test that checks a single value covers one point of a behaviour. Counting expect() calls per file shows where the suite is thin, which is where missing cases hide.'),
    grep('TODO|parseInt', 'src', 'Last, TODOs and integer conversions in src/: known gaps that deserve a test of their own.',
      'A TODO is an admitted gap, and an integer conversion is a likely reason for a failing decimal case. Both belong in the list of missing or failing tests.'),
  ],
  review: [
    read('src/parser.ts', 'I will read src/parser.ts in full before saying anything about it.',
      'A review of unhandled input starts with how the input is matched: what the pattern accepts, what happens to parts it does not understand and which errors reach the caller. I want every line, not a summary.'),
    read('src/format.ts', 'Now src/format.ts, the other file under review.',
      'For the formatter the questions are the reverse: which numbers are refused, how fractions are rounded and whether the output can be parsed back.'),
    read('src/units.ts', (seen) => `${unitImporters(seen)}, so src/units.ts next.`,
      'A unit added to the table but missed by one of the two files is a classic bug in this shape of code, so I want to see how the table and its check are defined.'),
    grep('TODO|FIXME', undefined, 'Any TODOs or FIXMEs in the workspace?',
      'A TODO in reviewed code is either a known bug or a missing check. Each one that touches input handling goes on the list with its line.'),
    grep('throw |catch', 'src', 'Now error handling across src/: every throw and every catch.',
      'Missing error handling shows up as inputs that neither throw nor produce the right value, and as catches that swallow errors. I want the full list of both.'),
    read('test/format.test.ts', 'Which formatter behaviours do the tests pin?',
      'To call a path untested I need to have looked at the tests for it. The formatter tests are short, so I will read them whole rather than grep.'),
    grep('1\\.5h|5y|NaN|Infinity', 'test', 'Do the tests pin the cases I am worried about?',
      'A finding is stronger when I can say whether a test covers it. Decimals, unknown units and non-finite numbers are the cases I want to check against the test files.'),
  ],
  refute: [
    intent('list_files', {}, "I'm here to refute claims, so I'll work from the files, not from anyone's summary. First, what is actually in the workspace.",
      'I have not been shown a diff, only the claim that the work is done. The safest start is the real state of the workspace: which files exist, whether anything looks added or changed, and where the tests are.'),
    grep('TODO|FIXME|XXX|stub|hard-?coded', undefined, 'Stubs and TODOs first: anything that admits it is unfinished.',
      'An open TODO in the code under discussion refutes "complete" by itself. Hard-coded or stub values would refute "works".'),
    grep('\\.skip|\\.only|\\.todo|xit\\(', 'test', 'Skipped, focused or todo tests would make a green run meaningless.',
      'If any test is skipped or focused, "the tests pass" says little. This is the cheapest claim to break, so it comes early.'),
    read('src/parser.ts', 'Now the code behind the main claim: the parser.',
      'Whatever the implementer says about decimals has to be visible in the parser. I want the line that converts the amount.'),
    read('test/parser.test.ts', 'And the test that is supposed to back it.',
      'A claim of "covered by tests" needs a test with the right input and expected value. I want to see whether the test would pass against the code I just read.'),
    grep('catch', 'src', 'Last, swallowed errors: any catch blocks in src/?',
      'A catch that returns a default value would turn bad input into a wrong answer without a trace. None would mean errors reach the caller.'),
  ],
  probe: [
    read('src/parser.ts', "I'll try to break the parser with inputs the tests do not cover; first, the code I am attacking.",
      'To find inputs that break it I need the exact pattern that splits the text, what happens to parts it does not understand and which checks run at the end.'),
    read('test/parser.test.ts', 'Which inputs are already tested? I want to try different ones.',
      'Repeating tested inputs proves nothing. I will list the inputs the tests use and aim at the gaps: empty, huge, malformed.'),
    read('src/units.ts', 'How is a unit recognised? Odd unit letters are a cheap attack.',
      'If the unit check is loose or the pattern accepts letters that are not units, malformed input may be skipped rather than rejected.'),
    read('src/format.ts', 'And the formatter: huge, fractional and non-finite numbers.',
      'For the formatter the attacks are numbers: NaN, Infinity, very large values and fractions close to a unit boundary.'),
    grep('TODO|placeholder|stub', undefined, 'Finally, placeholders or TODOs that admit a gap.',
      'A TODO often marks exactly the input that is not handled; it is the first thing to try.'),
  ],
  survey: [
    intent('list_files', {}, 'Let me get my bearings first: what is in this workspace?',
      'I have not seen this project yet, so the first step is its layout: what kind of project it is, where the sources and tests are, and how big it is.'),
    read('README.md', 'README.md should say what the project is for.',
      'The README is the quickest way to learn what the project promises. Anything I say later should be checked against it.'),
    read('package.json', 'package.json: name, version and how the tests are run.',
      'The package file tells me the package name, the module system and the test command, which I will need to suggest how to check any change.'),
    read('src/index.ts', 'src/index.ts should show the public API.',
      'The index file is what users import. Its exports are the surface any change must keep working.'),
    grep('TODO|FIXME', undefined, 'Any open TODOs or FIXMEs?',
      'TODOs are the known gaps; they are worth mentioning in any overview.'),
  ],
};
