// App commands (DESIGN.md §2): commands that act on the screen — panes, zoom, tiling, the
// overlays and pickers — in their own table, behind the same `dispatch` as core's commands.
// Each is defined against the running cockpit and bound to it when the app starts.
import type * as z from 'zod';
import { usageError, type ArgSpec, type Command, type CommandOutcome } from '../../core/command.js';
import type { CockpitApp } from '../cockpit-app.js';
import type { JsonValue } from '../../core/json-value.js';

/** An app command as written in its file: typed arguments from its schema, run against the app. */
export type AppCommandDefinition<Args> = {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly spec: ArgSpec;
  readonly schema: z.ZodType<Args>;
  /** Returns the shape of core commands (command.ts); `execute` adds the command's name. */
  readonly run: (app: CockpitApp, args: Args) => CommandOutcome;
};

/** An app command in the table: its usage for help, and `bind` to make a dispatchable command. */
export type AppCommand = {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  bind(app: CockpitApp): Command;
};

/** Pairs a schema with its `run`, so the table can hold app commands of different argument types. */
export function defineAppCommand<Args>(definition: AppCommandDefinition<Args>): AppCommand {
  return {
    name: definition.name,
    usage: definition.usage,
    summary: definition.summary,
    bind(app) {
      return {
        name: definition.name,
        usage: definition.usage,
        summary: definition.summary,
        spec: definition.spec,
        execute(_api, raw) {
          const parsed = definition.schema.safeParse(raw);
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            return { ...usageError(definition.name, issue === undefined ? 'invalid arguments' : issue.message), command: definition.name };
          }
          return { ...definition.run(app, parsed.data), command: definition.name };
        },
      };
    },
  };
}

/** A command that takes nothing. */
export const NO_ARGS: ArgSpec = { options: [], positionals: [], text: 'none' };

/** The ok result of an app command: a message for the status bar and its typed value (null: the command has nothing to report; see the allow list in test/app/command-table-values.test.ts). */
export function done(message: string, value: JsonValue = null): CommandOutcome {
  return { kind: 'ok', message, value };
}

/** The ok result of an overlay key's command: the overlay shows what happened, so the status bar keeps its message. */
export function quiet(): CommandOutcome {
  return { kind: 'ok', message: '', value: null };
}
