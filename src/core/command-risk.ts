// Which simple commands run other programs or code taken from their own arguments (`git -c
// alias.x='!…' x`, `sed '1e …'`, `tar --checkpoint-action=exec=…`, `perl -e …`), or destroy
// things: an "always" rule never stretches to them, only an exact command does (issue 9, item 2).
import { namesLongOption } from './long-options.js';
import { nodeInstallRisk, pipRisk, runnerRisk } from './package-risk.js';
import { sedRisk } from './sed-risk.js';

/** Programs that run code or other programs from their arguments, or delete and take over. */
const ALWAYS_EXACT: ReadonlySet<string> = new Set([
  // shells and interpreters
  'sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'fish', 'csh', 'tcsh', 'busybox',
  'node', 'nodejs', 'deno', 'bun', 'tsx', 'ts-node', 'perl', 'ruby', 'irb', 'php', 'lua', 'luajit',
  'R', 'Rscript', 'julia', 'tclsh', 'wish', 'expect', 'osascript', 'pwsh', 'powershell',
  'awk', 'gawk', 'mawk', 'nawk', 'jshell', 'groovy', 'scala', 'erl', 'elixir', 'ghci', 'runghc',
  // programs that run the program named in their arguments
  'env', 'sudo', 'su', 'doas', 'pkexec', 'nice', 'ionice', 'nohup', 'timeout', 'time', 'watch',
  'xargs', 'parallel', 'exec', 'eval', 'source', '.', 'command', 'builtin', 'chroot', 'setsid',
  'stdbuf', 'strace', 'ltrace', 'gdb', 'lldb', 'valgrind', 'flock', 'taskset', 'unshare',
  'nsenter', 'script', 'firejail', 'bwrap', 'systemd-run', 'trap', 'npx', 'pnpx', 'bunx',
  'uvx', 'ssh', 'docker', 'podman', 'kubectl', 'make', 'gmake', 'vim', 'vi', 'nvim', 'emacs', 'ed', 'ex',
  'less', 'more', 'man', '!',
  // programs that delete, overwrite disks, change owners or stop processes
  'rm', 'rmdir', 'shred', 'dd', 'mkfs', 'chmod', 'chown', 'chgrp', 'kill', 'pkill', 'killall',
  'truncate', 'crontab', 'at',
]);

/** git subcommands that are built in (so never an alias) and run nothing named in arguments. */
const GIT_PLAIN_SUBCOMMANDS: ReadonlySet<string> = new Set([
  'status', 'diff', 'log', 'show', 'branch', 'add', 'commit', 'fetch', 'pull', 'push', 'stash',
  'rev-parse', 'ls-files', 'blame', 'tag', 'remote', 'checkout', 'switch', 'restore', 'reset',
  'merge', 'rebase', 'cherry-pick', 'revert', 'grep', 'describe', 'shortlog', 'reflog', 'init',
  'mv', 'rm', 'clean', 'cat-file', 'ls-tree', 'show-ref', 'worktree', 'apply', 'format-patch',
  'rev-list', 'merge-base', 'diff-tree', 'name-rev', 'whatchanged',
]);

/** git options that name a program to run, a file to write, or a config to use (short ones, in clusters too; `-s`/`-X` are merge's --strategy/--strategy-option). */
const GIT_RISKY_SHORT = /^(?:-c|-O|-x|-s|-X)(?:=|$)|^-[a-zA-Z]*[cOxsX][a-zA-Z]*$/u;
/** git's long options of that kind; an abbreviation (`--upload-pac=…`) counts as the option (getopt_long). */
const GIT_RISKY_LONG: readonly string[] = [
  'upload-pack', 'receive-pack', 'exec', 'ext-diff', 'textconv', 'open-files-in-pager', 'extcmd', 'tool', 'output',
  'config-env', 'exec-path', 'config', 'template', 'separate-git-dir', 'strategy', 'strategy-option', 'gpg-program',
  'interactive', 'edit', 'hook', 'run',
];

/** npm, pnpm and yarn subcommands that run a package or program named in the arguments. */
const PACKAGE_MANAGER_RISKY_SUBCOMMANDS: ReadonlySet<string> = new Set([
  'exec', 'x', 'dlx', 'explore', 'create', 'init', 'innit', 'set-script', 'config', 'set',
]);
const PACKAGE_MANAGER_RISKY_SHORT = /^(?:-c|-C)(?:=|$)/u;
/** Their long options that run a shell or change config; abbreviations (`--script-shel=…`) count too. */
const PACKAGE_MANAGER_RISKY_LONG: readonly string[] = ['call', 'shell', 'script-shell', 'node-options', 'userconfig', 'globalconfig', 'prefix', 'dir'];

const FIND_RISKY_ACTIONS: ReadonlySet<string> = new Set([
  '-exec', '-execdir', '-ok', '-okdir', '-delete', '-fprint', '-fprint0', '-fprintf', '-fls',
]);

/** tar's long options that run a program; abbreviations (`--checkpoint-ac=…`, `--to-comm=…`) count too. */
const TAR_RISKY_LONG: readonly string[] = [
  'checkpoint-action', 'to-command', 'use-compress-program', 'info-script', 'new-volume-script', 'rmt-command', 'rsh-command',
  'index-file', 'compress-program',
];

/** rg options that run a program (`--pre`, `--hostname-bin`) or choose which files one runs on (`--pre-glob`). */
const RG_RUNNING_OPTIONS: readonly string[] = ['pre', 'pre-glob', 'hostname-bin'];

/** The program a word names, without its directory: `/usr/bin/git` reads `git`. */
function programName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/**
 * Why a simple command (its unquoted words) may run more than its first words say, or
 * undefined when it cannot: then an "always" rule may allow it by a prefix of its words.
 */
