// Whether a sed command can run a program or write a file (issue 9, item 2): sed's options are
// parsed as GNU sed parses them — clusters like `-ne`, options that take a value (`-l 1`,
// `-e SCRIPT`, `--line-length=1`), abbreviated long options, `--` — so a value (`-l 1`) is never
// taken for the script and a script after an option is never missed. Unknown options ask.
import { longOptionMatch } from './long-options.js';

/** Short options that take nothing. */
const SHORT_FLAGS: ReadonlySet<string> = new Set(['n', 'E', 'r', 's', 'u', 'z', 'b']);

/** Long options and whether they take a value (`required`: attached with `=` or the next word). */
const LONG_OPTIONS: ReadonlyMap<string, 'none' | 'required' | 'optional'> = new Map([
  ['quiet', 'none'], ['silent', 'none'], ['debug', 'none'], ['sandbox', 'none'], ['posix', 'none'],
  ['regexp-extended', 'none'], ['separate', 'none'], ['unbuffered', 'none'], ['null-data', 'none'],
  ['zero-terminated', 'none'], ['binary', 'none'], ['follow-symlinks', 'none'], ['help', 'none'], ['version', 'none'],
  ['expression', 'required'], ['file', 'required'], ['line-length', 'required'], ['in-place', 'optional'],
]);

/** What the arguments of one sed command ask for. */
type SedPlan = { readonly scripts: readonly string[]; readonly positionals: readonly string[]; readonly inPlace: boolean };

type Parsed = { readonly kind: 'plan'; readonly plan: SedPlan } | { readonly kind: 'risk'; readonly reason: string };

const risk = (reason: string): Parsed => ({ kind: 'risk', reason });

/** Reads sed's arguments as GNU sed does, or says why it will not. */
function parseSed(args: readonly string[]): Parsed {
  const scripts: string[] = [];
  const positionals: string[] = [];
  let inPlace = false;
  let onlyOperands = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (onlyOperands || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyOperands = true;
      continue;
    }
    if (arg.startsWith('--')) {
      const match = longOptionMatch(arg, [...LONG_OPTIONS.keys()]);
      if (match === undefined) return risk(`sed option ${arg} is not one agentmux knows`);
      const takes = LONG_OPTIONS.get(match.name) ?? 'none';
      if (takes === 'none' && match.value !== undefined) return risk(`sed option --${match.name} takes no value`);
      if (takes === 'optional' || match.name === 'in-place') inPlace = true;
      if (takes !== 'required') continue;
      let value = match.value;
      if (value === undefined) {
        i += 1;
        value = args[i];
      }
      if (value === undefined) return risk(`sed option --${match.name} has no value`);
      if (match.name === 'file') return risk('sed reads its script from a file');
      if (match.name === 'expression') scripts.push(value);
      continue;
    }
    // A cluster of short options: flags, then at most one option that takes the rest as its value.
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j] ?? '';
      if (SHORT_FLAGS.has(letter)) continue;
      if (letter === 'i') {
        inPlace = true; // the rest of the cluster is the backup suffix
        break;
      }
      if (letter === 'e' || letter === 'f' || letter === 'l') {
        let value: string | undefined = arg.slice(j + 1);
        if (value === '') {
          i += 1;
          value = args[i];
        }
        if (value === undefined) return risk(`sed option -${letter} has no value`);
        if (letter === 'f') return risk('sed reads its script from a file');
        if (letter === 'e') scripts.push(value);
        break;
      }
      return risk(`sed option -${letter} is not one agentmux knows`);
    }
  }
  return { kind: 'plan', plan: { scripts, positionals, inPlace } };
}

/**
 * Why a sed command (its arguments) may run a command or write a file, or undefined: scripts
 * can run commands (`e`, `s///e`) and write or read files (`w`, `W`, `r`, `R`); reading a script
 * is beyond a first look, so any script holding one of those letters is risky, as are `-i`
 * (edits files in place) and a script read from a file.
 */
export function sedRisk(args: readonly string[]): string | undefined {
  const parsed = parseSed(args);
  if (parsed.kind === 'risk') return parsed.reason;
  const { scripts, positionals, inPlace } = parsed.plan;
  if (inPlace) return 'sed -i edits files in place';
  const all = scripts.length > 0 ? scripts : positionals.slice(0, 1);
  return all.some((script) => /[eEwWrR]/u.test(script)) ? 'sed script may run a command or write a file (e, w)' : undefined;
}
