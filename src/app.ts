// The one place that wires core, adapters and view together. Start-up is ordered for a fast first
// frame (DESIGN.md §6): check the layout and take the store lock, open the screen with every pane
// `loading`, and only then load the rest of the cockpit's code, the store's catalog and the
// journals (panes fill in as their agents load); the SDK loads at the first model call.
import { writeSync } from 'node:fs';
import { installConsoleGuard } from './adapters/console-guard.js';
import { fileLogSink } from './adapters/log-sink.js';
import { providerConfigFromEnv } from './adapters/provider-config.js';
import type { RunOptions } from './cli-options.js';
import { useScriptedModel } from './cli-options.js';
import type { CockpitApp } from './app/cockpit-app.js';
import { hintsOf } from './core/key-table.js';
import { firstFrameModel } from './app/loading-panes.js';
import { saveCockpit, saveOnPaneChanges } from './app/cockpit-save.js';
import { checkBeforeScreen } from './app/startup-checks.js';
import { chooseEditor } from './app/editor-choice.js';
import { terminalProblem } from './app/terminal-check.js';
import { guardTerminalLoss, releaseLostTerminal } from './app/terminal-loss.js';
import { listenForQuit } from './app/quit-signals.js';
import { layoutPaneModel, type Layout } from './core/layout-file.js';
import type { RunWorkflowOptions } from './run-options.js';
import { solveTiling } from './core/layout-solver.js';
import { CockpitView } from './view/cockpit-view.js';
import { terminalTitle } from './core/terminal-title.js';
import { firstFrameTiming } from './app/first-frame-timing.js';
import { terminfoCacheFile, terminfoCachePath } from './adapters/terminfo-cache-file.js';

/** What `agentmux run` (without --headless) adds: its flags, and the layout when `--layout` was not given. */
export type CockpitWorkflow = { readonly flags: RunWorkflowOptions; readonly layout: Layout | undefined };

