// The bash tool's sandbox on Linux (issue 9, item 3), after Claude Code's: bubblewrap gives each
// command its own pid namespace (agentmux's /proc, and so its environment, invisible), the whole
// file system read-only but the workspace (and a private /tmp), HOME and the session store
// masked by empty tmpfs, no capabilities, and no network unless the agent's policy allows it.
// Where bwrap is missing or cannot make namespaces, commands run unsandboxed and say so.
import { execFile } from 'node:child_process';
import { homedir } from 'node:os';
import path from 'node:path';
import type { SandboxPolicy } from '../../core/tools.js';


/** Claude Code's default: no network until allowed (it asks per domain; agentmux per agent). */
export const DEFAULT_SANDBOX_POLICY: SandboxPolicy = { network: false };

/** Whether commands run sandboxed here, and if not, why. */
export type SandboxSupport = { readonly kind: 'bwrap'; readonly program: string } | { readonly kind: 'none'; readonly reason: string };

const BWRAP = 'bwrap';
const PROBE_TIMEOUT_MS = 10_000;

let probed: Promise<SandboxSupport> | undefined;

/**
 * Finds out once whether bwrap can make the namespaces the sandbox needs, by running `true` in
 * one (a container may forbid them even with bwrap installed). `AGENTMUX_SANDBOX=off` skips it.
 */
export function sandboxSupport(env: NodeJS.ProcessEnv = process.env): Promise<SandboxSupport> {
  if (env['AGENTMUX_SANDBOX'] === 'off') return Promise.resolve({ kind: 'none', reason: 'turned off by AGENTMUX_SANDBOX=off' });
  if (process.platform !== 'linux') return Promise.resolve({ kind: 'none', reason: `no sandbox on ${process.platform}` });
  probed ??= new Promise<SandboxSupport>((resolve) => {
    const args = [...commonArgs(), '--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', 'true'];
    execFile(BWRAP, args, { timeout: PROBE_TIMEOUT_MS }, (error, _stdout, stderr) => {
      if (error === null) resolve({ kind: 'bwrap', program: BWRAP });
      else if ('code' in error && error.code === 'ENOENT') resolve({ kind: 'none', reason: 'bwrap (bubblewrap) is not installed' });
      else resolve({ kind: 'none', reason: `bwrap cannot make namespaces here: ${String(stderr).trim() || error.message}` });
    });
  });
  return probed;
}

function commonArgs(): string[] {
  return ['--die-with-parent', '--unshare-pid', '--unshare-ipc', '--unshare-uts', '--cap-drop', 'ALL'];
}

/** Where the sandbox puts things: the workspace and the paths it must hide. */
export type SandboxPlan = {
  readonly workspace: string;
  /** Directories hidden under an empty tmpfs (the session store); HOME is always hidden. */
  readonly masked: readonly string[];
  readonly policy: SandboxPolicy;
};

/** Whether `inner` is `outer` or below it. */
function within(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * bwrap's arguments up to the program it runs: read-only root, fresh /dev and /proc, private
 * /tmp, HOME and the store masked, then the workspace bound writable over all of that (so a
 * workspace under HOME or /tmp stays reachable), and the network cut unless allowed.
 */
export function sandboxArgs(plan: SandboxPlan): string[] {
  const args = [...commonArgs()];
  if (!plan.policy.network) args.push('--unshare-net');
  args.push('--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--tmpfs', '/tmp');
  const hidden = [homedir(), ...plan.masked].filter((dir) => dir !== '/' && dir !== '/tmp' && dir !== plan.workspace);
  // Masks above the workspace go first (it is bound back over them), masks inside it after.
  for (const dir of hidden) if (!within(dir, plan.workspace)) args.push('--tmpfs', dir);
  args.push('--bind', plan.workspace, plan.workspace);
  for (const dir of hidden) if (within(dir, plan.workspace)) args.push('--tmpfs', dir);
  args.push('--chdir', plan.workspace);
  return args;
}
