// The process side of a headless run (DESIGN.md §9 Headless). SIGINT, SIGTERM and SIGHUP are all
// `run-stop`: a closed ssh session (SIGHUP) used to kill the run by default, its record left
// unfinished. After a hangup or a closed pipe (`agentmux run … | head -1`), writes to stdout and
// stderr fail with EIO or EPIPE: they are dropped instead of crashing the run on an unhandled
// stream error, so the run still ends in order (record closed, store lock released, exit 3).
import type { Disposable } from '../../core/events.js';
import { visibleLines } from '../../core/visible-controls.js';
import type { HeadlessIo } from './headless-run.js';

const GONE_CODES = new Set(['EIO', 'EPIPE', 'ENXIO', 'EBADF', 'ECONNRESET']);
const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** A headless run's io over the real process, and whether its terminal hung up. */
export type ProcessIo = HeadlessIo & {
  /** True once SIGHUP came or a standard stream was found gone: the caller releases the terminal before exit. */
  readonly lost: () => boolean;
};

/** A standard stream that stops being written once it fails as gone (any other error is rethrown: a real fault). */
function droppingWriter(stream: NodeJS.WriteStream, onGone: () => void): (text: string) => void {
  let gone = false;
  stream.on('error', (thrown: unknown) => {
    const code = thrown instanceof Error && 'code' in thrown ? thrown.code : undefined;
    if (typeof code !== 'string' || !GONE_CODES.has(code)) throw thrown;
    gone = true;
    onGone();
  });
  return (text) => {
    if (gone) return;
    try {
      stream.write(text);
    } catch (thrown) {
      const code = thrown instanceof Error && 'code' in thrown ? thrown.code : undefined;
      if (typeof code !== 'string' || !GONE_CODES.has(code)) throw thrown;
      gone = true;
      onGone();
    }
  };
}

/** stdout and stderr (controls shown visibly on stderr) that survive their reader going away; the three stop signals. */
export function headlessProcessIo(): ProcessIo {
  let lost = false;
  const markLost = (): void => {
    lost = true;
  };
  const stdout = droppingWriter(process.stdout, markLost);
  const stderr = droppingWriter(process.stderr, markLost);
  return {
    stdout,
    stderr: (text) => stderr(visibleLines(text)),
    lost: () => lost,
    onStopSignal: (handler): Disposable => {
      const onSignal = (signal: NodeJS.Signals): void => {
        if (signal === 'SIGHUP') lost = true;
        handler();
      };
      for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
      return {
        dispose: () => {
          for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
        },
      };
    },
  };
}
