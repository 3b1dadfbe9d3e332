// `agentmux run …` from the command line: parse, then run headless, or open the cockpit with only
// the run's agents (plus `--layout`'s) and start the run at once (DESIGN.md §9).
import os from 'node:os';
import { fileWorkflowLoader } from '../../adapters/workflow/workflow-loader.js';
import type { Layout } from '../../core/layout-file.js';
import { visibleLines } from '../../core/visible-controls.js';
import { parseRunOptions } from '../../run-options.js';
import { runDryRunCli } from './dry-run-cli.js';
import { runHeadless } from './headless-run.js';
import { headlessProcessIo } from './headless-process-io.js';
import { releaseLostTerminal } from '../terminal-loss.js';
import { refusedOverThreshold } from './run-confirmation.js';
import { openHost } from './host-setup.js';
import { shippedWorkflowsDir } from './start-run.js';

/** The cockpit of `agentmux run` without `--layout`: no agent but the run's. */
const RUN_LAYOUT: Layout = { name: 'run', agents: [], tiling: 'tiled' };

/** Runs `agentmux run` with the arguments after `run`; resolves with the exit status. */
export async function runWorkflowCli(argv: readonly string[]): Promise<number> {
  const parsed = parseRunOptions(argv);
  if (!parsed.ok) {
    process.stderr.write(visibleLines(`${parsed.error}\n`));
    return 2;
  }
  const flags = parsed.value;
  // stderr shows a script's or model's controls visibly (`␛]0;…`), never raw (issue 9).
  const io = { stdout: (text: string) => process.stdout.write(text), stderr: (text: string) => process.stderr.write(visibleLines(text)) };
  if (flags.dryRun) return runDryRunCli(flags, process.cwd(), process.env, io);
  if (flags.headless) {
    const refused = await refusedOverThreshold(flags, process.cwd(), process.env);
    if (refused !== undefined) {
      io.stderr(`${refused}\n`);
      return 2;
    }
  }
  if (!flags.headless) {
    // A script that does not load is refused before the screen opens, as headless refuses it.
    const checked = flags.ref === undefined ? undefined : fileWorkflowLoader({ cwd: process.cwd(), home: os.homedir(), shipped: shippedWorkflowsDir() })(flags.ref);
    if (checked !== undefined && !checked.ok) {
      process.stderr.write(visibleLines(`${checked.error}\n`));
      return 2;
    }
    const { runCockpit } = await import('../../app.js');
    const cockpit = { action: 'run', layout: flags.layout ?? RUN_LAYOUT.name, sessions: flags.sessions, demo: flags.demo, debug: flags.debug } as const;
    return runCockpit(cockpit, { flags, layout: flags.layout === undefined ? RUN_LAYOUT : undefined });
  }
  const headlessIo = headlessProcessIo();
  const status = await runHeadless(flags, { cwd: process.cwd(), env: process.env, setup: openHost, io: headlessIo });
  // After a hangup, Node's exit would restore the gone terminal's modes and abort on EIO.
  if (headlessIo.lost()) releaseLostTerminal();
  return status;
}
