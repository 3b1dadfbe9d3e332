// Where adapters write what a person may want to read later: the log file, never the terminal.
import { appendFileSync } from 'node:fs';
import { FILE_MODE } from './store/store-modes.js';

/** A destination for log lines; the screen belongs to the renderer (DESIGN.md §7). */
export type LogSink = (line: string) => void;

/**
 * A sink appending one timestamped line per call to `path`. Writes are synchronous so the order
 * holds and a crash loses nothing; log lines are rare, so this costs nothing per token.
 */
export function fileLogSink(path: string): LogSink {
  return (line) => {
    try {
      appendFileSync(path, `${new Date().toISOString()} ${line}\n`, { mode: FILE_MODE });
    } catch {
      // A log that cannot be written must not take the program down.
    }
  };
}
