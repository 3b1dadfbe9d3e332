// The main thread's side of a script's worker: starts it, hands its messages to the run, says
// when the script has not yielded for a while (busy), and terminates it when the run ends.
import type { Worker } from 'node:worker_threads';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import type { ScriptChannel } from '../../core/workflow/run-events.js';
import { ScriptMessageSchema, type ScriptMessage, type ScriptStart } from '../../core/workflow/script-protocol.js';
import { startWorkerModule } from '../worker-module.js';

/** After this long without a message (the worker sends one each second) the script is busy. */
export const BUSY_AFTER_MS = 5000;

export type ScriptWorkerHandlers = {
  readonly message: (message: ScriptMessage) => void;
  /** The worker failed or exited on its own. */
  readonly gone: (message: string) => void;
  /** Busy for `seconds` (a number), or responsive again (undefined). */
  readonly busy: (seconds: number | undefined) => void;
};

let running = 0;

/** How many script workers are alive; tests wait for it to reach 0. */
export function runningScriptWorkers(): number {
  return running;
}

class ScriptWorker implements ScriptChannel {
  private timer: NodeJS.Timeout | undefined;
  private busySince: number | undefined;
  private ended = false;

  constructor(
    private readonly worker: Worker,
    private readonly handlers: ScriptWorkerHandlers,
    private readonly busyAfterMs: number,
  ) {
    running += 1;
    worker.on('message', (raw: unknown) => {
      this.alive();
      const message = ScriptMessageSchema.safeParse(raw);
      if (message.success) handlers.message(message.data);
    });
    worker.on('error', (thrown) => this.gone(`the script's worker failed: ${messageOf(thrown)}`));
    worker.on('exit', (code) => {
      running -= 1;
      this.gone(`the script's worker exited (code ${code})`);
    });
    this.alive();
  }

  send(message: Parameters<ScriptChannel['send']>[0]): void {
    if (!this.ended) this.worker.postMessage(message);
  }

  terminate(): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.timer);
    void this.worker.terminate();
  }

  private gone(message: string): void {
    if (this.ended) return;
    this.terminate();
    this.handlers.gone(message);
  }

  private alive(): void {
    if (this.ended) return;
    clearTimeout(this.timer);
    if (this.busySince !== undefined) {
      this.busySince = undefined;
      this.handlers.busy(undefined);
    }
    this.timer = setTimeout(() => {
      this.busySince = this.busyAfterMs;
      this.handlers.busy(Math.round(this.busyAfterMs / 1000));
    }, this.busyAfterMs);
  }
}

/** Starts a script in its own worker; `busyAfterMs` is for tests (DESIGN.md says 5 s). */
export async function startScriptWorker(start: ScriptStart, handlers: ScriptWorkerHandlers, busyAfterMs = BUSY_AFTER_MS): Promise<Result<ScriptChannel>> {
  const worker = await startWorkerModule(import.meta.url, 'script-worker', start);
  if (!worker.ok) return err(worker.error);
  return ok(new ScriptWorker(worker.value, handlers, busyAfterMs));
}