/** Runs the cockpit until the person quits; resolves with the exit status. */
export async function runCockpit(options: RunOptions, workflow?: CockpitWorkflow): Promise<number> {
  const cwd = process.cwd();
  const checked = checkBeforeScreen(options, cwd, workflow?.layout);
  if (!checked.ok) {
    process.stderr.write(`${checked.error.message}\n`);
    return checked.error.exitCode;
  }
  const noTerminal = terminalProblem(process.stdin, process.stdout);
  if (noTerminal !== undefined) {
    checked.value.lock.release();
    process.stderr.write(`${noTerminal}\n`);
    return 1;
  }
  const { layout, logPath } = checked.value;
  // Before the screen opens: a signal while the panes load quits in order too (reviewer finding 5).
  const quit = listenForQuit(process);
  // A closed terminal fails every later write (EIO): shut down as for SIGHUP, never crash half-way.
  const terminal = guardTerminalLoss(process, () => quit.request());
  const guard = installConsoleGuard(logPath);
  if (options.debug) process.stderr.write(`agentmux: log file ${logPath}\n`);
  const scripted = useScriptedModel(options, process.env);

  // The first frame: every pane of the layout, named and loading. Keys typed before every pane
  // has loaded stay in the terminal's input queue (stdin paused) and are read once they have, so
  // `Enter` messages the agent the person saw focused and `:` then text lands in the prompt.
  const view = new CockpitView({ title: terminalTitle(layout.name), terminfoCache: terminfoCacheFile(terminfoCachePath(checked.value.sessionsDir)) });
  // Raw at once (no echo, no line buffering into the first frame), and paused. blessed resumes
  // stdin when the first keypress listener appears (CockpitApp below) unless the tty is raw.
  if (process.stdin.isTTY) process.stdin.setRawMode(true);
  process.stdin.pause();
  const crashLog = fileLogSink(logPath);
  // A bug must not leave the terminal in raw mode with nothing said: give the terminal back,
  // then name the error and the log. Runs before blessed's own handler (which prints to the log).
  const onCrash = (thrown: unknown): void => {
    const message = thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown);
    crashLog(`crash: ${message}`);
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
  const defaultModel = providerConfigFromEnv(process.env).model;
  const panes = layout.agents.map((agent) => ({ name: agent.name, model: layoutPaneModel(agent, defaultModel) }));
  view.update(
    firstFrameModel(panes, hintsOf('normal'), bannerText(scripted, undefined, options.debug ? logPath : undefined)),
    solveTiling(
      layout.tiling,
      panes.map((pane) => pane.name),
      view.paneArea(),
    ),
  );
  view.renderNow();
  // When the first frame was written, since the process began (wall and CPU): logged below, read by `npm run bench`.
  const firstFrame = firstFrameTiming();

  const [{ openCockpit }, { CockpitApp }] = await Promise.all([import('./app/startup.js'), import('./app/cockpit-app.js')]);
  const started = await openCockpit(checked.value, options, process.env, cwd);
  if (!started.ok) {
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    view.dispose();
    checked.value.lock.release();
    guard.dispose();
    terminal.dispose();
    quit.dispose();
    if (quit.hungUp() || terminal.lost()) releaseLostTerminal();
    process.stderr.write(`${started.error.message}\n`);
    return started.error.exitCode;
  }
  const { controller, demo, log } = started.value;

  const app = new CockpitApp({
    view,
    controller,
    tiling: started.value.savedTiling ?? layout.tiling,
    banner: bannerText(scripted, demo?.model.url, options.debug ? logPath : undefined),
    editor: chooseEditor(process.env),
    onQuit: () => quit.request(),
    clipboardDir: options.sessions,
    storeDir: checked.value.sessionsDir,
    loading: () => started.value.pending(),
    unsandboxed: started.value.unsandboxed,
    log,
  });
  view.screen.on('resize', () => app.update());
  app.update();
  // Still paused while the agents load, whatever a listener did to the stream.
  process.stdin.pause();

  const loaded = await started.value.loadAgents({
    onAgent: () => {
      // The first agent to load takes the focus, as the first pane had it while loading.
      if (controller.panes.focused() === undefined) {
        const first = controller.allAgents()[0];
        if (first !== undefined) controller.panes.focus(first.name);
      }
      app.scheduleUpdate();
    },
    stopped: () => quit.quitting(),
  });
  // A layout agent that did not start would otherwise be a pane missing without a word.
  // From here on a pane opened, closed or renamed is saved at once, not only at quit (a kill -9 keeps it).
  const autosave = loaded ? saveOnPaneChanges(controller, () => saveCockpit(started.value, app.tiling)) : undefined;
  const { notices } = started.value;
  if (loaded && notices.length > 0) app.message = { text: notices.join('; '), isError: true };
  app.update();
  // Runs before ctl listens, so `run`/`run-stop` work from the first ctl command (DESIGN.md §9),
  // and before keys are read, so a `:run` typed while the panes loaded is not refused.
  // A signal while the panes loaded: no run is started and no socket opened, only the shutdown below.
  const { startCockpitRuns } = await import('./app/workflow/cockpit-run-start.js');
  const runs = quit.quitting() ? undefined : startCockpitRuns(app, started.value, cwd, defaultModel, workflow?.flags, options.stallAfter);
  process.stdin.resume();
  const { startCockpitControl } = await import('./app/ctl-wiring.js');
  const control = quit.quitting() ? undefined : await startCockpitControl(app, checked.value.sessionsDir, log);
  log(`started with layout ${layout.name}: ${controller.allAgents().map((a) => a.name).join(', ')}`);
  log(firstFrame);

  await quit.requested;
  // An editor still open on the terminal (a signal came while editing) is ended first.
  await app.editors.stop();
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
  // Quit before every pane loaded: the saved panes not loaded yet must not be forgotten.
  autosave?.dispose();
  if (loaded) saveCockpit(started.value, app.tiling);
  await runs?.close();
  // Every open turn reports `turn-finished interrupted` while ctl events can still carry it.
  await controller.endTurns();
  await control?.close();
  disposeApp(app);
  await started.value.shutdown();
  terminal.dispose();
  guard.dispose();
  sayAfterScreen(app.editors.kept());
  // Only now: a closed terminal sends SIGHUP more than once (the kernel, then the emulator), and a
  // repeat that found no listener would kill agentmux by default halfway through this shutdown.
  quit.dispose();
  if (quit.hungUp() || terminal.lost()) releaseLostTerminal();
  return 0;
}

/** Lines for stderr once the screen is gone; a terminal gone too is not an error (they are in the log). */
function sayAfterScreen(lines: readonly string[]): void {
  for (const line of lines) {
    try {
      writeSync(2, `agentmux: ${line}\n`);
    } catch {
      // stderr is the lost terminal.
    }
  }
}

/** Closes the app, then the screen (the terminal is given back). */
function disposeApp(app: CockpitApp): void {
  app.dispose();
  app.view.dispose();
}

/**
 * The status bar's right side: says when agents run on the scripted model (on which URL, with
 * --debug, once it listens), and where the log is with --debug.
 */
function bannerText(scripted: boolean, scriptedUrl: string | undefined, logPath: string | undefined): string | undefined {
  const parts: string[] = [];
  if (scripted) {
    if (logPath === undefined) parts.push('demo: scripted model, no API calls');
    else parts.push(scriptedUrl === undefined ? 'demo: scripted model' : `demo: scripted model on ${scriptedUrl}`);
  }
  if (logPath !== undefined) parts.push(`log: ${logPath}`);
  return parts.length === 0 ? undefined : parts.join(' · ');
}

