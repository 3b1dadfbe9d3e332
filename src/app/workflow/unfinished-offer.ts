// At cockpit start (issue 15): the store's unfinished runs (a quit or crash cut them off) are
// listed in the status bar with the key and the command that continue them. Never automatic.
import { unfinishedRuns } from '../../adapters/workflow/unfinished-runs.js';

/** How many runs the status line names before "and N more". */
const NAMED = 3;

/** The status line offering to continue `runs` (newest first), or undefined when there are none. */
export function unfinishedText(runs: readonly { readonly id: string; readonly name: string }[]): string | undefined {
  const [newest] = runs;
  if (newest === undefined) return undefined;
  const named = runs.slice(0, NAMED).map((run) => `${run.id} (${run.name})`).join(', ');
  const more = runs.length > NAMED ? ` and ${runs.length - NAMED} more` : '';
  return `unfinished run${runs.length === 1 ? '' : 's'}: ${named}${more} — C continues ${newest.id}, or :run-continue RUN`;
}

/** Says the unfinished runs of `storeDir`, if any. */
export function offerUnfinished(storeDir: string, say: (text: string, isError: boolean) => void): void {
  const text = unfinishedText(unfinishedRuns(storeDir));
  if (text !== undefined) say(text, false);
}
