// Zod schemas for the argument kinds commands share (agents, addresses, numbers, turn ranges)
// and the option specs that go with them, so every command words the same problem the same way.
import * as z from 'zod';
import { parseAddress, type TurnAddress } from './address.js';
import type { OptionSpec } from './command.js';
import type { TurnRange } from './cockpit-api.js';
import { agentNameProblem } from './layout-file.js';

/** `-t AGENT`: an agent name or pane number; absent means the focused agent. */
export const targetOption: OptionSpec = {
  kind: 'value',
  flag: '-t',
  key: 'target',
  valueName: 'AGENT',
};

/** `--interrupt`: deliver a nudge at once instead of at the next safe point. */
export const interruptOption: OptionSpec = { kind: 'flag', flag: '--interrupt', key: 'interrupt' };

/** A present flag parses as `true`; an absent one as `false`. */
export const flag = z
  .literal(true)
  .optional()
  .transform((value) => value === true);

/** A new agent name (`new NAME`, `rename NAME`), held to the layout file's rules for names. */
export const agentName = z.string().transform((text, context): string => {
  const problem = agentNameProblem(text);
  if (problem === undefined) return text;
  context.issues.push({ code: 'custom', message: `NAME ${problem}`, input: text });
  return z.NEVER;
});

/** A token naming a turn or an entry (`3`, `3.2`), parsed with the address grammar of §3. */
export const turnAddress = z.string().transform((text, context): TurnAddress => {
  const parsed = parseAddress(text);
  if (parsed.ok) return parsed.value;
  context.issues.push({ code: 'custom', message: parsed.error, input: text });
  return z.NEVER;
});

/** A positive number given as an option value (`--usd 2.5`); the message names the option. */
export function positiveNumber(optionFlag: string): z.ZodType<number, string> {
  return z.string().transform((text, context) => {
    const value = /^(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
    if (value > 0) return value;
    context.issues.push({
      code: 'custom',
      message: `${optionFlag}: expected a positive number, got "${text}"`,
      input: text,
    });
    return z.NEVER;
  });
}

/** A positive whole number given as an option value (`--tokens 20000`); the message names the option. */
export function positiveInteger(optionFlag: string): z.ZodType<number, string> {
  return z.string().transform((text, context) => {
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (Number.isSafeInteger(value) && value > 0) return value;
    context.issues.push({
      code: 'custom',
      message: `${optionFlag}: expected a positive whole number, got "${text}"`,
      input: text,
    });
    return z.NEVER;
  });
}

const TURN_RANGE = /^(?:(\d+)\.\.(\d+)?|\.\.(\d+)|(\d+))$/;

/** Whether a token is written as a turn range: `A..B`, `A..`, `..B` or `A`. */
export function looksLikeTurnRange(token: string): boolean {
  return TURN_RANGE.test(token);
}

/** A FROM..TO token as graft's TurnRange; turns count from 1 and FROM may not exceed TO. */
export const turnRange = z.string().transform((text, context): TurnRange => {
  const range = readTurnRange(text);
  if (typeof range !== 'string') return range;
  context.issues.push({ code: 'custom', message: `FROM..TO: ${range}`, input: text });
  return z.NEVER;
});

// A range, or the problem with it as a string.
function readTurnRange(text: string): TurnRange | string {
  const match = TURN_RANGE.exec(text);
  if (match === null) return `"${text}" is not a turn range (A..B, A.., ..B or A)`;
  const [, openFrom, openTo, onlyTo, single] = match;
  const from = toTurn(single ?? openFrom);
  const to = toTurn(single ?? openTo ?? onlyTo);
  if (from === 0 || to === 0) return `"${text}": turns are numbered from 1`;
  if (from !== undefined && to !== undefined && from > to)
    return `"${text}": ${from} comes after ${to}`;
  if (from !== undefined && to !== undefined) return { from, to };
  if (from !== undefined) return { from };
  if (to !== undefined) return { to };
  return {};
}

function toTurn(digits: string | undefined): number | undefined {
  return digits === undefined ? undefined : Number(digits);
}
