// `agentmux`: parses the command line, prints help or version, or runs the cockpit.
import { packageVersion } from './app/package-root.js';
import { helpText, parseCliOptions } from './cli-options.js';
import { runHelpText, wantsRunHelp } from './run-options.js';

if (process.argv[2] === 'run' && wantsRunHelp(process.argv.slice(3))) {
  // `agentmux run --help` prints the usage, never a parse error.
  process.stdout.write(`${runHelpText()}\n`);
  process.exit(0);
}
if (process.argv[2] === 'run') {
  // `agentmux run ARG …` runs a workflow (DESIGN.md §9); its module loads only then.
  const { runWorkflowCli } = await import('./app/workflow/run-cli.js');
  process.exit(await runWorkflowCli(process.argv.slice(3)));
}
if (process.argv[2] === 'ctl') {
  // `agentmux ctl …` talks to a running cockpit over its socket and loads nothing of the cockpit.
  const { runCtl } = await import('./ctl-cli.js');
  process.exit(await runCtl(process.argv.slice(3), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }));
}
const parsed = parseCliOptions(process.argv.slice(2));
if (!parsed.ok) {
  process.stderr.write(`${parsed.error}\n`);
  process.exit(2);
}
const options = parsed.value;
if (options.action === 'help') {
  process.stdout.write(`${helpText()}\n`);
  process.exit(0);
}
if (options.action === 'version') {
  process.stdout.write(`agentmux ${packageVersion()}\n`);
  process.exit(0);
}
// The cockpit (blessed, zod schemas, the store…) loads only when it is needed.
const { runCockpit } = await import('./app.js');
const status = await runCockpit(options);
process.exit(status);
