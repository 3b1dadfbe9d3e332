// What quitting would stop, for the quit question (DESIGN.md §5: `q` asks only while something
// works). A running PTY program counts (B6): quitting kills it, and it may be a whole Claude Code
// or ssh session.
import type { Agent } from '../core/agent.js';
import { isBusy } from '../core/agent-state.js';
import { waitingCount } from '../core/pending-messages.js';

/** The question to ask before quitting, or undefined when nothing would be stopped. */
export function quitQuestion(agents: readonly Agent[]): string | undefined {
  const working = agents.filter((agent) => agent.pty === undefined && (isBusy(agent.state) || agent.running !== undefined));
  const programs = agents.filter((agent) => agent.pty?.running === true);
  const parts: string[] = [];
  if (working.length > 0) {
    parts.push(`${working.length} agent${working.length === 1 ? ' is' : 's are'} working (${working.map((a) => a.name).join(', ')})`);
  }
  if (programs.length > 0) {
    const named = programs.map((a) => `${a.name}: ${a.pty?.commandLine ?? ''}`).join(', ');
    parts.push(`${programs.length} program${programs.length === 1 ? ' is' : 's are'} running and will be killed (${named})`);
  }
  const waiting = agents.reduce((sum, agent) => sum + waitingCount(agent), 0);
  if (waiting > 0) {
    parts.push(`${waiting} queued message${waiting === 1 ? ' is' : 's are'} kept and delivered at the next start`);
  }
  if (parts.length === 0) return undefined;
  return `${parts.join('; ')}. Quit?`;
}
