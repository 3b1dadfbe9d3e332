// The one entry point for commands (DESIGN.md §2): keys, the `:` prompt, tests and later
// `agentmux ctl` all hand a command line to `dispatch`, which never throws.
import type { CockpitApi } from './cockpit-api.js';
import { parseArguments, readCommandHead } from './command-line.js';
import { suggestedCommand } from './command-suggestion.js';
import type { Command, CommandResult } from './command.js';
import { COMMANDS } from './commands/index.js';

/** What completing a partly typed command name offers: the matches and their common prefix. */
export type CommandNameCompletion = {
  readonly matches: readonly string[];
  readonly completed: string;
};

/** Parses a command line (a leading `:` is allowed), validates its arguments, runs it. */
export function dispatch(api: CockpitApi, line: string): CommandResult {
  return dispatchWith(COMMANDS, api, line);
}

/** `dispatch` over a given command table, so tests and later tables can supply their own. */
export function dispatchWith(
  commands: readonly Command[],
  api: CockpitApi,
  line: string,
): CommandResult {
  const head = readCommandHead(line.replace(/^\s*:/, ''));
  const names = commands.map((command) => command.name).join(', ');
  if (head === undefined) return { kind: 'error', code: 'usage', message: `no command given (try: ${names})`, command: undefined };
  const command = commands.find((candidate) => candidate.name === head.name);
  if (command === undefined) {
    const guess = suggestedCommand(head.name, commands.map((known) => known.name));
    const meant = guess === undefined ? '' : `: did you mean ${guess}?`;
    return { kind: 'error', code: 'unknown-command', message: `unknown command "${head.name}"${meant} (try: ${names})`, command: undefined };
  }
  const parsed = parseArguments(command.name, command.spec, head.rest);
  if (!parsed.ok) return { kind: 'error', code: 'usage', message: parsed.error, command: command.name };
  return command.execute(api, parsed.value);
}

/** Looks up a command by exact name, e.g. for the help overlay. */
export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}

/** The names of every command, in table order, for prompt completion and help. */
export function commandNames(): readonly string[] {
  return COMMANDS.map((command) => command.name);
}

/** Completes a partly typed command name, as Tab at the prompt would: all matches and their common prefix. */
export function completeCommandName(prefix: string, names: readonly string[] = commandNames()): CommandNameCompletion {
  const matches = names.filter((name) => name.startsWith(prefix));
  return { matches, completed: commonPrefix(matches) ?? prefix };
}

function commonPrefix(words: readonly string[]): string | undefined {
  const [first, ...others] = words;
  if (first === undefined) return undefined;
  let length = first.length;
  for (const word of others) {
    while (!word.startsWith(first.slice(0, length))) length -= 1;
  }
  return first.slice(0, length);
}
