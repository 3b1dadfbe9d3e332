// The one place that wires core, adapters and view together: start the agents, open the
// screen, hand keys to the cockpit, and shut everything down in order on quit.
import type { RunOptions } from './cli-options.js';
import { CockpitApp } from './app/cockpit-app.js';
import { startAgents, type Started } from './app/startup.js';
import { TILING_PRESETS, type Tiling } from './core/layout-file.js';
import { CockpitView } from './view/cockpit-view.js';

/** Runs the cockpit until the person quits; resolves with the exit status. */
export async function runCockpit(options: RunOptions): Promise<number> {
  const started = await startAgents(options, process.env, process.cwd());
  if (!started.ok) {
    process.stderr.write(`${started.error.message}\n`);
    return started.error.exitCode;
  }
  const { controller, demo, layout, logPath, log, notices } = started.value;
  if (options.debug) process.stderr.write(`agentmux: log file ${logPath}\n`);
  const first = controller.allAgents()[0];
  if (first !== undefined) controller.setFocus(first.name);

  const view = new CockpitView({ title: `agentmux — ${layout.name}` });
  let resolveQuit = (): void => undefined;
  const quit = new Promise<void>((resolve) => (resolveQuit = resolve));
  const app = new CockpitApp({
    view,
    controller,
    tiling: started.value.savedTiling ?? layout.tiling,
    banner: bannerText(demo === undefined ? undefined : demo.model.url, options.debug ? logPath : undefined),
    editor: process.env['VISUAL'] ?? process.env['EDITOR'],
    onQuit: resolveQuit,
  });
  // A bug must not leave the terminal in raw mode with nothing said: give the terminal back,
  // then name the error and the log. Runs before blessed's own handler (which prints to the log).
  const onCrash = (thrown: unknown): void => {
    const message = thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown);
    log(`crash: ${message}`);
    try {
      view.dispose();
    } catch {
      // The terminal may already be gone; the message below still goes to stderr.
    }
    process.stderr.write(`agentmux: crashed: ${thrown instanceof Error ? thrown.message : String(thrown)}\n(details in ${logPath})\n`);
    process.exit(1);
  };
  process.prependListener('uncaughtException', onCrash);
  process.prependListener('unhandledRejection', onCrash);
  const onSignal = (): void => resolveQuit();
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  view.screen.on('resize', () => app.update());
  // A layout agent that did not start would otherwise be a pane missing without a word.
  if (notices.length > 0) app.message = { text: notices.join('; '), isError: true };
  app.update();
  view.renderNow();
  log(`started with layout ${layout.name}: ${controller.allAgents().map((a) => a.name).join(', ')}`);

  await quit;
  process.off('SIGTERM', onSignal);
  process.off('SIGHUP', onSignal);
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
  saveCockpit(started.value, app.tiling);
  app.dispose();
  view.dispose();
  await started.value.shutdown();
  return 0;
}

/** The status bar's right side: says when agents run on the scripted model, and where the log is with --debug. */
function bannerText(scriptedUrl: string | undefined, logPath: string | undefined): string | undefined {
  const parts: string[] = [];
  if (scriptedUrl !== undefined) parts.push(logPath === undefined ? 'demo: scripted model, no API calls' : `demo: scripted model on ${scriptedUrl}`);
  if (logPath !== undefined) parts.push(`log: ${logPath}`);
  return parts.length === 0 ? undefined : parts.join(' · ');
}

/** Remembers, per layout, the panes opened at run time and the tiling, for the next start. */
function saveCockpit(started: Started, tiling: Tiling): void {
  const inLayout = new Set(started.layout.agents.map((agent) => agent.name));
  const agents = started.controller
    .allAgents()
    .filter((agent) => !inLayout.has(agent.name) && agent.session !== undefined)
    .map((agent) => ({
      name: agent.name,
      model: agent.config.model,
      cwd: agent.config.cwd,
      ...(agent.config.system === undefined ? {} : { system: agent.config.system }),
      ...(agent.config.baseURL === undefined ? {} : { baseURL: agent.config.baseURL }),
    }));
  const preset = TILING_PRESETS.find((name) => name === tiling);
  started.store.setCockpit(started.layout.name, preset === undefined ? { agents } : { agents, tiling: preset });
}
