// Keeps a second agentmux out of a store (DESIGN.md §3): DIR/agentmux.lock names the owner by
// pid and process start time, so a dead owner, or a reused pid, is recognised and taken over.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import { DIR_MODE, FILE_MODE } from './store-modes.js';

const LockOwner = z.object({ pid: z.number().int().positive(), startTime: z.number().nullable() });
type LockOwner = z.infer<typeof LockOwner>;

/** A held store lock; `release` removes the file only while it still names this process. */
export type StoreLock = { readonly path: string; readonly owner: LockOwner; release(): void };

/** The fields of /proc/PID/stat after the command name (field 3 first), or null where there is no /proc. */
function statFields(pid: number): readonly string[] | null {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) may hold spaces and parentheses, so count from its closing one.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** Field 22 of /proc/PID/stat (start time in clock ticks after boot), or null where there is no /proc. */
export function processStartTime(pid: number): number | null {
  const startTime = Number(statFields(pid)?.[22 - 3]);
  return Number.isFinite(startTime) ? startTime : null;
}

/**
 * Whether /proc says the process has ended (state `Z` zombie or `X` dead) though its pid still
 * answers `kill(pid, 0)`: after `kill -9` of a process tree, an owner nobody reaped yet.
 */
export function processEnded(pid: number): boolean {
  const state = statFields(pid)?.[0];
  return state === 'Z' || state === 'X';
}

function errorCode(thrown: unknown): unknown {
  return thrown instanceof Error && 'code' in thrown ? thrown.code : undefined;
}

function isAlive(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (thrown) {
    if (errorCode(thrown) !== 'EPERM') return false; // ESRCH: no such process
  }
  if (processEnded(owner.pid)) return false;
  if (owner.startTime === null) return true;
  const startTime = processStartTime(owner.pid);
  return startTime === null || startTime === owner.startTime;
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const owner = LockOwner.safeParse(JSON.parse(text));
    return owner.success ? owner.data : undefined;
  } catch {
    return undefined;
  }
}

/** Creates the lock file with its content in one step (write a temporary file, then link it). */
function tryCreate(file: string, content: string): 'created' | 'exists' {
  const temporary = path.join(path.dirname(file), `.agentmux.lock.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temporary, content, { flag: 'wx', mode: FILE_MODE });
    fs.linkSync(temporary, file);
    return 'created';
  } catch (thrown) {
    if (errorCode(thrown) === 'EEXIST') return 'exists';
    throw thrown;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/**
 * Removes a stale lock whose text was `stale`. It is first renamed aside, so that if another
 * process replaced it meanwhile, that live lock is put back instead of being deleted.
 */
function removeStale(file: string, stale: string): void {
  const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    fs.renameSync(file, aside);
  } catch (thrown) {
    if (errorCode(thrown) === 'ENOENT') return;
    throw thrown;
  }
  try {
    if (fs.readFileSync(aside, 'utf8') !== stale) fs.linkSync(aside, file);
  } catch (thrown) {
    if (errorCode(thrown) !== 'EEXIST') throw thrown;
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

/** Creates the store directory DIR if missing and takes its lock, reading nothing else in it (the cockpit does this before its screen opens). */
export function lockStoreDir(dir: string): Result<StoreLock, string> {
  try {
    // Owner-only (DESIGN.md §5): the control socket inside it is the cockpit's command line.
    fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  } catch (thrown) {
    // `--sessions /etc/passwd`: say what is wrong, not mkdir's EEXIST.
    const code = thrown instanceof Error && 'code' in thrown ? thrown.code : undefined;
    if (code === 'EEXIST' || code === 'ENOTDIR') return err(`${dir}: is not a directory (--sessions names the store directory)`);
    return err(`${dir}: cannot create the store directory: ${messageOf(thrown)}`);
  }
  return acquireStoreLock(dir);
}

/** Takes DIR/agentmux.lock for this process, or says which live agentmux holds it. */
export function acquireStoreLock(dir: string): Result<StoreLock, string> {
  const file = path.join(dir, 'agentmux.lock');
  const me: LockOwner = { pid: process.pid, startTime: processStartTime(process.pid) };
  const content = JSON.stringify(me);
  try {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      if (tryCreate(file, content) === 'created') return ok(heldLock(file, me, content));
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (thrown) {
        if (errorCode(thrown) === 'ENOENT') continue; // released meanwhile: try again
        throw thrown;
      }
      const owner = parseOwner(text);
      // Creation is atomic, so an unreadable lock was not written by agentmux: treat it as stale.
      if (owner !== undefined && isAlive(owner)) return err(`${dir}: in use by agentmux pid ${owner.pid}`);
      removeStale(file, text);
    }
    return err(`${dir}: could not take the lock ${file} (it keeps changing)`);
  } catch (thrown) {
    return err(`${dir}: cannot lock the store: ${messageOf(thrown)}`);
  }
}

function heldLock(file: string, owner: LockOwner, content: string): StoreLock {
  return {
    path: file,
    owner,
    release(): void {
      try {
        if (fs.readFileSync(file, 'utf8') === content) fs.unlinkSync(file);
      } catch {
        // Already gone, or unreadable: either way it is no longer ours to remove.
      }
    },
  };
}
