// `list-keys [MODE]` (DESIGN.md §5): one line per binding, `MODE KEY COMMAND-LINE  NOTE`,
// generated from the key table like the help and the hints.
import * as z from 'zod';
import { listKeys, MODE_NAMES, parseModeName, type ModeName } from '../../core/key-table.js';
import { defineAppCommand } from './app-command.js';
import { bindingsValue } from './screen-values.js';

const modeName = z.string().transform((text, context): ModeName => {
  const mode = parseModeName(text);
  if (mode !== undefined) return mode;
  context.issues.push({ code: 'custom', message: `unknown mode "${text}" (modes: ${MODE_NAMES.join(', ')})`, input: text });
  return z.NEVER;
});

/** Prints the bindings of one mode, or of every mode. */
export const listKeysCommand = defineAppCommand({
  name: 'list-keys',
  usage: 'list-keys [MODE]',
  summary: 'one line per key binding: MODE KEY COMMAND-LINE  NOTE',
  spec: { options: [], positionals: [{ key: 'mode', name: 'MODE', required: false }], text: 'none' },
  schema: z.object({ positionals: z.object({ mode: modeName.optional() }) }),
  run: (_app, { positionals }) => ({ kind: 'ok', message: listKeys(positionals.mode).join('\n'), value: bindingsValue(positionals.mode) }),
});
