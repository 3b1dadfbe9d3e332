// What the session-7 durable-run tests share over the workflow kit: the run options, a continue
// run to its end, the record's lines and one continue's share of them, and the last user text
// of a request (what the scripted model answers by).
import { readRunRecord } from '../../src/adapters/workflow/run-record-reader.js';
import { blocksOf, type RequestMessage } from '../../src/adapters/scripted-model/request-schema.js';
import type { ReceivedRequest } from '../../src/adapters/scripted-model/script.js';
import { prepareContinue } from '../../src/app/workflow/continue-run.js';
import { startRun, type LiveRun, type StartRunOptions } from '../../src/app/workflow/start-run.js';
import type { RunRecordLine } from '../../src/core/workflow/run-record.js';
import type { WorkflowKit } from './workflow-kit.js';

/** A headless run over the kit's host, in its workspace. */
export function runOptions(k: WorkflowKit): Omit<StartRunOptions, 'ref' | 'args'> {
  return { storeDir: k.dir, cwd: k.workspace, home: k.dir, headless: true, approve: 'auto', allow: [], defaultModel: undefined, concurrency: 16, caps: { tokens: null, usd: null }, host: k.host };
}

/** Starts the script at `ref` and waits for its end; its run id. */
export async function ranToEnd(k: WorkflowKit, ref: string): Promise<string> {
  const run = await startRun({ ...runOptions(k), ref, args: undefined });
  if (!run.ok) throw new Error(run.error);
  await run.value.finished;
  return run.value.id;
}

/** `run-continue RUN`, waited to its end. */
export async function continuedToEnd(k: WorkflowKit, runId: string): Promise<LiveRun> {
  const prepared = prepareContinue({ ...runOptions(k), runId, recorded: false });
  if (!prepared.ok) throw new Error(prepared.error);
  const launched = await prepared.value.launch();
  if (!launched.ok) throw new Error(launched.error);
  await launched.value.finished;
  return launched.value;
}

/** The run's record lines as read back. */
export function recordLines(k: WorkflowKit, runId: string): readonly RunRecordLine[] {
  const record = readRunRecord(k.dir, runId);
  if (!record.ok) throw new Error(record.error);
  return record.value.lines;
}

/** The lines after the last `continued` line (one continue's share of the record). */
export function lastSegment(all: readonly RunRecordLine[]): readonly RunRecordLine[] {
  return all.slice(all.findLastIndex((line) => line.type === 'continued') + 1);
}

/** The text of a message's text blocks. */
export function messageText(message: RequestMessage | undefined): string {
  return message === undefined ? '' : blocksOf(message).flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
}

/** The first user message of a request: the call's prompt. */
export function promptOf(request: ReceivedRequest): string {
  return messageText(request.body.messages[0]);
}

/** Waits (polling) until `test` holds, 10 s at most. */
export async function waitUntil(test: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!test()) {
    if (Date.now() > deadline) throw new Error('condition not met in 10 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
