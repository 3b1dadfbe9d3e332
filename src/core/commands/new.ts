// `new NAME [--model M] [-- COMMAND ARGS…]`: open another agent (DESIGN.md §5).
// Its options come after NAME, which the shared grammar (options first) cannot express, so
// NAME is the positional and the rest is TEXT, read here. `--model M` before NAME works too.
import * as z from 'zod';
import { agentName } from '../command-arguments.js';
import { defineCommand, done, failure, type CommandOutcome } from '../command.js';
import { splitCommandWords } from '../command-words.js';
import { err, ok, type Result } from '../result.js';
import type { CockpitApi } from '../cockpit-api.js';
import { openedAgent, type OpenedValue } from '../command-values.js';

const NewArgs = z.object({
  options: z.object({ model: z.string().optional() }),
  positionals: z.object({ name: agentName }),
  text: z.string().optional(),
});

/** What follows NAME: an SDK agent (maybe on another model) or a command to host in a PTY. */
export type NewAgentTail =
  | { readonly kind: 'sdk'; readonly model: string | undefined }
  | { readonly kind: 'pty'; readonly model: string | undefined; readonly command: readonly string[] };

/**
 * Reads the TEXT after NAME: `--model M` (or `--model=M`), then optionally `-- COMMAND ARGS…`,
 * whose words may be quoted as in a shell (`-- bash -c 'sleep 777'`; see command-words.ts).
 */
export function readNewAgentTail(text: string | undefined, optionModel: string | undefined): Result<NewAgentTail> {
  const whole = text ?? '';
  const separator = /(?:^|\s)--(?:\s|$)/.exec(whole);
  const before = separator === null ? whole : whole.slice(0, separator.index);
  const tokens = before.split(/\s+/).filter((token) => token !== '');
  let model = optionModel;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] ?? '';
    if (token === '--model' || token.startsWith('--model=')) {
      if (model !== undefined) return err('--model given twice');
      const value = token === '--model' ? tokens[++index] : token.slice('--model='.length);
      if (value === undefined || value === '') return err('--model needs a value (M)');
      model = value;
      continue;
    }
    return err(`unexpected argument "${token}" (after NAME come --model M and -- COMMAND ARGS…)`);
  }
  if (separator === null) return ok({ kind: 'sdk', model });
  const command = splitCommandWords(whole.slice(separator.index + separator[0].length));
  if (!command.ok) return command;
  if (command.value.length === 0) return err('-- needs a COMMAND (-- COMMAND ARGS…)');
  return ok({ kind: 'pty', model, command: command.value });
}

// Opens the agent and reports it (its pane number and state).
function opened(api: CockpitApi, open: () => Result<string>): CommandOutcome<OpenedValue> {
  const before = [...api.agents()];
  const answer = open();
  if (!answer.ok) return failure('new', answer.error);
  const agent = openedAgent(before, api.agents());
  if (agent === undefined) return failure('new', `${answer.value}, but no new pane appeared`);
  return done(answer.value, { agent });
}

/** Opens an SDK agent configured like the focused one (a stored session named NAME is reattached), or a PTY agent with `-- COMMAND`. */
export const newCommand = defineCommand({
  name: 'new',
  usage: 'new NAME [--model M] [-- COMMAND ARGS…]',
  summary: "open agent NAME like the focused one (--model M: on model M; -- COMMAND: a PTY agent running it, ARGS quoted as in a shell: -- bash -c 'sleep 9')",
  spec: {
    options: [{ kind: 'value', flag: '--model', key: 'model', valueName: 'M' }],
    positionals: [{ key: 'name', name: 'NAME', required: true }],
    text: 'optional',
  },
  schema: NewArgs,
  run(api, { options, positionals, text }) {
    const tail = readNewAgentTail(text, options.model);
    if (!tail.ok) return failure('new', tail.error);
    const parsed = tail.value;
    if (parsed.kind === 'pty') {
      if (parsed.model !== undefined) return failure('new', '--model does not apply to a PTY agent (-- COMMAND)');
      return opened(api, () => api.panes.newPtyAgent(positionals.name, parsed.command));
    }
    const model = parsed.model;
    return opened(api, () => api.panes.newAgent(positionals.name, model === undefined ? {} : { model }));
  },
});
