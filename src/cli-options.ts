// The command line of DESIGN.md §5: `agentmux [--layout NAME|FILE] [--sessions DIR] [--demo]
// [--debug] [--stall-after S]`, `--help`, `--version`. Parsing is pure; cli.ts prints and exits.
import { providerConfigFromEnv } from './adapters/provider-config.js';
import { err, ok, type Result } from './core/result.js';

export const DEFAULT_LAYOUT = 'default';
export const DEFAULT_SESSIONS_DIR = 'sessions';

/** What to start the cockpit with. */
export type RunOptions = {
  readonly action: 'run';
  /** A layout name (looked up in the layouts folder) or a layout file path. */
  readonly layout: string;
  /** The session store directory, as given (relative to the current directory). */
  readonly sessions: string;
  readonly demo: boolean;
  readonly debug: boolean;
  /** `--stall-after S`: seconds a working workflow agent may stay silent before the run view marks it stalled (absent: 60). */
  readonly stallAfter?: number;
};

/** What the command line asks for: print help, print the version, or run the cockpit. */
export type CliOptions = { readonly action: 'help' } | { readonly action: 'version' } | RunOptions;

type ValueFlag = '--layout' | '--sessions' | '--stall-after';

const VALUE_HINTS: Readonly<Record<ValueFlag, string>> = {
  '--layout': 'a layout NAME or FILE',
  '--sessions': 'a directory',
  '--stall-after': 'a number of seconds',
};

/**
 * Parses the arguments after the program name (`process.argv.slice(2)`). `--help`/`--version`
 * win as soon as they are seen; the first problem found is the error, ready for stderr.
 */
export function parseCliOptions(argv: readonly string[]): Result<CliOptions, string> {
  let layout = DEFAULT_LAYOUT;
  let sessions = DEFAULT_SESSIONS_DIR;
  let demo = false;
  let debug = false;
  let stallAfter: number | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    const equals = argument.startsWith('--') ? argument.indexOf('=') : -1;
    const flag = equals === -1 ? argument : argument.slice(0, equals);
    const inline = equals === -1 ? undefined : argument.slice(equals + 1);
    switch (flag) {
      case '--help':
      case '-h':
      case '--version':
      case '-v':
      case '--demo':
      case '--debug': {
        if (inline !== undefined) return err(`agentmux: option "${flag}" takes no value`);
        if (flag === '--help' || flag === '-h') return ok({ action: 'help' });
        if (flag === '--version' || flag === '-v') return ok({ action: 'version' });
        if (flag === '--demo') demo = true;
        else debug = true;
        break;
      }
      case '--layout':
      case '--sessions':
      case '--stall-after': {
        const next = argv[index + 1];
        const value = inline ?? (next === undefined || next.startsWith('-') ? undefined : next);
        if (value === undefined || value === '') {
          return err(`agentmux: option "${flag}" needs a value (${VALUE_HINTS[flag]})`);
        }
        if (inline === undefined) index++;
        if (flag === '--stall-after') {
          const seconds = Number(value);
          if (!Number.isFinite(seconds) || seconds <= 0) return err(`agentmux: option "--stall-after" needs a positive number of seconds, got "${value}"`);
          stallAfter = seconds;
        } else if (flag === '--layout') layout = value;
        else sessions = value;
        break;
      }
      default:
        if (argument.startsWith('-'))
          return err(`agentmux: unknown option "${flag}" (see agentmux --help)`);
        return err(`agentmux: unexpected argument "${argument}" (see agentmux --help)`);
    }
  }
  return ok({ action: 'run', layout, sessions, demo, debug, ...(stallAfter === undefined ? {} : { stallAfter }) });
}

/** The `--help` text: every flag, the environment variables, and the defaults. */
export function helpText(): string {
  return [
    'agentmux — a full-screen terminal cockpit for LLM coding agents',
    '',
    'Usage: agentmux [--layout NAME|FILE] [--sessions DIR] [--demo] [--debug] [--stall-after S]',
    '       agentmux run NAME|FILE [--headless] [--args JSON] …  (agentmux run --help)',
    '       agentmux ctl [--sessions DIR] [--json] COMMAND LINE…  (agentmux ctl --help)',
    '       agentmux --help | --version',
    '',
    'Options:',
    `  --layout NAME|FILE  the agents and tiling to start with (default: ${DEFAULT_LAYOUT});`,
    '                      a NAME is a file of the layouts folder, anything with a "/" or',
    '                      ending in ".json" is a file path',
    `  --sessions DIR      the session store (default: ${DEFAULT_SESSIONS_DIR}/ in the current directory)`,
    '  --demo              run every agent on the built-in scripted model',
    '  --debug             log more, and say where the log file is',
    '  --stall-after S     the run view marks a working workflow agent silent for S seconds',
    '                      stalled (default: 60)',
    '  -h, --help          show this help',
    '  -v, --version       show the version',
    '',
    'Environment:',
    '  ANTHROPIC_API_KEY   the API key for the Anthropic Messages API',
    '  ANTHROPIC_BASE_URL  an Anthropic-compatible endpoint (a local proxy, Ollama, ...)',
    '  ANTHROPIC_MODEL     the model for agents whose layout names none',
    '  VISUAL, EDITOR      the editor `e` and `:edit` open an entry in',
    '',
    'With no ANTHROPIC_API_KEY and no ANTHROPIC_BASE_URL, or with --demo, agents run on the',
    'built-in scripted model (no network, no cost).',
    '',
    'Press ? in the cockpit for the keys.',
  ].join('\n');
}

/** Whether agents run on the built-in scripted model (DESIGN.md §4): `--demo`, or no key and no base URL. */
export function useScriptedModel(
  options: { readonly demo: boolean },
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  return options.demo || providerConfigFromEnv(env).kind === 'scripted';
}
