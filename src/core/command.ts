// The Command type of DESIGN.md §2 ("everything is a command"): a name, a usage line, an
// argument spec for the command-line parser, a zod schema for what the parser yields, and `run`.
// Keys, the `:` prompt, tests and `agentmux ctl` all reach commands through `dispatch`.
//
// The result shape, for every command table (core's and the app's):
//   run → { kind: 'ok', message, value }        message: the status-bar text; value: a typed,
//                                                JSON-safe record of what it did (`done`, `fromResult`)
//       | { kind: 'error', code, message }       `failure` / `usageError`; never parsed back from text
//       | { kind: 'open-editor', … }             only `edit` without TEXT
// `execute` (what `dispatch` calls) adds `command`, the command's name.
import type * as z from 'zod';
import type { TurnAddress } from './address.js';
import type { CockpitApi } from './cockpit-api.js';
import type { JsonValue } from './json-value.js';
import type { Result } from './result.js';

/** An option before the positional arguments: a bare flag (`--interrupt`) or one with a value (`-t AGENT`). */
export type OptionSpec =
  | { readonly kind: 'flag'; readonly flag: string; readonly key: string }
  | {
      readonly kind: 'value';
      readonly flag: string;
      readonly key: string;
      readonly valueName: string;
    };

/**
 * A positional argument, one whitespace-free token. `matches`, when present on an optional
 * positional, decides whether a token is this argument at all (graft's FROM..TO); a token that
 * does not match is left for what follows.
 */
export type PositionalSpec = {
  readonly key: string;
  readonly name: string;
  readonly required: boolean;
  readonly matches?: (token: string) => boolean;
};

/** Whether the command takes TEXT, the verbatim rest of the line. */
export type TextArity = 'required' | 'optional' | 'none';

/** What the parser needs to know about a command's arguments. */
export type ArgSpec = {
  readonly options: readonly OptionSpec[];
  readonly positionals: readonly PositionalSpec[];
  readonly text: TextArity;
};

/**
 * What the parser yields, before validation: option values by key (`true` for a flag),
 * positional tokens by key, and TEXT (undefined when absent or only whitespace).
 */
export type RawArgs = {
  readonly options: Readonly<Record<string, string | true>>;
  readonly positionals: Readonly<Record<string, string>>;
  readonly text: string | undefined;
};

/**
 * Why a command line failed, for scripts (ctl exits 1 for all of them): `unknown-command`, `usage`
 * (no command, bad options or arguments, an unknown `-t` agent) or `failed` (the command's own
 * error). The message is what a person reads, the command's name first.
 */
export type CommandErrorCode = 'unknown-command' | 'usage' | 'failed';

/** A failed command line: structured until the edge (status bar, ctl), never parsed back. */
export type CommandError = { readonly kind: 'error'; readonly code: CommandErrorCode; readonly message: string };

/**
 * What a command's `run` gives back. `ok`: the status-bar text beside a typed, JSON-safe `value`
 * saying what it did (ctl prints `{"ok","command","message","value"}`). `open-editor`: `edit`
 * without TEXT asks the view to open the entry in an editor.
 */
export type CommandOutcome<Value extends JsonValue = JsonValue> =
  | { readonly kind: 'ok'; readonly message: string; readonly value: Value }
  | CommandError
  | {
      readonly kind: 'open-editor';
      readonly agent: string;
      readonly address: TurnAddress;
      readonly text: string;
    };

/** What `dispatch` returns: the outcome plus the name of the command that ran (undefined when none was found). */
export type CommandResult = CommandOutcome & { readonly command: string | undefined };

/**
 * A command as written in its own file: typed arguments from its schema, used by `run`, and the
 * type of the value an ok result carries (JSON-safe by construction: see json-value.ts).
 */
export type CommandDefinition<Args, Value extends JsonValue> = {
  readonly name: string;
  /** The usage line exactly as DESIGN.md §5 shows it. */
  readonly usage: string;
  readonly summary: string;
  readonly spec: ArgSpec;
  readonly schema: z.ZodType<Args>;
  readonly run: (api: CockpitApi, args: Args) => CommandOutcome<Value>;
};

/** A command as the registry holds it: its arguments' type hidden behind `execute`. */
export type Command = {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly spec: ArgSpec;
  /** Validates parsed arguments with the command's schema, then runs it; the result names the command. */
  readonly execute: (api: CockpitApi, raw: RawArgs) => CommandResult;
};

/** A command file's export: its definition (schema and typed `run`) plus `execute` for the registry. */
export type DefinedCommand<Args, Value extends JsonValue> = CommandDefinition<Args, Value> & Command;

/** Pairs a schema with its `run` so the registry can hold commands of different argument and value types. */
export function defineCommand<Args, Value extends JsonValue>(
  definition: CommandDefinition<Args, Value>,
): DefinedCommand<Args, Value> {
  return {
    ...definition,
    execute(api, raw) {
      const parsed = definition.schema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return { ...usageError(definition.name, issue === undefined ? 'invalid arguments' : issue.message), command: definition.name };
      }
      return { ...definition.run(api, parsed.data), command: definition.name };
    },
  };
}

/** An error result whose message names the command first, as every command error does. */
export function failure(commandName: string, problem: string): CommandError {
  return { kind: 'error', code: 'failed', message: `${commandName}: ${problem}` };
}

/** A usage error (bad option, argument or `-t` agent) under the command's name. */
export function usageError(commandName: string, problem: string): CommandError {
  return { kind: 'error', code: 'usage', message: `${commandName}: ${problem}` };
}

/** An ok result: the status-bar text and the value. */
export function done<Value extends JsonValue>(message: string, value: Value): CommandOutcome<Value> {
  return { kind: 'ok', message, value };
}

/**
 * Turns a controller answer into a result: its message with the value `valueOf` computes after
 * success (so it sees the change), or its error under the command's name.
 */
export function fromResult<Value extends JsonValue>(commandName: string, result: Result<string>, valueOf: () => Value): CommandOutcome<Value> {
  return result.ok ? done(result.value, valueOf()) : failure(commandName, result.error);
}
