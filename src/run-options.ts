// The command line of `agentmux run ARG [--args JSON] [--sessions DIR] [--concurrency N]
// [--model M] [--providers FILE] [--approve ask|auto] [--allow PATTERN]… [--budget-tokens N]
// [--budget-usd X] [--stall-after S] [--headless] [--demo] [--layout NAME|FILE] [--debug]` (issue 13, DESIGN.md §9),
// parsed with node:util.parseArgs. Pure: cli.ts prints and exits.
import { parseArgs } from 'node:util';
import { DEFAULT_SESSIONS_DIR } from './cli-options.js';
import { JsonValueSchema, type JsonValue } from './core/json-value.js';
import { DEFAULT_ASSUME_ITEMS, DEFAULT_ASSUME_TOKENS } from './core/workflow/dry-run-projection.js';
import { err, messageOf, ok, type Result } from './core/result.js';
import { HOLD_NEEDS_A_PERSON } from './core/workflow/hold-steering.js';

export const DEFAULT_CONCURRENCY = 16;
/** Seconds a working agent may stay silent before the run view marks it stalled. */
export const DEFAULT_STALL_AFTER = 60;

/** `--continue RUN [--recorded]`: which run to continue, and with which script text (issue 15). */
export type ContinueTarget = { readonly run: string; readonly recorded: boolean };

/** What `agentmux run` was asked to do: start ARG, or continue a run. */
export type RunWorkflowOptions = RunFlags & ({ readonly ref: string; readonly continued?: undefined } | { readonly ref?: undefined; readonly continued: ContinueTarget });

/** The flags every `agentmux run` takes. */
export type RunFlags = {
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
  /** `--dry-run`: stand-ins answer every agent(), nothing is called; the projection is printed. */
  readonly dryRun: boolean;
  /** `--assume-items N` and `--assume-tokens N`: the dry run's (and the confirmation's) assumptions. */
  readonly assumeItems: number;
  readonly assumeTokens: number;
  /** `--confirm-over-usd X`: a run projected above $X asks first (headless: refused without --yes). */
  readonly confirmOverUsd: number | null;
  /** `--yes`: start even when projected above the threshold. */
  readonly yes: boolean;
  /** `--hold PHASE` (repeatable; `all`): answers of agents in those phases wait for the person. */
  readonly hold: readonly string[];
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

function nonNegativeInteger(flag: string, text: string | undefined): Result<number | null> {
  if (text === undefined) return ok(null);
  const value = Number(text);
  return Number.isSafeInteger(value) && value >= 0 ? ok(value) : err(`agentmux run: ${flag}: expected a whole number, got "${text}"`);
}

function nonNegativeNumber(flag: string, text: string | undefined): Result<number | null> {
  if (text === undefined) return ok(null);
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 ? ok(value) : err(`agentmux run: ${flag}: expected an amount in USD, got "${text}"`);
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
  'dry-run': { type: 'boolean' },
  'assume-items': { type: 'string' },
  'assume-tokens': { type: 'string' },
  'confirm-over-usd': { type: 'string' },
  yes: { type: 'boolean' },
  hold: { type: 'string', multiple: true },
  continue: { type: 'string' },
  recorded: { type: 'boolean' },
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
    '       agentmux run --continue RUN [--recorded] [options]',
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
    '  --dry-run             answer every agent() at once with a stand-in, call no model, and print',
    '                        the agents and a cost range per phase',
    `  --assume-items N      a dry run's structured answers hold N items per array (default: ${DEFAULT_ASSUME_ITEMS})`,
    `  --assume-tokens N     a dry run prices N tokens per agent (default: ${DEFAULT_ASSUME_TOKENS})`,
    '  --confirm-over-usd X  ask before starting a run projected above $X (headless: refused)',
    '  --yes                 start even when projected above --confirm-over-usd',
    "  --hold PHASE          answers of PHASE's agents wait for you to accept, edit or send them",
    '                        back before the script sees them (repeatable; all: every phase)',
    "  --continue RUN        run RUN's script again in the same run: calls with a recorded value",
    '                        are reused, agents cut off mid-turn continue their own sessions',
    "  --recorded            with --continue: the script text the run last ran, not the file's",
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
  if (values.continue !== undefined && ref !== undefined) return err(`agentmux run: --continue ${values.continue} runs the recorded run's script: no NAME|FILE ("${ref}")`);
  if (values.continue !== undefined && values.args !== undefined) return err('agentmux run: --continue keeps the run\'s recorded --args');
  if (values.continue === undefined && values.recorded === true) return err('agentmux run: --recorded goes with --continue RUN');
  if (extra.length > 0) return err(`agentmux run: unexpected argument "${extra[0] ?? ''}" (pass arguments with --args JSON)`);
  const approve = values.approve ?? 'ask';
  if (approve !== 'ask' && approve !== 'auto') return err(`agentmux run: --approve: expected ask or auto, got "${approve}"`);
  const concurrency = positiveInteger('--concurrency', values.concurrency);
  if (!concurrency.ok) return concurrency;
  const budgetTokens = positiveInteger('--budget-tokens', values['budget-tokens']);
  if (!budgetTokens.ok) return budgetTokens;
  const budgetUsd = positiveNumber('--budget-usd', values['budget-usd']);
  if (!budgetUsd.ok) return budgetUsd;
  const assumeItems = nonNegativeInteger('--assume-items', values['assume-items']);
  if (!assumeItems.ok) return assumeItems;
  const assumeTokens = positiveInteger('--assume-tokens', values['assume-tokens']);
  if (!assumeTokens.ok) return assumeTokens;
  const confirmOverUsd = nonNegativeNumber('--confirm-over-usd', values['confirm-over-usd']);
  if (!confirmOverUsd.ok) return confirmOverUsd;
  const hold = values.hold ?? [];
  if (hold.length > 0 && values.headless === true) return err(`agentmux run: --hold cannot be used with --headless: ${HOLD_NEEDS_A_PERSON}`);
  if (hold.some((phase) => phase.trim() === '')) return err('agentmux run: --hold: name a phase (or all)');
  let target: { readonly ref: string } | { readonly continued: ContinueTarget };
  if (values.continue !== undefined) target = { continued: { run: values.continue, recorded: values.recorded ?? false } };
  else if (ref === undefined) return err('agentmux run: which workflow? (agentmux run NAME|FILE [--headless] …)');
  else target = { ref };
  const stallAfter = positiveNumber('--stall-after', values['stall-after']);
  if (!stallAfter.ok) return stallAfter;
  return ok({
    ...target,
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
    dryRun: values['dry-run'] ?? false,
    assumeItems: assumeItems.value ?? DEFAULT_ASSUME_ITEMS,
    assumeTokens: assumeTokens.value ?? DEFAULT_ASSUME_TOKENS,
    confirmOverUsd: confirmOverUsd.value,
    yes: values.yes ?? false,
    hold,
  });
}
