// `agentmux run …` from the command line: parse, then run headless (the cockpit mode opens the
// cockpit with the run's agents once the agent side of issue 13 wires the host into it).
import { parseRunOptions } from '../../run-options.js';
import { runHeadless } from './headless-run.js';
import { openHost } from './host-setup.js';

/** Runs `agentmux run` with the arguments after `run`; resolves with the exit status. */
export async function runWorkflowCli(argv: readonly string[]): Promise<number> {
  const parsed = parseRunOptions(argv);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n`);
    return 2;
  }
  if (!parsed.value.headless) {
    process.stderr.write('agentmux run: the cockpit mode is not wired yet on this build; use --headless\n');
    return 2;
  }
  return runHeadless(parsed.value, {
    cwd: process.cwd(),
    env: process.env,
    setup: openHost,
    io: {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      onStopSignal: (handler) => {
        process.on('SIGINT', handler);
        process.on('SIGTERM', handler);
        return {
          dispose: () => {
            process.off('SIGINT', handler);
            process.off('SIGTERM', handler);
          },
        };
      },
    },
  });
}
