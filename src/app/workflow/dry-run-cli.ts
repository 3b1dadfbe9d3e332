// `agentmux run ARG --dry-run` from the command line (issue 16): prints the projection on stdout;
// exit 0, or 2 when the script does not load (as a real run refuses it).
import { dryRunReport } from '../../core/workflow/dry-run-projection.js';
import type { RunWorkflowOptions } from '../../run-options.js';
import { projectRun } from './run-projection.js';

/** Runs the dry run and prints its report; resolves with the exit status. */
export async function runDryRunCli(
  flags: RunWorkflowOptions,
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
  io: { readonly stdout: (text: string) => void; readonly stderr: (text: string) => void },
): Promise<number> {
  const outcome = await projectRun(flags.ref, flags.args, flags, cwd, env);
  if (!outcome.ok) {
    io.stderr(`${outcome.error}\n`);
    return 2;
  }
  const { name, projection, limit, end } = outcome.value;
  io.stdout(`${dryRunReport(name, projection, { items: flags.assumeItems, tokensPerAgent: flags.assumeTokens }, limit, end)}\n`);
  return 0;
}
