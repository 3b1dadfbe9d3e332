// Building a PTY agent (DESIGN.md §4): a HostedAgent (no session) whose `pty` side hosts the
// command. Kept apart from agent-admin.ts, which only registers what this returns.
import { HostedAgent } from './agent.js';
import type { ControllerEvent, Emitter } from './events.js';
import { PtyAgent, type PtyAgentSpec } from './pty-agent.js';
import type { PtyTimer } from './pty-delivery.js';
import type { PtyLauncher } from './pty-session.js';
import { err, ok, type Result } from './result.js';

/** What opening a PTY agent needs from the controller. */
export type PtyAdminDeps = {
  /** The adapter's spawn; undefined where no PTY host exists (then PTY agents are refused). */
  readonly launch: PtyLauncher | undefined;
  readonly events: Emitter<ControllerEvent>;
  /** Fired with the agent's name when its screen changes (the app turns it into a frame request). */
  readonly screens: Emitter<string>;
  readonly timer?: PtyTimer;
};

/** The agent of a hosted command, not started and not registered yet. */
export function buildPtyAgent(deps: PtyAdminDeps, name: string, cwd: string, spec: PtyAgentSpec): Result<HostedAgent> {
  const launch = deps.launch;
  if (launch === undefined) return err(`${name}: PTY agents need a PTY host, and this cockpit has none`);
  if (spec.command.length === 0 || spec.command[0] === '') return err(`${name}: a PTY agent needs a COMMAND`);
  const host = (agent: HostedAgent): PtyAgent =>
    new PtyAgent(spec, cwd, {
      launch,
      setState: (state, detail) => agent.setState(state, detail),
      screenChanged: () => deps.screens.emit(agent.name),
      ...(deps.timer === undefined ? {} : { timer: deps.timer }),
    });
  return ok(new HostedAgent({ name, model: spec.command.join(' '), cwd }, deps.events, host));
}
