// Whether a stored session's journal was written after a moment, from its modification time
// alone (issue 15): a continue checks each call it would reuse for a later answer, and replaying
// every journal of a 1,000-agent run costs seconds; one whose file was last written before the
// call's value was recorded cannot hold a later answer, so it is not read at all.
import fs from 'node:fs';
import { checkSessionId, journalPath, storePaths } from './store-paths.js';

/** True when `sessionId`'s journal in `storeDir` was written at or after `sinceMs` (epoch ms), or when that cannot be told (then read it). */
export function journalWrittenSince(storeDir: string, sessionId: string, sinceMs: number): boolean {
  const id = checkSessionId(sessionId);
  if (!id.ok) return true;
  try {
    return fs.statSync(journalPath(storePaths(storeDir), id.value)).mtimeMs >= sinceMs;
  } catch {
    return true;
  }
}
