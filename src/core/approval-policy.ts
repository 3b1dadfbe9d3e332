// Which tool calls wait for the user's y/a/n (DESIGN.md §4, "Approval policy"). Pure: the
// layout gives the policy, the runner asks before running a call that needs approval.
import type { ToolSpec } from './model-request.js';
import type { ToolCall } from './tools.js';

/**
 * `approve: 'auto'` runs every call; `'ask'` asks before writes and `bash` unless `allow` has
 * the tool's name (`"write_file"`) or, for bash, `"bash:GLOB"` matching the whole command.
 */
export type ApprovalPolicy = {
  readonly approve: 'ask' | 'auto';
  readonly allow: readonly string[];
};

/** The policy an agent gets when its layout says nothing: ask, allow nothing. */
export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = { approve: 'ask', allow: [] };

const BASH = 'bash';
const BASH_PREFIX = 'bash:';

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
    (entry) =>
      entry.startsWith(BASH_PREFIX) && commandMatchesGlob(entry.slice(BASH_PREFIX.length), command),
  );
}

/**
 * First words whose `WORD *` pattern would allow far more than the call the user saw: deleting,
 * overwriting disks, changing owners, or running any other command (`sh -c …`, `xargs …`).
 */
const NARROWED_FIRST_WORDS: ReadonlySet<string> = new Set([
  'rm', 'rmdir', 'shred', 'dd', 'mkfs', 'chmod', 'chown', 'chgrp', 'kill', 'pkill', 'killall',
  'sudo', 'su', 'doas', 'bash', 'sh', 'zsh', 'dash', 'eval', 'exec', 'env', 'xargs', 'find',
  'nohup', 'timeout', 'nice', 'command', 'builtin', 'time', 'watch', '!',
]);

/**
 * Whether `a` on a bash command starting with `word` allows only that exact command: also for
 * `NAME=value` (a variable set before any command) and for quoted or escaped words (`\rm`, `"rm"`).
 */
function narrowedWord(word: string): boolean {
  const unquoted = word.replace(/[\\'"]/gu, '');
  const program = unquoted.slice(unquoted.lastIndexOf('/') + 1);
  return NARROWED_FIRST_WORDS.has(program) || program.startsWith('mkfs.') || program.includes('=');
}

/**
 * The `allow` entry an "always" (`a`) answer adds: the tool's name, or for bash
 * `bash:WORD *` (WORD: the command's first word), so `a` on `npm test -- -u` allows later
 * `npm` commands with arguments — not a bare `npm`, nor one chaining another command. For a
 * first word that deletes or runs other commands (`rm`, `sudo`, `sh`, `xargs`…) it is the exact
 * command only (`bash:rm old.log`), as for any command `WORD *` would not match again (`a; b`,
 * `x > f`). Undefined when no entry can say it: a bash call without a command, or one that no
 * pattern matches again and that contains `*` or `?` (which a pattern would read as wildcards).
 */
export function alwaysAllowEntry(call: ToolCall): string | undefined {
  if (call.name !== BASH) return call.name;
  const command = bashCommand(call);
  const firstWord = command?.trim().split(/\s+/u)[0];
  if (command === undefined || firstWord === undefined || firstWord === '') return undefined;
  const candidates: string[] = [];
  if (!narrowedWord(firstWord)) candidates.push(`${firstWord} *`);
  if (!/[*?]/u.test(command)) candidates.push(command);
  // An entry is offered only if it would allow this very call again (B12): `echo a; echo b`
  // is no `echo *` (a wildcard never spans `;`), so it gets the exact command instead.
  const glob = candidates.find((candidate) => commandMatchesGlob(candidate, command));
  return glob === undefined ? undefined : `${BASH_PREFIX}${glob}`;
}
