// Which tool calls wait for the user's y/a/n (DESIGN.md §4, "Approval policy"). Pure: the
// layout gives the policy, the runner asks before running a call that needs approval.
import type { ToolSpec } from './model-request.js';
import type { ToolCall } from './tools.js';
import { commandRisk } from './command-risk.js';
import { SUBCOMMAND_PROGRAMS, wordsARuleMustName } from './rule-reach.js';
import { shellWords } from './shell-words.js';
import { hasHiddenControls } from './visible-controls.js';

/**
 * `approve: 'auto'` runs every call; `'ask'` asks before writes and `bash` unless `allow` has
 * the tool's name (`"write_file"`) or, for bash, an entry that allows the command (see
 * `bashEntryAllows`).
 */
export type ApprovalPolicy = {
  readonly approve: 'ask' | 'auto';
  readonly allow: readonly string[];
};

/** The policy an agent gets when its layout says nothing: ask, allow nothing. */
export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = { approve: 'ask', allow: [] };

const BASH = 'bash';
const BASH_PREFIX = 'bash:';
/** `bash:git status:*`: the words `git status`, then any arguments. */
const WORD_PREFIX_SUFFIX = ':*';

/**
 * A wildcard matches any character except those that chain, substitute or redirect commands
 * (`; & | \` $ ( ) < >` and line breaks), so `bash:npm test*` allows `npm test -- --watch`
 * but not `npm test && rm -rf ~` or `npm test > README.md`; a pattern can still allow them
 * by spelling them out literally.
 */
const WILDCARD_CHAR = '[^;&|`$()<>\\n\\r]';

function escapeForRegExp(char: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
}

/**
 * Whether a glob matches a whole command: `*` is any run of characters (spaces and `/`
 * included), `?` exactly one, everything else literal; see `WILDCARD_CHAR` for the exceptions.
 */
export function commandMatchesGlob(glob: string, command: string): boolean {
  let source = '';
  for (const char of glob) {
    if (char === '*') source += `${WILDCARD_CHAR}*`;
    else if (char === '?') source += WILDCARD_CHAR;
    else source += escapeForRegExp(char);
  }
  return new RegExp(`^${source}$`, 'u').test(command);
}

/**
 * The words of a command an "always" rule may widen to: a simple command (no chaining,
 * redirection, expansion; see shell-words.ts) whose program cannot run what its arguments
 * name (see command-risk.ts). Undefined when only an exact entry may allow it.
 */
export function widenableWords(command: string): readonly string[] | undefined {
  const parsed = shellWords(command);
  if (parsed.kind !== 'simple') return undefined;
  return commandRisk(parsed.words) === undefined ? parsed.words : undefined;
}

/**
 * Whether one `bash:…` entry allows `command`. Three forms:
 * - `bash:git status:*` — a prefix of words: the command's words start with `git status`;
 * - `bash:npm test*` — a glob with `*`/`?` over the command text (see `commandMatchesGlob`);
 * - `bash:make test` — that exact command.
 * The first two only ever allow a simple command whose program runs nothing named in its
 * arguments (`widenableWords`): `git -c alias.x='!…' x`, `sed '1e …'`, `find -exec`, `perl -e`
 * and compound commands need an exact entry.
 */
export function bashEntryAllows(rule: string, command: string): boolean {
  if (rule.endsWith(WORD_PREFIX_SUFFIX)) {
    const prefix = shellWords(rule.slice(0, -WORD_PREFIX_SUFFIX.length));
    const words = widenableWords(command);
    if (prefix.kind !== 'simple' || words === undefined || words.length < prefix.words.length) return false;
    if (prefix.words.length < wordsARuleMustName(words)) return false;
    return prefix.words.every((word, i) => words[i] === word);
  }
  if (!/[*?]/u.test(rule)) return rule === command;
  const words = widenableWords(command);
  return words !== undefined && commandMatchesGlob(rule, command) && globFixedWords(rule, command) >= wordsARuleMustName(words);
}

