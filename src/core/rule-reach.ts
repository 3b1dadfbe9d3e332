// How far a prefix rule must reach into a command to cover it (issue 9, item 2): a rule made for
// one subcommand must not cover another, so `bash:npm:*` (from `a` on `npm --version`) never
// covers `npm install` or `npm run`, and `bash:npm run:*` never covers every script — `npm run
// build` needs a rule naming `npm run build`.

/** Programs whose second word names what they do (`git status`, `npm test`, `cargo build`). */
export const SUBCOMMAND_PROGRAMS: ReadonlySet<string> = new Set([
  'git', 'npm', 'pnpm', 'yarn', 'cargo', 'go', 'pip', 'pip3', 'uv', 'poetry', 'gh', 'brew',
  'apt', 'apt-get', 'dotnet', 'mvn', 'gradle', 'bundle', 'rails', 'composer', 'swift', 'zig',
]);

/** Subcommands of npm, pnpm and yarn that run the package script named by the next word. */
const RUN_SCRIPT_SUBCOMMANDS: ReadonlySet<string> = new Set(['run', 'run-script', 'rum', 'urn']);
const NODE_PACKAGE_MANAGERS: ReadonlySet<string> = new Set(['npm', 'pnpm', 'yarn']);

/** The program a word names, without its directory. */
function programName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/**
 * How many leading words a prefix rule (or a glob's literal start) must name to cover the
 * simple command `words`: none for most programs (`bash:*` covers `ls src`); through the subcommand for git, npm, pip…;
 * through the script's name for `npm run SCRIPT`.
 */
export function wordsARuleMustName(words: readonly string[]): number {
  const [first, ...args] = words;
  if (first === undefined) return 0;
  const program = programName(first);
  if (!SUBCOMMAND_PROGRAMS.has(program) && !/^pip[\d.]*$/u.test(program)) return 0;
  const at = args.findIndex((arg) => !arg.startsWith('-'));
  if (at < 0) return 0;
  const subcommand = args[at] ?? '';
  const throughSubcommand = at + 2;
  if (NODE_PACKAGE_MANAGERS.has(program) && RUN_SCRIPT_SUBCOMMANDS.has(subcommand)) return Math.min(words.length, throughSubcommand + 1);
  return throughSubcommand;
}
