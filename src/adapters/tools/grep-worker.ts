// The grep worker thread's entry: runs the model's regex over batches of files sent by grep.
// A pattern that backtracks for minutes stalls only this thread; grep terminates it.
import { parentPort, workerData } from 'node:worker_threads';
import { messageOf } from '../../core/result.js';
import { matchingLines, type LineMatch } from './grep-lines.js';
import {
  parseMatchRequest,
  parseWorkerData,
  type GrepWorkerReply,
  type MatchRequest,
} from './grep-worker-protocol.js';

function reply(port: NonNullable<typeof parentPort>, message: GrepWorkerReply): void {
  port.postMessage(message);
}

/** Decodes exactly as Buffer#toString does on the main thread (a BOM stays part of line 1). */
function utf8(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

function matchBatch(request: MatchRequest, regex: RegExp, maxLineChars: number): LineMatch[][] {
  let remaining = request.limit;
  return request.files.map((bytes) => {
    const found = matchingLines(utf8(bytes), regex, remaining, maxLineChars);
    remaining -= found.length;
    return found;
  });
}

function serve(port: NonNullable<typeof parentPort>): void {
  const data = parseWorkerData(workerData);
  if (data === undefined) {
    reply(port, { t: 'failed', message: 'grep worker started without a pattern' });
    return;
  }
  let regex: RegExp;
  try {
    regex = new RegExp(data.pattern);
  } catch (thrown) {
    reply(port, { t: 'failed', message: messageOf(thrown) });
    return;
  }
  port.on('message', (raw: unknown) => {
    const request = parseMatchRequest(raw);
    if (request === undefined) reply(port, { t: 'failed', message: 'grep worker got a malformed request' });
    else reply(port, { t: 'matched', files: matchBatch(request, regex, data.maxLineChars) });
  });
  reply(port, { t: 'ready' });
}

if (parentPort !== null) serve(parentPort);
