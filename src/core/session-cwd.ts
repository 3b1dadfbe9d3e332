// Where a stored session works when it is opened again (issue 11, B11): in the directory its
// journal header recorded, never silently in whichever pane had the focus.
import { err, ok, type Result } from './result.js';
import type { SessionHeader } from './journal-record.js';

/** Why `path` cannot be a working directory, as a predicate ("no longer exists", "is not a directory"), or undefined when it can. */
export type DirectoryCheck = (path: string) => string | undefined;

/**
 * The working directory of a session opened from the store: `given` (the person chose one) wins;
 * else the header's `cwd`; a header written before version 3 has none, so `fallback` (the focused
 * agent's directory) is used. A recorded directory that is gone is refused with the way out, so
 * nothing runs in a place nobody chose and the session stays as it was.
 */
export function sessionCwd(
  header: SessionHeader,
  choice: { readonly given: string | undefined; readonly fallback: string },
  check: DirectoryCheck,
): Result<string> {
  if (choice.given !== undefined) {
    const problem = check(choice.given);
    return problem === undefined ? ok(choice.given) : err(`cannot work in ${choice.given}: it ${problem}`);
  }
  if (header.cwd === undefined) return ok(choice.fallback);
  const problem = check(header.cwd);
  if (problem === undefined) return ok(header.cwd);
  return err(
    `${header.name} was started in ${header.cwd}, which ${problem}: not opened (the session is unchanged); ` +
      `open it elsewhere with :session-open --cwd DIR ${header.id}`,
  );
}

/** Where a reopened session works, as the end of the status line (and why, when it is not its own directory). */
export function describeSessionCwd(header: SessionHeader, cwd: string): string {
  if (header.cwd === undefined) return ` in ${cwd} (its journal, older than version 3, records no directory: the focused agent's or the start directory is used)`;
  return header.cwd === cwd ? ` in ${cwd}` : ` in ${cwd} (it was started in ${header.cwd})`;
}
