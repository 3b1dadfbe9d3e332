// Where each file of a store directory lives (DESIGN.md §3 "Storage"), in one place.
import path from 'node:path';
import { err, ok, type Result } from '../../core/result.js';

/** The paths of one store directory; `dir` is kept as given so messages show what the user typed. */
export type StorePaths = {
  readonly dir: string;
  readonly journals: string;
  readonly blobs: string;
  readonly quarantine: string;
  readonly catalog: string;
  readonly lock: string;
};

/** Lays out a store directory: journals/, blobs/, quarantine/, catalog.json, agentmux.lock. */
export function storePaths(dir: string): StorePaths {
  return {
    dir,
    journals: path.join(dir, 'journals'),
    blobs: path.join(dir, 'blobs'),
    quarantine: path.join(dir, 'quarantine'),
    catalog: path.join(dir, 'catalog.json'),
    lock: path.join(dir, 'agentmux.lock'),
  };
}

const safeSessionId = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** A session id becomes a file name, so it may not climb out of journals/ or hide as a dotfile. */
export function checkSessionId(sessionId: string): Result<string> {
  if (sessionId.length > 200 || !safeSessionId.test(sessionId)) {
    return err(`invalid session id ${JSON.stringify(sessionId)} (letters, digits, '.', '_', '-' only)`);
  }
  return ok(sessionId);
}

/** The journal file of a session (the id must have passed `checkSessionId`). */
export function journalPath(paths: StorePaths, sessionId: string): string {
  return path.join(paths.journals, `${sessionId}.jsonl`);
}
