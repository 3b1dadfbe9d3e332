// Starts the bench's model server in its own process and asks it for its token counts over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ModelServerReport, type ModelCounts, type ModelServerRequest } from './model-protocol.js';

/** The model-server child: its URL, its counts on request, and how to stop it. */
export type ModelProcess = {
  readonly url: string;
  readonly pid: number;
  /** Token counts so far; `streaming` counts the answers of requests from index `from` on. */
  counts(from?: number): Promise<ModelCounts>;
  close(): Promise<void>;
};

const REPO = join(import.meta.dirname, '..', '..');

/** Forks model-server.ts (TypeScript, through tsx) and waits until it listens. */
export async function startModelProcess(env: Readonly<Record<string, string>> = {}): Promise<ModelProcess> {
  const child = fork(join(import.meta.dirname, 'model-server.ts'), [], {
    cwd: REPO,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (counts: ModelCounts) => void>();
  let nextId = 0;
  const url = await new Promise<string>((resolve, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`model server exited (${String(code)}) before listening`));
    child.once('exit', onExit);
    child.on('message', (raw: unknown) => {
      const report = ModelServerReport.safeParse(raw);
      if (!report.success) return;
      if (report.data.type === 'ready') {
        child.off('exit', onExit);
        resolve(report.data.url);
      } else {
        pending.get(report.data.id)?.(report.data);
        pending.delete(report.data.id);
      }
    });
  });
  const send = (message: ModelServerRequest): void => {
    child.send(message);
  };
  return {
    url,
    pid: child.pid ?? 0,
    counts: (from = 0) =>
      new Promise<ModelCounts>((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error('model server did not answer within 10 s'));
        }, 10_000);
        pending.set(id, (counts) => {
          clearTimeout(timer);
          resolve(counts);
        });
        send({ type: 'counts', id, from });
      }),
    close: () => stopChild(child, () => send({ type: 'close' })),
  };
}

function stopChild(child: ChildProcess, ask: () => void): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    ask();
  });
}
