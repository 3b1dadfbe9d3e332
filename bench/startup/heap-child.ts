// A child process (run with --expose-gc): writes a session of N answer lines through the real
// store, then loads it as the cockpit does (journal → session replay → pane transcript wrapped at
// a pane's width) and prints the heap each stage keeps, after a full GC, as one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { FileSessionStore } from '../../src/adapters/store/file-session-store.js';
import { SessionState } from '../../src/core/session-state.js';
import { Transcript } from '../../src/core/transcript.js';
import { writeStore } from '../render/store-fixtures.js';

const Args = z.tuple([z.coerce.number().int().positive(), z.coerce.number().int().positive()]);

/** The heap in use after a full collection (twice: weak references and finalizers settle). */
function settledHeap(): number {
  const gc = globalThis.gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const [lines, width] = Args.parse(process.argv.slice(2));
const dir = mkdtempSync(join(tmpdir(), 'agentmux-heap-'));
try {
  await writeStore(dir, [{ name: 'big', lines }]);
  const opened = FileSessionStore.open(dir);
  if (!opened.ok) throw new Error(opened.error);
  const store = opened.value;
  const id = store.findByName('big');
  if (id === undefined) throw new Error('the session was not written');
  const base = settledHeap();
  const loaded = store.load(id);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const replayed = SessionState.replay(loaded.value.header, loaded.value.records);
  if (!replayed.ok) throw new Error(replayed.error.problem);
  // The records go once replayed (the cockpit keeps only the session), as in agent-admin.ts.
  loaded.value.records.length = 0;
  const session = replayed.value;
  const afterSession = settledHeap();
  const transcript = new Transcript({ agentName: 'big' });
  transcript.reset(session.view());
  const rows = transcript.lineCount(width);
  // A frame's window at the end, as a pane following the stream reads it.
  transcript.lines(width, rows - 50, 50);
  const afterTranscript = settledHeap();
  process.stdout.write(
    `${JSON.stringify({ lines, rows, sessionBytes: afterSession - base, transcriptBytes: afterTranscript - afterSession, totalBytes: afterTranscript - base, keep: [session.id, transcript.version] })}\n`,
  );
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
