// Starts the cockpit's control socket (DESIGN.md §5) once its agents have loaded. When ctl cannot
// be served (a socket path too long for the system, something else at the path), the cockpit
// runs on without it and the log and the status bar say why.
import { startCtlServer } from '../adapters/ctl/ctl-server.js';
import type { LogSink } from '../adapters/log-sink.js';
import type { CockpitApp } from './cockpit-app.js';
import { cockpitControlPort } from './ctl-port.js';

/** What app.ts holds until quit: closing ends every ctl connection and removes the socket. */
export type CockpitControl = { close(): Promise<void> };

/** Serves DIR/agentmux.sock for `app`; never fails the cockpit. */
export async function startCockpitControl(app: CockpitApp, sessionsDir: string, log: LogSink): Promise<CockpitControl> {
  const started = await startCtlServer({ dir: sessionsDir, port: cockpitControlPort(app) });
  if (started.ok) {
    log(`ctl: listening on ${started.value.path}`);
    return started.value;
  }
  const why = `agentmux ctl is off: ${started.error}`;
  log(why);
  const shown = app.message?.isError === true ? `${app.message.text}; ${why}` : why;
  app.message = { text: shown, isError: true };
  app.update();
  return { close: () => Promise.resolve() };
}
