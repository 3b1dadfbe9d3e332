// The command line of `agentmux run ARG [--args JSON] [--sessions DIR] [--concurrency N]
// [--model M] [--providers FILE] [--approve ask|auto] [--allow PATTERN]… [--budget-tokens N]
// [--budget-usd X] [--headless] [--demo] [--layout NAME|FILE] [--debug]` (issue 13, DESIGN.md §9),
// parsed with node:util.parseArgs. Pure: cli.ts prints and exits.
import { parseArgs } from 'node:util';
import { DEFAULT_SESSIONS_DIR } from './cli-options.js';
import { JsonValueSchema, type JsonValue } from './core/json-value.js';
import { err, messageOf, ok, type Result } from './core/result.js';

export const DEFAULT_CONCURRENCY = 16;

/** What `agentmux run` was asked to do. */
export type RunWorkflowOptions = {
  readonly ref: string;
  /** `--args`: parsed JSON, or the text itself when it is not JSON; undefined when absent. */
  readonly args: JsonValue | undefined;
  readonly sessions: string;
  readonly concurrency: number;
  readonly model: string | undefined;
  readonly providers: string | undefined;
  readonly approve: 'ask' | 'auto';
  readonly allow: readonly string[];
  readonly budgetTokens: number | null;
  readonly budgetUsd: number | null;
  readonly headless: boolean;
  readonly demo: boolean;
  readonly layout: string | undefined;
  readonly debug: boolean;
};

/** `--args` text: JSON when it parses as JSON, otherwise the string as given. */
export function parseRunArgs(text: string): JsonValue {
  try {
    const parsed = JsonValueSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : text;
  } catch {
    return text;
  }
}

function positiveInteger(flag: string, text: string | undefined): Result<number | null> {
  if (text === undefined) return ok(null);
  const value = Number(text);
  return Number.isSafeInteger(value) && value > 0 ? ok(value) : err(`agentmux run: ${flag}: expected a positive integer, got "${text}"`);
}

function positiveNumber(flag: string, text: string | undefined): Result<number | null> {
  if (text === undefined) return ok(null);
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? ok(value) : err(`agentmux run: ${flag}: expected a positive number, got "${text}"`);
}

/** Parses the arguments after `run`; the first problem is the error, ready for stderr (exit 2). */
export function parseRunOptions(argv: readonly string[]): Result<RunWorkflowOptions> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        args: { type: 'string' },
        sessions: { type: 'string' },
        concurrency: { type: 'string' },
        model: { type: 'string' },
        providers: { type: 'string' },
        approve: { type: 'string' },
        allow: { type: 'string', multiple: true },
        'budget-tokens': { type: 'string' },
        'budget-usd': { type: 'string' },
        headless: { type: 'boolean' },
        demo: { type: 'boolean' },
        layout: { type: 'string' },
        debug: { type: 'boolean' },
      },
    });
  } catch (thrown) {
    return err(`agentmux run: ${messageOf(thrown)}`);
  }
  const { values, positionals } = parsed;
  const [ref, ...extra] = positionals;
  if (ref === undefined) return err('agentmux run: which workflow? (agentmux run NAME|FILE [--headless] …)');
  if (extra.length > 0) return err(`agentmux run: unexpected argument "${extra[0] ?? ''}" (pass arguments with --args JSON)`);
  const approve = values.approve ?? 'ask';
  if (approve !== 'ask' && approve !== 'auto') return err(`agentmux run: --approve: expected ask or auto, got "${approve}"`);
  const concurrency = positiveInteger('--concurrency', values.concurrency);
  if (!concurrency.ok) return concurrency;
  const budgetTokens = positiveInteger('--budget-tokens', values['budget-tokens']);
  if (!budgetTokens.ok) return budgetTokens;
  const budgetUsd = positiveNumber('--budget-usd', values['budget-usd']);
  if (!budgetUsd.ok) return budgetUsd;
  return ok({
    ref,
    args: values.args === undefined ? undefined : parseRunArgs(values.args),
    sessions: values.sessions ?? DEFAULT_SESSIONS_DIR,
    concurrency: concurrency.value ?? DEFAULT_CONCURRENCY,
    model: values.model,
    providers: values.providers,
    approve,
    allow: values.allow ?? [],
    budgetTokens: budgetTokens.value,
    budgetUsd: budgetUsd.value,
    headless: values.headless ?? false,
    demo: values.demo ?? false,
    layout: values.layout,
    debug: values.debug ?? false,
  });
}
