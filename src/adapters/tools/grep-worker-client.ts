// grep's side of its worker thread: starts the worker (the compiled .js sibling, or the .ts
// source bundled by esbuild), hands it batches of files, and terminates it when the pattern runs past
// its time budget or the agent's signal aborts, so no regex can freeze the cockpit's event loop.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import type { LineMatch } from './grep-lines.js';
import * as z from 'zod';
import type { GrepWorkerData, GrepWorkerReply } from './grep-worker-protocol.js';

/** How long a worker may take to load before grep gives up on it (tsx compiles it first). */
const STARTUP_LIMIT_MS = 20_000;

/** What one batch came to. */
export type BatchOutcome =
  | { readonly kind: 'matched'; readonly files: readonly (readonly LineMatch[])[] }
  | { readonly kind: 'too-slow' }
  | { readonly kind: 'aborted' }
  | { readonly kind: 'failed'; readonly message: string };

const LineMatchSchema = z.object({ line: z.number().int().positive(), text: z.string() });
const ReplySchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('ready') }),
  z.object({ t: z.literal('matched'), files: z.array(z.array(LineMatchSchema)) }),
  z.object({ t: z.literal('failed'), message: z.string() }),
]);

type Incoming = GrepWorkerReply | { readonly t: 'gone'; readonly message: string };
type Received = Incoming | { readonly t: 'timeout' } | { readonly t: 'aborted' };

let running = 0;

/** How many grep workers are alive (started and not yet exited); tests wait for it to reach 0. */
export function runningGrepWorkers(): number {
  return running;
}

let sourceBundle: Promise<Result<string>> | undefined;

/**
 * The worker script from sources (tsx, vitest), as one CommonJS string. Node 20 gives a worker
 * none of the main thread's loader hooks, and registering tsx inside each worker costs ~0.8 s
 * per grep; esbuild (tsx's own compiler, so present wherever tsx is) bundles it once instead.
 */
function bundleWorkerSource(entry: URL): Promise<Result<string>> {
  sourceBundle ??= (async (): Promise<Result<string>> => {
    try {
      const esbuild = await import('esbuild');
      const built = await esbuild.build({
        entryPoints: [fileURLToPath(entry)],
        bundle: true,
        write: false,
        format: 'cjs',
        platform: 'node',
        target: 'node20',
        logLevel: 'silent',
      });
      const code = built.outputFiles[0]?.text;
      return code === undefined ? err('esbuild produced no output') : ok(code);
    } catch (thrown) {
      return err(messageOf(thrown));
    }
  })();
  return sourceBundle;
}

/**
 * Starts the worker script next to this module: compiled (dist/), the `grep-worker.js`
 * sibling; from sources, `grep-worker.ts` bundled by esbuild and run as an eval worker.
 */
async function spawn(data: GrepWorkerData): Promise<Result<Worker>> {
  const here = import.meta.url;
  try {
    if (!here.endsWith('.ts')) {
      return ok(new Worker(new URL('./grep-worker.js', here), { workerData: data, execArgv: [] }));
    }
    const code = await bundleWorkerSource(new URL('./grep-worker.ts', here));
    if (!code.ok) return err(`grep could not build its worker from sources: ${code.error}`);
    return ok(new Worker(code.value, { eval: true, workerData: data, execArgv: [] }));
  } catch (thrown) {
    return err(`grep could not start its worker: ${messageOf(thrown)}`);
  }
}

/** A byte view that owns exactly its bytes, so cloning it to the worker copies no more than the file. */
function tight(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

/** One grep call's worker thread; `dispose` (always call it) terminates the thread. */
export class GrepWorker {
  private readonly inbox: Incoming[] = [];
  private wake: (() => void) | undefined;
  private started = false;
  private disposed = false;
  private remainingMs: number;

  private constructor(
    private readonly worker: Worker,
    budgetMs: number,
  ) {
    this.remainingMs = budgetMs;
    running += 1;
    worker.on('message', (raw: unknown) => {
      const reply = ReplySchema.safeParse(raw);
      this.deliver(reply.success ? reply.data : { t: 'failed', message: 'grep worker sent a malformed reply' });
    });
    worker.on('error', (thrown) => this.deliver({ t: 'gone', message: `grep worker failed: ${messageOf(thrown)}` }));
    worker.on('exit', (code) => {
      running -= 1;
      this.deliver({ t: 'gone', message: `grep worker exited (code ${code})` });
    });
  }

  /** Starts a worker for `pattern`; `budgetMs` is the matching time allowed over all batches. */
  static async start(pattern: string, maxLineChars: number, budgetMs: number): Promise<Result<GrepWorker>> {
    const worker = await spawn({ pattern, maxLineChars });
    return worker.ok ? ok(new GrepWorker(worker.value, budgetMs)) : worker;
  }

  /** Matches a batch of text files; at most `limit` matches over the batch, files in order. */
  async match(files: readonly Uint8Array[], limit: number, signal: AbortSignal): Promise<BatchOutcome> {
    if (this.disposed) return { kind: 'failed', message: 'grep worker is gone' };
    if (!this.started) {
      const first = await this.receive(STARTUP_LIMIT_MS, signal);
      if (first.t !== 'ready') return this.stop(first, { kind: 'failed', message: 'grep worker did not start in time' });
      this.started = true;
    }
    // The worker parses it as a MatchRequest.
    this.worker.postMessage({ files: files.map(tight), limit });
    const began = performance.now();
    const answer = await this.receive(Math.max(0, this.remainingMs), signal);
    this.remainingMs -= performance.now() - began;
    if (answer.t === 'matched') return { kind: 'matched', files: answer.files };
    return this.stop(answer, { kind: 'too-slow' });
  }

  /** Terminates the thread (idempotent); a regex stuck in backtracking dies with it. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.wake = undefined;
    void this.worker.terminate();
  }

  private stop(received: Received, onTimeout: BatchOutcome): BatchOutcome {
    this.dispose();
    switch (received.t) {
      case 'timeout':
        return onTimeout;
      case 'aborted':
        return { kind: 'aborted' };
      case 'ready':
      case 'matched':
        return { kind: 'failed', message: `grep worker sent an unexpected "${received.t}"` };
      case 'failed':
      case 'gone':
        return { kind: 'failed', message: received.message };
    }
  }

  private deliver(incoming: Incoming): void {
    this.inbox.push(incoming);
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** The next message from the worker, or `timeout` after `limitMs`, or `aborted` when `signal` fires. */
  private receive(limitMs: number, signal: AbortSignal): Promise<Received> {
    const queued = this.inbox.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (signal.aborted) return Promise.resolve({ t: 'aborted' });
    return new Promise<Received>((resolve) => {
      const finish = (received: Received): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        this.wake = undefined;
        resolve(received);
      };
      const onAbort = (): void => finish({ t: 'aborted' });
      const timer = setTimeout(() => finish({ t: 'timeout' }), limitMs);
      signal.addEventListener('abort', onAbort, { once: true });
      this.wake = () => {
        const next = this.inbox.shift();
        if (next !== undefined) finish(next);
      };
    });
  }
}
