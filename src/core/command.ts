// The Command type of DESIGN.md §2 ("everything is a command"): a name, a usage line, an
// argument spec for the command-line parser, a zod schema for what the parser yields, and `run`.
// Keys, the `:` prompt, tests and later `agentmux ctl` all reach commands through `dispatch`.
import type { z } from 'zod';
import type { TurnAddress } from './address.js';
import type { CockpitApi, DeliveryReceipt } from './cockpit-api.js';
import type { Result } from './result.js';
import type { SessionSummary } from './store.js';

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

/** What running a command gives back to the view (errors are values, shown in the status bar). */
export type CommandResult =
  | { readonly kind: 'ok'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string }
  | {
      readonly kind: 'receipts';
      readonly message: string;
      readonly receipts: readonly DeliveryReceipt[];
    }
  | {
      readonly kind: 'open-editor';
      readonly agent: string;
      readonly address: TurnAddress;
      readonly text: string;
    }
  | {
      readonly kind: 'sessions';
      readonly message: string;
      readonly sessions: readonly SessionSummary[];
    };

/** A command as written in its own file: typed arguments from its schema, used by `run`. */
export type CommandDefinition<Args> = {
  readonly name: string;
  /** The usage line exactly as DESIGN.md §5 shows it. */
  readonly usage: string;
  readonly summary: string;
  readonly spec: ArgSpec;
  readonly schema: z.ZodType<Args>;
  readonly run: (api: CockpitApi, args: Args) => CommandResult;
};

/** A command as the registry holds it: its arguments' type hidden behind `execute`. */
export type Command = {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly spec: ArgSpec;
  /** Validates parsed arguments with the command's schema, then runs it. */
  readonly execute: (api: CockpitApi, raw: RawArgs) => CommandResult;
};

/** A command file's export: its definition (schema and typed `run`) plus `execute` for the registry. */
export type DefinedCommand<Args> = CommandDefinition<Args> & Command;

/** Pairs a schema with its `run` so the registry can hold commands of different argument types. */
export function defineCommand<Args>(definition: CommandDefinition<Args>): DefinedCommand<Args> {
  return {
    ...definition,
    execute(api, raw) {
      const parsed = definition.schema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return failure(definition.name, issue === undefined ? 'invalid arguments' : issue.message);
      }
      return definition.run(api, parsed.data);
    },
  };
}

/** An error result whose message names the command first, as every command error does. */
export function failure(commandName: string, problem: string): CommandResult {
  return { kind: 'error', message: `${commandName}: ${problem}` };
}

/** Turns a controller answer into a result: its message as is, or its error under the command's name. */
export function fromResult(commandName: string, result: Result<string>): CommandResult {
  return result.ok ? { kind: 'ok', message: result.value } : failure(commandName, result.error);
}
