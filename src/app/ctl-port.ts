// The cockpit as `agentmux ctl` sees it (DESIGN.md §5): a received command line runs through the
// same `dispatch` as `:` and renders at once, like a key, without asking to confirm; capture
// reads the agent's pane text; events are the controller's.
import type { ControlPort } from '../core/control-port.js';
import { ctlReply } from '../core/ctl-reply.js';
import { captureAgent } from './capture.js';
import type { CockpitApp } from './cockpit-app.js';

/** Adapts the running cockpit to the control socket's port. */
export function cockpitControlPort(app: CockpitApp): ControlPort {
  return {
    run(line) {
      const result = app.runUnattended(line);
      app.view.renderNow();
      return ctlReply(line, result);
    },
    capture(agent) {
      const captured = captureAgent(app.controller, app.transcripts, agent);
      if (!captured.ok) return { type: 'reply', ok: false, command: 'capture', message: captured.error, value: null };
      return { type: 'reply', ok: true, command: 'capture', message: captured.value.text, value: { agent: captured.value.agent } };
    },
    events: app.controller.events,
  };
}
