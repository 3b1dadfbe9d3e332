// What a live run reports (the headless stderr lines, later the run view): each record line as
// it is written, the script turning busy or responsive again, and problems writing the record.
import type { RunRecordLine, RunStatus } from './run-record.js';
import type { JsonValue } from '../json-value.js';
import type { HostMessage } from './script-protocol.js';

export type RunEvent =
  | { readonly kind: 'record'; readonly line: RunRecordLine }
  | { readonly kind: 'busy'; readonly seconds: number }
  | { readonly kind: 'responsive' }
  | { readonly kind: 'notice'; readonly message: string };

/** How a run ended (the record's `done` line). */
export type RunEnd =
  | { readonly status: 'completed'; readonly result: JsonValue }
  | { readonly status: Exclude<RunStatus, 'completed'>; readonly error: string };

/** The worker a run's script runs in, as the runtime sees it. */
export type ScriptChannel = {
  send(message: HostMessage): void;
  /** Ends the script's thread at once (stop, or the run is over). */
  terminate(): void;
};