export function commandRisk(words: readonly string[]): string | undefined {
  const [first, ...args] = words;
  if (first === undefined) return 'is empty';
  if (first.includes('=')) return 'sets variables for the command';
  const program = programName(first);
  if (ALWAYS_EXACT.has(program) || program.startsWith('mkfs.')) return `${program} runs or removes what its arguments name`;
  if (/^python[\d.]*$/u.test(program) || /^pypy[\d.]*$/u.test(program)) return `${program} runs code from its arguments`;
  switch (program) {
    case 'git':
      return gitRisk(args);
    case 'npm':
    case 'pnpm':
    case 'yarn':
      return packageManagerRisk(program, args);
    case 'sed':
    case 'gsed':
      return sedRisk(args);
    case 'tar':
    case 'gtar':
    case 'bsdtar':
      return tarRisk(args);
    case 'find':
      return args.some((arg) => FIND_RISKY_ACTIONS.has(arg)) ? 'find runs or deletes through -exec, -ok or -delete' : undefined;
    case 'rg':
      return args.some((arg) => namesLongOption(arg, RG_RUNNING_OPTIONS)) ? 'rg runs the program given by --pre or --hostname-bin' : undefined;
    case 'sort':
      return args.some((arg) => namesLongOption(arg, ['compress-program'])) ? 'sort runs the program given by --compress-program' : undefined;
    case 'zip':
      return args.some((arg) => /^-TT(?:=|$)|^-[a-zA-Z]*TT/u.test(arg) || namesLongOption(arg, ['unzip-command'])) ? 'zip runs the test command given by -TT' : undefined;
    case 'go':
      return goRisk(args);
    case 'cargo':
      return cargoRisk(args);
    case 'rsync':
      return args.some((arg) => /^-e(?:=|$)|^-[a-zA-Z]*e/u.test(arg) || namesLongOption(arg, ['rsh', 'rsync-path'])) ? 'rsync runs the program given by -e' : undefined;
    default:
      if (/^pip[\d.]*$/u.test(program)) return pipRisk(program, args);
      return runnerRisk(program, args);
  }
}


/** go subcommands that run a program built from, or named in, their arguments. */
const GO_RISKY_SUBCOMMANDS: ReadonlySet<string> = new Set(['run', 'generate', 'tool', 'exec']);
const GO_RISKY_OPTION = /^--?(?:exec|toolexec|vettool|overlay|modfile|C)(?:=|$)/u;

function goRisk(args: readonly string[]): string | undefined {
  const [subcommand] = args;
  if (subcommand === undefined) return undefined;
  if (subcommand.startsWith('-')) return 'go options before the subcommand change what runs';
  if (GO_RISKY_SUBCOMMANDS.has(subcommand)) return `go ${subcommand} runs a program named in its arguments`;
  if (args.some((arg) => GO_RISKY_OPTION.test(arg))) return `go ${subcommand} has an option (-exec, -toolexec, -vettool…) that runs a program`;
  return undefined;
}

/** cargo subcommands that run or install a program named in their arguments. */
const CARGO_RISKY_SUBCOMMANDS: ReadonlySet<string> = new Set(['run', 'install', 'script', 'exec']);
const CARGO_RISKY_OPTION = /^(?:--config|-Z|--manifest-path|--target-dir|-C)(?:=|$)|^-Z./u;

function cargoRisk(args: readonly string[]): string | undefined {
  const [subcommand] = args;
  if (subcommand === undefined) return undefined;
  if (subcommand.startsWith('-') || subcommand.startsWith('+')) return 'cargo options before the subcommand change what runs';
  if (CARGO_RISKY_SUBCOMMANDS.has(subcommand)) return `cargo ${subcommand} runs a program named in its arguments`;
  if (args.some((arg) => CARGO_RISKY_OPTION.test(arg))) return `cargo ${subcommand} has an option (--config, -Z…) that changes what runs`;
  return undefined;
}

function gitRisk(args: readonly string[]): string | undefined {
  const [subcommand] = args;
  if (subcommand === undefined) return undefined;
  if (subcommand.startsWith('-')) return 'git options before the subcommand (-c, -C, --exec-path…) change what runs';
  if (!GIT_PLAIN_SUBCOMMANDS.has(subcommand)) return `git ${subcommand} may be an alias or run a program`;
  if (args.some((arg) => GIT_RISKY_SHORT.test(arg) || namesLongOption(arg, GIT_RISKY_LONG))) return `git ${subcommand} has an option that runs a program or writes a file`;
  return undefined;
}

function packageManagerRisk(program: string, args: readonly string[]): string | undefined {
  if (args.some((arg) => PACKAGE_MANAGER_RISKY_SHORT.test(arg) || namesLongOption(arg, PACKAGE_MANAGER_RISKY_LONG))) return `${program} has an option that runs a shell or changes its config`;
  const subcommand = args.find((arg) => !arg.startsWith('-'));
  if (subcommand !== undefined && PACKAGE_MANAGER_RISKY_SUBCOMMANDS.has(subcommand)) return `${program} ${subcommand} runs a program named in its arguments`;
  return nodeInstallRisk(program, args);
}

function tarRisk(args: readonly string[]): string | undefined {
  const [first] = args;
  // Old-style bundled letters (`tar xIf …`) or short clusters naming a program (-I, -F).
  const clusters = args.filter((arg) => /^-[a-zA-Z]+$/u.test(arg));
  if (first !== undefined && /^[a-zA-Z]+$/u.test(first)) clusters.push(first);
  if (clusters.some((cluster) => /[IF]/u.test(cluster))) return 'tar runs the program given by -I or -F';
  if (args.some((arg) => namesLongOption(arg, TAR_RISKY_LONG))) return 'tar runs a program (checkpoint action, command, compressor)';
  return undefined;
}
