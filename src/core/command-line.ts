// The command-line grammar of DESIGN.md §5: NAME, then options, then positional arguments (as
// the usage shows), then TEXT, the rest of the line verbatim.
//
// Precisely:
// - Tokens are runs of non-whitespace; nothing is quoted or escaped (`"`, `>`, `|` are characters).
// - Options are recognised only before the first non-option token: a token starting with `-`
//   (other than `-` alone) is an option until then; `--` ends options explicitly.
//   A valued option takes the next token (`-t alpha`), or `--name=value` for long options.
// - Positionals are then taken in order, one token each; an optional positional with a
//   `matches` test is skipped when the next token does not match.
// - TEXT starts at the first non-whitespace character after the last thing consumed (the last
//   positional, or `--`, or the last option, or the name): exactly the whitespace run that
//   separates it is skipped, internal and trailing spacing are kept. Only whitespace → no TEXT.
import type { ArgSpec, OptionSpec, RawArgs } from './command.js';
import { err, ok, type Result } from './result.js';

type Token = { readonly text: string; readonly end: number };

/** The command name and the unparsed rest of a line, for the registry lookup. */
export type CommandHead = { readonly name: string; readonly rest: string };

/** Splits off the command name (the first token); `undefined` when the line is blank. */
export function readCommandHead(line: string): CommandHead | undefined {
  const token = nextToken(line, 0);
  if (token === undefined) return undefined;
  return { name: token.text, rest: line.slice(token.end) };
}

/** Parses what follows a command's name against its argument spec; errors name the command. */
export function parseArguments(commandName: string, spec: ArgSpec, input: string): Result<RawArgs> {
  const fail = (problem: string): Result<RawArgs> => err(`${commandName}: ${problem}`);
  const options: Record<string, string | true> = {};
  const positionals: Record<string, string> = {};
  let position = 0;

  for (;;) {
    const token = nextToken(input, position);
    if (token === undefined || !looksLikeOption(token.text)) break;
    position = token.end;
    if (token.text === '--') break;
    const [flag, inlineValue] = splitInlineValue(token.text);
    const option = findOption(spec.options, flag);
    if (option === undefined) return fail(`unknown option "${token.text}"`);
    if (option.key in options) return fail(`${option.flag} given twice`);
    if (option.kind === 'flag') {
      if (inlineValue !== undefined) return fail(`${option.flag} takes no value`);
      options[option.key] = true;
      continue;
    }
    if (inlineValue !== undefined) {
      if (inlineValue === '') return fail(`${option.flag} needs a value (${option.valueName})`);
      options[option.key] = inlineValue;
      continue;
    }
    const value = nextToken(input, position);
    if (value === undefined) return fail(`${option.flag} needs a value (${option.valueName})`);
    options[option.key] = value.text;
    position = value.end;
  }

  let skipped: string | undefined;
  for (const positional of spec.positionals) {
    const token = nextToken(input, position);
    if (token === undefined) {
      if (positional.required) return fail(`${positional.name} is required`);
      break;
    }
    if (
      !positional.required &&
      positional.matches !== undefined &&
      !positional.matches(token.text)
    ) {
      skipped = positional.name;
      continue;
    }
    positionals[positional.key] = token.text;
    position = token.end;
  }

  const rest = input.slice(skipWhitespace(input, position));
  const text = rest === '' ? undefined : rest;
  switch (spec.text) {
    case 'required':
      if (text === undefined) return fail('TEXT is required');
      break;
    case 'optional':
      break;
    case 'none':
      if (text !== undefined) {
        const extra = nextToken(rest, 0)?.text ?? rest;
        return fail(
          `unexpected argument "${extra}"${skipped === undefined ? '' : ` (not a ${skipped})`}`,
        );
      }
      break;
  }
  return ok({ options, positionals, text });
}

function looksLikeOption(token: string): boolean {
  // A negative number is a value (`timeline-move -1`), never an option.
  return token.startsWith('-') && token !== '-' && !/^-\d+$/.test(token);
}

// `--usd=5` → ["--usd", "5"]; short options and flags without `=` have no inline value.
function splitInlineValue(token: string): readonly [string, string | undefined] {
  const equals = token.indexOf('=');
  if (!token.startsWith('--') || equals < 0) return [token, undefined];
  return [token.slice(0, equals), token.slice(equals + 1)];
}

function findOption(options: readonly OptionSpec[], flag: string): OptionSpec | undefined {
  return options.find((option) => option.flag === flag);
}

function isWhitespace(character: string): boolean {
  return /\s/.test(character);
}

function skipWhitespace(input: string, from: number): number {
  let index = from;
  while (index < input.length && isWhitespace(input.charAt(index))) index += 1;
  return index;
}

function nextToken(input: string, from: number): Token | undefined {
  const start = skipWhitespace(input, from);
  if (start >= input.length) return undefined;
  let end = start;
  while (end < input.length && !isWhitespace(input.charAt(end))) end += 1;
  return { text: input.slice(start, end), end };
}
