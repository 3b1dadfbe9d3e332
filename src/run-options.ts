// The command line of `agentmux run ARG [--args JSON] [--sessions DIR] [--concurrency N]
// [--model M] [--providers FILE] [--approve ask|auto] [--allow PATTERN]… [--budget-tokens N]
// [--budget-usd X] [--stall-after S] [--headless] [--demo] [--layout NAME|FILE] [--debug]` (issue 13, DESIGN.md §9),
// parsed with node:util.parseArgs. Pure: cli.ts prints and exits.
import { parseArgs } from 'node:util';
import { DEFAULT_SESSIONS_DIR } from './cli-options.js';
import { JsonValueSchema, type JsonValue } from './core/json-value.js';
import { err, messageOf, ok, type Result } from './core/result.js';

export const DEFAULT_CONCURRENCY = 16;
/** Seconds a working agent may stay silent before the run view marks it stalled. */
export const DEFAULT_STALL_AFTER = 60;

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
  /** `--stall-after S`: seconds of silence before a working agent shows as stalled. */
  readonly stallAfter: number;
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

/** Every flag of `agentmux run`, for parseArgs and for the help that must list them all. */
export const RUN_FLAGS = {
  args: { type: 'string' },
  sessions: { type: 'string' },
  concurrency: { type: 'string' },
  model: { type: 'string' },
  providers: { type: 'string' },
  approve: { type: 'string' },
  allow: { type: 'string', multiple: true },
  'budget-tokens': { type: 'string' },
  'budget-usd': { type: 'string' },
  'stall-after': { type: 'string' },
  headless: { type: 'boolean' },
  demo: { type: 'boolean' },
  layout: { type: 'string' },
  debug: { type: 'boolean' },
} as const;

/** Whether the arguments after `run` ask for its help (`--help` or `-h` before any `--`). */
export function wantsRunHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/** `agentmux run --help`: the usage with every flag and its default. */
export function runHelpText(): string {
  return [
    'Usage: agentmux run NAME|FILE [options]',
    '',
    'Runs a workflow script (a NAME of the workflows folder, or a FILE) in the cockpit, or with',
    '--headless without a screen: the result on stdout, one line per event on stderr.',
    '',
    'Options:',
    '  --args JSON           the script\'s `args` (text that is not JSON is passed as a string)',
    `  --sessions DIR        the session store (default: ${DEFAULT_SESSIONS_DIR}/ in the current directory)`,
    `  --concurrency N       at most N agents working at once (default: ${DEFAULT_CONCURRENCY})`,
    '  --model M             the model for agent() calls that name none',
    '  --providers FILE      the providers file for ENDPOINT/MODEL names (default: DIR/providers.json)',
    '  --approve ask|auto    ask before edits and commands (default: ask; headless: refused)',
    '  --allow PATTERN       a tool call that never asks (repeatable)',
    '  --budget-tokens N     stop the run after N output tokens (agents pause as over-budget)',
    '  --budget-usd X        stop the run after $X',
    `  --stall-after S       the run view marks a working agent silent for S seconds stalled (default: ${DEFAULT_STALL_AFTER})`,
    '  --headless            no screen: exit 0 done, 1 failed, 2 bad arguments, 3 over budget or stopped',
    '  --demo                the scripted model on a temporary copy of the sample project',
    '  --layout NAME|FILE    the cockpit layout around the run',
    '  --debug               log more, and say where the log file is',
    '  -h, --help            show this help',
    '',
    'With no ANTHROPIC_API_KEY and no ANTHROPIC_BASE_URL (and without --demo), agents run on',
    'the scripted model in the current directory; calls naming ENDPOINT/MODEL of the',
    'providers file always go to that endpoint.',
  ].join('\n');
}

/** Parses the arguments after `run`; the first problem is the error, ready for stderr (exit 2). */
export function parseRunOptions(argv: readonly string[]): Result<RunWorkflowOptions> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: RUN_FLAGS,
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
  const stallAfter = positiveNumber('--stall-after', values['stall-after']);
  if (!stallAfter.ok) return stallAfter;
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
    stallAfter: stallAfter.value ?? DEFAULT_STALL_AFTER,
    headless: values.headless ?? false,
    demo: values.demo ?? false,
    layout: values.layout,
    debug: values.debug ?? false,
  });
}
