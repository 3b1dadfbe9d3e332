// Why a run may not be continued now (issue 15): it is still running here, or agents it opened
// are still working (a revision under way): continuing would run a second copy beside them.
import type { WorkflowAgentHost } from '../../core/workflow/agent-host.js';
import type { LiveRuns } from '../../core/workflow/live-runs.js';
import type { LiveRun } from './start-run.js';

/** The message refusing to continue `runId`, or undefined when it may be continued. */
export function continueRefusal(runId: string, starting: ReadonlySet<string>, live: LiveRuns<LiveRun>, host: WorkflowAgentHost): string | undefined {
  if (starting.has(runId) || live.all().some((run) => run.id === runId)) {
    return `run-continue ${runId}: the run is still running (its agents are working): stop it first (run-stop ${runId}) or wait for it to end`;
  }
  const working = host.workingAgents(runId);
  if (working.length > 0) {
    return `run-continue ${runId}: ${working.length === 1 ? 'its agent' : `${working.length} of its agents`} ${working.join(', ')} ${working.length === 1 ? 'is' : 'are'} still working: wait for ${working.length === 1 ? 'it' : 'them'} to finish, or interrupt (Esc)`;
  }
  return undefined;
}
