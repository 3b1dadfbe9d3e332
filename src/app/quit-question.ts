// What quitting would stop, for the quit question (DESIGN.md §5: `q` asks only while something
// works). A running PTY program counts (B6): quitting kills it, and it may be a whole Claude Code
// or ssh session. A live workflow run counts (§9): quitting stops it. Messages queued to workflow
// agents are not promised for the next start: workflow agents are never reattached.
import type { Agent } from '../core/agent.js';
import { isBusy } from '../core/agent-state.js';
import { waitingCount } from '../core/pending-messages.js';
import type { LiveRunRef } from '../core/workflow/workflow-runs-api.js';
import { visibleControls } from '../core/visible-controls.js';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The question to ask before quitting, or undefined when nothing would be stopped. */
export function quitQuestion(agents: readonly Agent[], runs: readonly LiveRunRef[] = []): string | undefined {
  const working = agents.filter((agent) => agent.kind === 'sdk' && (isBusy(agent.state) || agent.phase.kind === 'running'));
  const programs = agents.flatMap((agent) => (agent.kind === 'pty' && agent.pty.running ? [agent] : []));
  const parts: string[] = [];
  if (runs.length > 0) {
    parts.push(`${plural(runs.length, 'workflow run is', 'workflow runs are')} live and will be stopped (${runs.map((run) => `${run.id} ${visibleControls(run.name)}`).join(', ')})`);
  }
  if (working.length > 0) {
    parts.push(`${working.length} agent${working.length === 1 ? ' is' : 's are'} working (${working.map((a) => a.name).join(', ')})`);
  }
  if (programs.length > 0) {
    const named = programs.map((a) => `${a.name}: ${a.pty.commandLine}`).join(', ');
    parts.push(`${programs.length} program${programs.length === 1 ? ' is' : 's are'} running and will be killed (${named})`);
  }
  const count = (from: readonly Agent[]): number => from.reduce((sum, agent) => sum + (agent.kind === 'sdk' ? waitingCount(agent) : 0), 0);
  const reattached = count(agents.filter((agent) => agent.config.run === undefined));
  if (reattached > 0) {
    parts.push(`${plural(reattached, 'queued message is', 'queued messages are')} kept and delivered at the next start`);
  }
  const workflow = count(agents.filter((agent) => agent.config.run !== undefined));
  if (workflow > 0) {
    const where = workflow === 1 ? 'queued message to a workflow agent stays in its session' : 'queued messages to workflow agents stay in their sessions';
    parts.push(`${workflow} ${where}, never delivered (workflow agents are not reattached)`);
  }
  if (parts.length === 0) return undefined;
  return `${parts.join('; ')}. Quit?`;
}
