// Where a continued run works (issue 15): in the directory its record names, wherever
// `run --continue` or `run-continue` was typed, so its agents never wake up in another project.
import { directoryProblem } from '../../adapters/files/directory-check.js';
import { err, ok, type Result } from '../../core/result.js';
import type { DirectoryCheck } from '../../core/session-cwd.js';

/**
 * The run's own directory from its `meta` line; a record written before the line had one falls
 * back to the caller's directory. A recorded directory that is gone refuses the continue, before
 * anything is written to the record.
 */
export function continueCwd(runId: string, recorded: string | undefined, callerCwd: string, check: DirectoryCheck = directoryProblem): Result<string> {
  if (recorded === undefined) return ok(callerCwd);
  const problem = check(recorded);
  if (problem === undefined) return ok(recorded);
  return err(`run-continue ${runId}: the run works in ${recorded}, which ${problem}: not continued (the record is unchanged)`);
}
