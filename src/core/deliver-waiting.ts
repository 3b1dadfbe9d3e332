// A reattached session may hold work accepted before agentmux last stopped: messages journaled
// as pending (pending-messages.ts) and tool calls a crash cut short (crashed-calls.ts). Whoever
// reattaches it (agent-admin.ts `add`: a layout, saved panes, `new NAME`, the session browser)
// starts its loop here, so the "delivering now" notice is true on every path.
import type { SdkAgent } from './agent.js';
import { kick, type RunnerDeps } from './agent-runner.js';
import { hasCrashedCalls } from './crashed-calls.js';
import { waitingCount } from './pending-messages.js';

/** Starts the agent's loop when messages or crash-cut calls wait; does nothing otherwise. */
export function deliverWaiting(agent: SdkAgent, deps: RunnerDeps): void {
  if (waitingCount(agent) > 0 || hasCrashedCalls(agent)) kick(agent, deps);
}
