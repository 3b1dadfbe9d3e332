// What must hold before the screen opens (DESIGN.md §3, §5): the layout is valid (else exit 2)
// and the store's lock is ours (else exit 1), both reported on stderr. Kept light on purpose:
// the first frame waits for this module, while the store, the agents and the SDK load after it.
import { join, resolve } from 'node:path';
import { loadLayout } from '../adapters/layout-loader.js';
import { lockStoreDir, type StoreLock } from '../adapters/store/store-lock.js';
import type { RunOptions } from '../cli-options.js';
import type { Layout } from '../core/layout-file.js';
import { err, ok, type Result } from '../core/result.js';
import { packageRoot } from './package-root.js';

/** Why the cockpit did not start: the message for stderr and the exit status. */
export type StartFailure = { readonly message: string; readonly exitCode: number };

/** A valid layout and a locked store directory: what the first frame and the rest of the start build on. */
export type StartChecks = {
  readonly layout: Layout;
  readonly sessionsDir: string;
  readonly lock: StoreLock;
  readonly logPath: string;
};

/** The folder of the shipped layouts. */
export function layoutsDir(): string {
  return join(packageRoot(), 'layouts');
}

/** Reads and validates the layout (unless one is `given`), then takes the store's lock; reads nothing else of the store. */
export function checkBeforeScreen(options: RunOptions, cwd: string, given?: Layout): Result<StartChecks, StartFailure> {
  const loaded = given === undefined ? loadLayout(options.layout, layoutsDir()) : ok({ layout: given });
  if (!loaded.ok) return err({ message: loaded.error, exitCode: 2 });
  const sessionsDir = resolve(cwd, options.sessions);
  const lock = lockStoreDir(sessionsDir);
  if (!lock.ok) return err({ message: lock.error, exitCode: 1 });
  return ok({ layout: loaded.value.layout, sessionsDir, lock: lock.value, logPath: join(sessionsDir, 'agentmux.log') });
}
