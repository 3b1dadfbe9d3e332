// The cockpit (or a headless run) as `agentmux ctl` sees it (DESIGN.md §5): a received command
// line runs through the same `dispatch` as `:` and renders at once, like a key, without asking to
// confirm; capture reads the agent's pane text; events are the controller's.
import type { CommandResult } from '../core/command.js';
import type { ControlPort } from '../core/control-port.js';
import type { Controller } from '../core/controller.js';
import { ctlReply } from '../core/ctl-reply.js';
import type { AgentTranscripts } from './agent-transcripts.js';
import { captureAgent } from './capture.js';
import { projectedOutcome } from './workflow/projected-run.js';
import type { Result } from '../core/result.js';
import type { CockpitApp } from './cockpit-app.js';

/** What a control port needs: a way to run a line (never confirming), the controller, and the panes' transcripts. */
export type ControlTarget = {
  readonly run: (line: string) => CommandResult;
  readonly controller: Controller;
  readonly transcripts: AgentTranscripts;
  /** What the line just run left to wait for (a `run` being projected, issue 16), taken once. */
  readonly later?: () => Promise<Result<string>> | undefined;
};

/** A port for any target: the cockpit below, or a headless run (its own dispatch, transcripts without a screen). */
export function controlPortOf(target: ControlTarget): ControlPort {
  return {
    run: (line) => {
      const result = target.run(line);
      const later = result.kind === 'ok' && result.command === 'run' ? target.later?.() : undefined;
      return later === undefined ? ctlReply(line, result) : later.then((outcome) => ctlReply(line, projectedOutcome(result, outcome)));
    },
    capture(agent) {
      const captured = captureAgent(target.controller, target.transcripts, agent);
      if (!captured.ok) return { type: 'reply', ok: false, command: 'capture', message: captured.error, value: null };
      return { type: 'reply', ok: true, command: 'capture', message: captured.value.text, value: { agent: captured.value.agent } };
    },
    events: target.controller.events,
  };
}

/** Adapts the running cockpit: the line runs as at the `:` prompt and the frame is drawn at once. */
export function cockpitControlPort(app: CockpitApp): ControlPort {
  return controlPortOf({
    run: (line) => {
      const result = app.runUnattended(line);
      app.view.renderNow();
      return result;
    },
    later: () => app.controller.workflows?.takeProjection?.(),
    controller: app.controller,
    transcripts: app.transcripts,
  });
}
