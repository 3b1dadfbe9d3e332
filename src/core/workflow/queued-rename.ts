// Renaming a queued workflow call (DESIGN.md §9, issue 14): before its agent exists the call only
// reserves a name, so `rename` changes the reservation; the run view's row follows through the
// registry's `call-renamed` event and the agent starts under the new name.
import { agentNameProblem } from '../layout-file.js';
import { err, ok, type Result } from '../result.js';
import type { CallStates } from './call-state.js';

/**
 * `rename` of a queued call: the result, or undefined when `name` is no queued call (an agent,
 * or nothing: the ordinary rename answers). `taken` says whether a live agent holds a name.
 */
export function renameQueuedCall(calls: CallStates | undefined, name: string, to: string, taken: (candidate: string) => boolean): Result<string> | undefined {
  const entry = calls?.find(name);
  if (entry?.state.kind !== 'queued' || taken(name)) return undefined;
  if (to === name) return ok(`${name} is already named ${to}`);
  const problem = agentNameProblem(to) ?? (to.startsWith('@') ? 'must not start with "@" (-t @RUN names a run)' : undefined);
  if (problem !== undefined) return err(`agent name ${problem}`);
  if (taken(to) || calls?.find(to) !== undefined) return err(`an agent named "${to}" already exists`);
  entry.renamed(to);
  return ok(`renamed ${name} to ${to} (queued: it starts under that name)`);
}
