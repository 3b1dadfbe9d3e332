// Package managers reached through an "always" rule (issue 9, item 2): installing runs the
// installed packages' code — npm's lifecycle scripts (preinstall, install, postinstall, prepare)
// of every package in the tree and of the project, pip's setup.py of any source distribution —
// and installing from a local path, a git repository, a URL or an archive runs code the command
// names outright; `uv run`, `poetry run`, `bundle exec`… run any program. So a rule made for one
// install covers another only when no package code runs: npm, pnpm, yarn and bun with
// `--ignore-scripts`, pip with `--only-binary=:all:` (wheels only, nothing built). Anything else
// gets an exact rule: `a` on `npm install lodash` allows that command again, not `npm install evil`.

/** npm, pnpm, yarn and bun subcommands that take package specs. */
const NODE_INSTALL_SUBCOMMANDS: ReadonlySet<string> = new Set([
  'install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add',
  'update', 'up', 'upgrade', 'udpate', 'link', 'ln', 'pack', 'publish', 'install-test', 'it',
  'install-ci-test', 'cit', 'global', 'patch', 'dedupe', 'rebuild', 'rb', 'ci', 'clean-install', 'ic',
  'install-clean', 'isntall-clean',
]);

/** A registry package: `name`, `@scope/name`, with an optional `@version-or-tag` (no path, URL or archive). */
const NODE_REGISTRY_SPEC = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*(?:@[a-zA-Z0-9._^~=*+-]+)?$/iu;
const ARCHIVE = /\.(?:tgz|tar|tar\.gz|tar\.bz2|tar\.xz|zip|whl|egg)$/iu;

/** Options of an npm-family install that change nothing about where packages come from. */
const NODE_INSTALL_OPTIONS = /^(?:-[DSEOPB]+|--save(?:-dev|-exact|-optional|-prod|-peer|-bundle)?|--no-save|--ignore-scripts|--legacy-peer-deps|--strict-peer-deps|--no-audit|--no-fund|--silent|--quiet|--prefer-offline|--prefer-online|--offline|--dry-run|--no-package-lock|--frozen-lockfile|--immutable|--omit=[a-z]+|--include=[a-z]+|--loglevel=[a-z]+|--dev|--exact|--optional|--peer|--tilde)$/u;

/** Why an npm-family install runs package code (scripts, or a package from a path, URL, archive), or undefined. */
export function nodeInstallRisk(program: string, args: readonly string[]): string | undefined {
  const subcommandAt = args.findIndex((arg) => !arg.startsWith('-'));
  const subcommand = args[subcommandAt];
  if (subcommand === undefined || !NODE_INSTALL_SUBCOMMANDS.has(subcommand)) return undefined;
  if (!args.includes('--ignore-scripts')) {
    return `${program} ${subcommand} runs the install scripts of the packages it installs (add --ignore-scripts for a rule that covers more)`;
  }
  for (const arg of args.slice(subcommandAt + 1)) {
    if (arg === 'add' && subcommand === 'global') continue;
    if (arg.startsWith('-')) {
      if (!NODE_INSTALL_OPTIONS.test(arg)) return `${program} ${subcommand} has an option agentmux cannot vouch for (${arg})`;
    } else if (!NODE_REGISTRY_SPEC.test(arg) || ARCHIVE.test(arg)) {
      return `${program} ${subcommand} ${arg} installs from a path, repository, URL or archive (its scripts run)`;
    }
  }
  return undefined;
}

/** A Python requirement by name: `requests`, `requests[socks]==2.31`, `'pkg>=1,<2'` (no path, URL or archive). */
const PYTHON_REQUIREMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\[[A-Za-z0-9._,-]+\])?(?:(?:===|==|>=|<=|~=|!=|<|>)[A-Za-z0-9.*+!_-]+(?:,(?:===|==|>=|<=|~=|!=|<|>)[A-Za-z0-9.*+!_-]+)*)?$/u;

/** pip install options that change nothing about where packages come from. */
const PIP_INSTALL_OPTIONS = /^(?:-[Uqv]+|--upgrade|--quiet|--verbose|--user|--no-deps|--pre|--dry-run|--no-cache-dir|--force-reinstall|--no-input|--disable-pip-version-check|--only-binary=:all:|--upgrade-strategy=(?:eager|only-if-needed)|--break-system-packages|--require-hashes)$/u;

