// Core figures of DESIGN.md §6: checkpoint cost per entry at 100, 1,000 and 10,000 turns, and
// edit and rewind in a 10,000-turn session — real journals on disk, real controller.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FileSessionStore } from '../src/adapters/store/file-session-store.js';
import { createReadOnlyToolHost } from '../src/adapters/tools/tool-host.js';
import { Controller, randomEntryId } from '../src/core/controller.js';
import type { Entry } from '../src/core/entry.js';
import type { SessionHeader } from '../src/core/journal-record.js';
import type { ModelProvider } from '../src/core/provider.js';
import { SessionState } from '../src/core/session-state.js';
import { ms, msSince, quantile } from './stats.js';

const USAGE = { inputTokens: 1200, outputTokens: 300, cacheReadTokens: 0, cacheWriteTokens: 0 };

// A model call in this benchmark is a bug: edit and rewind never call the model.
const noModel: ModelProvider = {
  stream: () => Promise.reject(new Error('the core benchmark never calls the model')),
};

function userEntry(turn: number): Entry {
  return {
    kind: 'user',
    id: randomEntryId(),
    parent: null,
    at: Date.now(),
    provenance: { kind: 'local' },
    origin: 'typed',
    opensTurn: true,
    text: `Turn ${turn}: please look at src/parser.ts and explain the failing test in detail.`,
  };
}

function answerEntry(turn: number): Entry {
  return {
    kind: 'assistant',
    id: randomEntryId(),
    parent: null,
    at: Date.now(),
    provenance: { kind: 'local' },
    model: 'claude-sonnet-4-6',
    blocks: [{ type: 'text', text: `Answer ${turn}: `.padEnd(600, 'the parser drops the last token when the input ends without a newline. ') }],
    stopReason: 'end_turn',
    usage: USAGE,
  };
}

/**
 * Writes a session of `turns` turns; returns the time each append held the event loop. Between
 * appends the loop turns (as it does between real entries), so the background fdatasync runs.
 */
async function writeSession(store: FileSessionStore, name: string, turns: number): Promise<number[]> {
  const header: SessionHeader = { t: 'session', v: 1, id: randomEntryId(), name, created: Date.now(), model: 'claude-sonnet-4-6' };
  const writer = store.create(header);
  if (!writer.ok) throw new Error(writer.error);
  const session = SessionState.create(header, writer.value);
  if (!session.ok) throw new Error(session.error);
  const times: number[] = [];
  for (let turn = 1; turn <= turns; turn++) {
    for (const entry of [userEntry(turn), answerEntry(turn)]) {
      const start = process.hrtime.bigint();
      const done = session.value.commit({ ...entry, parent: session.value.tree.head });
      times.push(msSince(start));
      if (!done.ok) throw new Error(done.error);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  session.value.close();
  return times;
}

/** Runs the core benchmark and prints its table. */
export async function runCoreBench(root: string): Promise<void> {
  const dir = join(root, 'core');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const opened = FileSessionStore.open(dir);
  if (!opened.ok) throw new Error(opened.error);
  const store = opened.value;
  console.log('core: checkpoint per entry (journal write on the loop; fdatasync follows on the thread pool), real disk');
  console.log('  session size      p50 ms   p99 ms   max ms');
  for (const turns of [100, 1000, 10_000]) {
    const times = await writeSession(store, `s${turns}`, turns);
    const tail = times.slice(-Math.min(times.length, 2000));
    console.log(`  ${String(turns).padStart(6)} turns  ${ms(quantile(tail, 0.5))} ${ms(quantile(tail, 0.99))} ${ms(Math.max(...tail))}`);
  }

  const controller = new Controller({ store, providerFor: () => noModel, tools: createReadOnlyToolHost() });
  const loadStart = process.hrtime.bigint();
  const added = controller.addAgent({ name: 's10000', model: 'claude-sonnet-4-6', cwd: root });
  const loadMs = msSince(loadStart);
  if (!added.ok || added.value.kind !== 'sdk') throw new Error(`load failed: ${added.ok ? added.value.detail : added.error}`);
  const editTimes: number[] = [];
  const rewindTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    let start = process.hrtime.bigint();
    const edited = controller.history.edit('s10000', { turn: 1 }, `edited turn 1, take ${i}`);
    editTimes.push(msSince(start));
    if (!edited.ok) throw new Error(edited.error);
    start = process.hrtime.bigint();
    const rewound = controller.history.rewind('s10000', { turn: 5000 + i });
    rewindTimes.push(msSince(start));
    if (!rewound.ok) throw new Error(rewound.error);
    const undone = controller.history.undo('s10000');
    if (!undone.ok) throw new Error(undone.error);
  }
  console.log(`core: 10,000-turn session (20,000 entries): load ${loadMs.toFixed(1)} ms`);
  console.log(`  edit at turn 1     p50 ${ms(quantile(editTimes, 0.5))} ms   max ${ms(Math.max(...editTimes))} ms`);
  console.log(`  rewind to 5000+    p50 ${ms(quantile(rewindTimes, 0.5))} ms   max ${ms(Math.max(...rewindTimes))} ms`);
  await controller.shutdown();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
