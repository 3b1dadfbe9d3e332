// The middle of one grep call: files read on the main thread are matched in batches by a
// worker thread (started on the first batch), and the matches are gathered in path order
// under grep's caps. The worker is what keeps a catastrophic pattern off the event loop.
import { GrepWorker } from './grep-worker-client.js';

export const GREP_MAX_MATCHES = 500;
/** Files larger than this are skipped (and counted) rather than searched. */
export const GREP_MAX_FILE_BYTES = 1024 * 1024;
/** A matching line longer than this is shown cut. */
export const GREP_MAX_LINE_CHARS = 300;

/** A batch is sent to the worker once it holds this many bytes or files. */
const BATCH_BYTES = 4 * 1024 * 1024;
const BATCH_FILES = 256;

/** Why a search ended before its files were all matched. */
export type SearchStop =
  | { readonly kind: 'too-slow' }
  | { readonly kind: 'aborted' }
  | { readonly kind: 'failed'; readonly message: string };

/** The matches so far, as `path:line: text`, and whether more existed than fit. */
export class MatchCollector {
  readonly lines: string[] = [];
  capped = false;
  skippedLarge = 0;
  skippedHardLinks = 0;

  /** Adds a match; returns false (and marks the cap) when no more fit. */
  add(display: string, lineNumber: number, text: string): boolean {
    if (this.lines.length === GREP_MAX_MATCHES) {
      this.capped = true;
      return false;
    }
    const shown = text.length > GREP_MAX_LINE_CHARS ? `${text.slice(0, GREP_MAX_LINE_CHARS)} …` : text;
    this.lines.push(`${display}:${lineNumber}: ${shown}`);
    return true;
  }
}

type PendingFile = { readonly display: string; readonly bytes: Uint8Array };

/** One grep call's matching; `dispose` (always call it) ends the worker thread. */
export class GrepSearch {
  readonly matches = new MatchCollector();
  private batch: PendingFile[] = [];
  private batchBytes = 0;
  private worker: GrepWorker | undefined;

  constructor(
    private readonly pattern: string,
    private readonly budgetMs: number,
    private readonly signal: AbortSignal,
  ) {}

  /** Queues a text file; matches the batch once it is full. */
  async add(display: string, bytes: Uint8Array): Promise<SearchStop | undefined> {
    this.batch.push({ display, bytes });
    this.batchBytes += bytes.byteLength;
    if (this.batch.length < BATCH_FILES && this.batchBytes < BATCH_BYTES) return undefined;
    return this.flush();
  }

  /** Matches whatever is queued. */
  async flush(): Promise<SearchStop | undefined> {
    const batch = this.batch;
    this.batch = [];
    this.batchBytes = 0;
    if (batch.length === 0 || this.matches.capped) return undefined;
    if (this.worker === undefined) {
      const started = await GrepWorker.start(this.pattern, GREP_MAX_LINE_CHARS, this.budgetMs);
      if (!started.ok) return { kind: 'failed', message: started.error };
      this.worker = started.value;
    }
    // One more than fits, so the collector learns that the cap was reached.
    const limit = GREP_MAX_MATCHES - this.matches.lines.length + 1;
    const outcome = await this.worker.match(
      batch.map((file) => file.bytes),
      limit,
      this.signal,
    );
    if (outcome.kind !== 'matched') return outcome;
    for (const [index, file] of batch.entries()) {
      for (const match of outcome.files[index] ?? []) {
        if (!this.matches.add(file.display, match.line, match.text)) return undefined;
      }
    }
    return undefined;
  }

  dispose(): void {
    this.worker?.dispose();
  }
}