/** pip subcommands that fetch and build packages (running their build scripts). */
const PIP_BUILDING_SUBCOMMANDS: ReadonlySet<string> = new Set(['install', 'download', 'wheel']);

/** Why a pip command (its arguments) may run more than a registry install, or undefined. */
export function pipRisk(program: string, args: readonly string[]): string | undefined {
  const [subcommand, ...rest] = args;
  if (subcommand === undefined) return undefined;
  if (subcommand.startsWith('-')) return `${program} options before the subcommand (--python, --isolated…) change what runs`;
  if (subcommand === 'config') return `${program} config changes where packages come from`;
  if (!PIP_BUILDING_SUBCOMMANDS.has(subcommand)) return undefined;
  if (!rest.includes('--only-binary=:all:')) {
    return `${program} ${subcommand} runs the build scripts (setup.py) of source packages (add --only-binary=:all: for a rule that covers more)`;
  }
  for (const arg of rest) {
    if (arg.startsWith('-')) {
      if (!PIP_INSTALL_OPTIONS.test(arg)) return `${program} ${subcommand} has an option agentmux cannot vouch for (${arg}: -e, -r, --index-url…)`;
    } else if (!PYTHON_REQUIREMENT.test(arg) || ARCHIVE.test(arg)) {
      return `${program} ${subcommand} ${arg} installs from a path, repository, URL or archive (its build scripts run)`;
    }
  }
  return undefined;
}

/** Subcommands that run a program or script named in their arguments, by program. */
const RUNNER_SUBCOMMANDS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['uv', new Set(['run', 'tool', 'python'])],
  ['poetry', new Set(['run', 'shell', 'self', 'source', 'config'])],
  ['pipx', new Set(['run', 'runpip', 'install', 'inject'])],
  ['bundle', new Set(['exec', 'config'])],
  ['dotnet', new Set(['run', 'exec', 'tool', 'msbuild'])],
  ['swift', new Set(['run', 'package'])],
  ['zig', new Set(['run', 'build'])],
  ['rails', new Set(['runner', 'r', 'console', 'c', 'generate', 'g', 'server', 's', 'db:seed'])],
  ['composer', new Set(['run-script', 'run', 'exec', 'global', 'create-project', 'config'])],
  ['gh', new Set(['extension', 'ext', 'extensions', 'alias', 'api', 'codespace', 'cs'])],
  ['brew', new Set(['sh', 'ruby', 'irb', 'bundle', 'tap', 'install', 'reinstall', 'edit', 'livecheck', 'test'])],
  ['mvn', new Set(['exec:exec', 'exec:java'])],
  ['gradle', new Set(['run'])],
]);

/**
 * Subcommand words that mean "run what follows" in any tool (`pdm run`, `hatch run`, `pixi run`,
 * `conda run`, `mise exec`, `nix run`, `stack exec`…): the tool list above cannot be complete
 * (nothing machine-readable says which subcommands of which tool run code), so the verb alone
 * makes a command exact-rule only, whatever the program.
 */
const RUN_VERBS: ReadonlySet<string> = new Set(['run', 'run-script', 'exec', 'x', 'dlx', 'shell', 'eval', 'script', 'repl']);

/** Why a package manager or runner (other than npm and pip) runs what its arguments name, or undefined. */
export function runnerRisk(program: string, args: readonly string[]): string | undefined {
  const [subcommand, ...rest] = args;
  if (subcommand === undefined) return undefined;
  if (RUN_VERBS.has(subcommand)) return `${program} ${subcommand} runs a program or script named in its arguments`;
  const risky = RUNNER_SUBCOMMANDS.get(program);
  if (risky === undefined) return undefined;
  if (subcommand.startsWith('-')) return `${program} options before the subcommand change what runs`;
  if (risky.has(subcommand)) return `${program} ${subcommand} runs a program or script named in its arguments`;
  if (program === 'uv' && subcommand === 'pip') return pipRisk('uv pip', rest);
  if ((program === 'uv' || program === 'poetry') && subcommand === 'add') return pipRisk(`${program}`, ['install', ...rest]);
  return undefined;
}
