// When the terminal goes away (the window closed, `tmux kill-session`, an ssh link dropped), the
// kernel sends SIGHUP and every later write to it fails with EIO. Unhandled, that error crashed
// agentmux halfway through its shutdown, leaving the demo's workspace copies and a stale store
// lock behind (B18). Here a lost terminal is expected: write and read errors on it are swallowed
// and reported once, so the same orderly shutdown as `q` runs to the end.
import { closeSync } from 'node:fs';
import type { Disposable } from '../core/events.js';

/** The process's terminal streams, as this guard needs them. */
export type TerminalStreams = { readonly stdout: NodeJS.EventEmitter; readonly stdin: NodeJS.EventEmitter };

const LOST_CODES = new Set(['EIO', 'EPIPE', 'ENXIO', 'EBADF']);

/** The guard: disposable, and says whether the terminal was found gone. */
export type TerminalGuard = Disposable & { readonly lost: () => boolean };

/** Calls `onLost` once the first time writing to or reading from the terminal fails because it is gone. */
export function guardTerminalLoss(streams: TerminalStreams, onLost: () => void): TerminalGuard {
  let lost = false;
  const onError = (thrown: unknown): void => {
    const code = thrown instanceof Error && 'code' in thrown ? thrown.code : undefined;
    // Any other error is a real fault: rethrown, it reaches the crash handler as before.
    if (typeof code !== 'string' || !LOST_CODES.has(code)) throw thrown;
    if (lost) return;
    lost = true;
    onLost();
  };
  streams.stdout.on('error', onError);
  streams.stdin.on('error', onError);
  return {
    lost: () => lost,
    dispose: () => {
      // Kept: the shutdown still writes to the (gone) terminal after the cockpit is disposed.
      if (!lost) {
        streams.stdout.off('error', onError);
        streams.stdin.off('error', onError);
      }
    },
  };
}

/**
 * Closes the standard descriptors of a terminal that is gone, just before the process exits. Node's
 * exit restores each terminal descriptor's modes and aborts when that fails (EIO on a hung-up
 * terminal): agentmux died by SIGABRT or SIGSEGV after a clean shutdown (exit 134/139). A
 * descriptor already closed is skipped by that restore. The screen was given back before this.
 */
export function releaseLostTerminal(fds: readonly number[] = [0, 1, 2]): void {
  for (const fd of fds) {
    try {
      closeSync(fd);
    } catch {
      // Already closed: nothing left for the exit to restore.
    }
  }
}