/**
 * How many of the command's leading words a glob spells out in full before its first wildcard:
 * `npm run build *` fixes 3 words, `npm test*` fixes `npm` and also `test` when the command's
 * word ends there; a start that is not plain words fixes none.
 */
function globFixedWords(glob: string, command: string): number {
  const wildcard = glob.search(/[*?]/u);
  const literal = wildcard < 0 ? glob : glob.slice(0, wildcard);
  const parsed = shellWords(literal);
  if (parsed.kind !== 'simple') return 0;
  const next = command.charAt(literal.length);
  const lastIsWhole = /[ \t]$/u.test(literal) || next === '' || next === ' ' || next === '\t';
  return lastIsWhole ? parsed.words.length : parsed.words.length - 1;
}

/** The command of a bash call, or undefined when the input has none (it then always asks). */
function bashCommand(call: ToolCall): string | undefined {
  const command = call.input['command'];
  return typeof command === 'string' ? command : undefined;
}

/** Whether the runner must wait for the user before running `call` (described by `spec`). */
export function needsApproval(policy: ApprovalPolicy, call: ToolCall, spec: ToolSpec): boolean {
  if (spec.effect === 'read') return false;
  if (policy.approve === 'auto') return false;
  if (policy.allow.includes(spec.name)) return false;
  if (spec.name !== BASH) return true;
  const command = bashCommand(call);
  if (command === undefined) return true;
  return !policy.allow.some(
    (entry) => entry.startsWith(BASH_PREFIX) && bashEntryAllows(entry.slice(BASH_PREFIX.length), command),
  );
}

/**
 * The words a prefix rule keeps: the program, its subcommand when it has one, and the script of
 * `npm run SCRIPT` — as many as the command needs a rule to name (see rule-reach.ts).
 */
function prefixWords(words: readonly string[]): readonly string[] {
  const [program] = words;
  if (program === undefined) return [];
  const needed = wordsARuleMustName(words);
  const named = words.slice(1, needed);
  if (SUBCOMMAND_PROGRAMS.has(program) && named.length > 0 && named.every((word) => /^[a-z][a-z0-9._:-]*$/u.test(word))) return words.slice(0, needed);
  return [program];
}

/** A word as it must be written inside a rule: bare when plain, else single-quoted. */
function quoteWord(word: string): string {
  return /^[A-Za-z0-9_@%+=,./:-]+$/u.test(word) ? word : `'${word.replace(/'/gu, "'\\''")}'`;
}

/**
 * The `allow` entry an "always" (`a`) answer adds: the tool's name, or for bash a prefix of
 * words (`a` on `git status --short` adds `bash:git status:*`, which allows `git status…` but
 * never `git -c …`). A command that is not simple, or whose program runs what its arguments
 * name (`sh`, `perl`, `find -exec`, `git -c`…), gets its exact command only (`bash:rm old.log`).
 * Undefined when no entry can say it: a bash call without a command, or an exact one
 * containing `*` or `?` (which an entry would read as wildcards), or a command holding control
 * characters (a rule the user cannot read is not one they agreed to: y/n only, issue 9).
 */
export function alwaysAllowEntry(call: ToolCall): string | undefined {
  if (call.name !== BASH) return call.name;
  const command = bashCommand(call);
  if (command === undefined || command.trim() === '' || hasHiddenControls(command)) return undefined;
  const candidates: string[] = [];
  const words = widenableWords(command);
  if (words !== undefined) {
    const prefix = prefixWords(words);
    if (prefix.length > 0) candidates.push(`${prefix.map(quoteWord).join(' ')}${WORD_PREFIX_SUFFIX}`);
  }
  if (!/[*?]/u.test(command) && !command.endsWith(WORD_PREFIX_SUFFIX)) candidates.push(command);
  // Offered only if it would allow this very call again (B12): `a` must never be a promise
  // that the next identical call breaks by asking again.
  const rule = candidates.find((candidate) => bashEntryAllows(candidate, command));
  return rule === undefined ? undefined : `${BASH_PREFIX}${rule}`;
}
