// The port `agentmux ctl` talks to (DESIGN.md §5): anything that can run a command line and
// report events — the cockpit, or a headless workflow run — not the blessed app itself. The
// control socket (src/adapters/ctl/) is built on this and nothing else.
import type { CtlReply } from './ctl-protocol.js';
import type { ControllerEvent, Disposable } from './events.js';

export interface ControlPort {
  /**
   * Runs one command line through `dispatch` as `:` would, never asking to confirm; answers with
   * the reply — later when the line's outcome is known only later (`run` projected above
   * --confirm-over-usd is refused after its dry run, issue 16).
   */
  run(line: string): CtlReply | Promise<CtlReply>;
  /** The agent's whole active branch as its pane shows it, as plain text (`agent`: a name or pane number; null: the focused one). */
  capture(agent: string | null): CtlReply;
  /** The controller's events (the socket maps them with `ctlEvent`). */
  readonly events: { on(listener: (event: ControllerEvent) => void): Disposable };
}
