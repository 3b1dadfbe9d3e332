// Measures history-operation CPU cost against session length with no disk I/O (an in-memory
// journal), to show that an edit costs the same at 100, 1,000 and 10,000 turns (DESIGN.md §6)
// and what a rewind costs at 10,000 turns. Run: npx tsx bench/edit-scaling.ts
import { viewBranch } from '../src/core/branch.js';
import { Controller, randomEntryId } from '../src/core/controller.js';
import type { Entry } from '../src/core/entry.js';
import type { ModelProvider } from '../src/core/provider.js';
import type { ToolHost } from '../src/core/tools.js';
import { MemorySessionStore } from '../test/core/memory-store.js';
import { ms, msSince, quantile } from './stats.js';

const USAGE = { inputTokens: 1200, outputTokens: 300, cacheReadTokens: 0, cacheWriteTokens: 0 };
const noModel: ModelProvider = { stream: () => Promise.reject(new Error('edit and rewind never call the model')) };
const noTools: ToolHost = { specs: () => [], run: () => Promise.resolve({ content: 'no tools', isError: true }) };

function turnEntries(turn: number): Entry[] {
  const common = { id: '', parent: null, at: Date.now(), provenance: { kind: 'local' as const } };
  return [
    { ...common, id: randomEntryId(), kind: 'user', origin: 'typed', opensTurn: true, text: `Turn ${turn}: explain the failing parser test.` },
    {
      ...common,
      id: randomEntryId(),
      kind: 'assistant',
      model: 'claude-sonnet-4-6',
      blocks: [{ type: 'text', text: `Answer ${turn}: `.padEnd(600, 'the parser drops the last token at end of input. ') }],
      stopReason: 'end_turn',
      usage: USAGE,
    },
  ];
}

function time(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return msSince(start);
}

function must(result: { ok: boolean; error?: string }): void {
  if (!result.ok) throw new Error(result.error);
}

function figures(label: string, samples: number[]): string {
  return `${label} p50 ${ms(quantile(samples, 0.5))}  p99 ${ms(quantile(samples, 0.99))}  max ${ms(Math.max(...samples))} ms`;
}

function sessionOf(turns: number): { controller: Controller; name: string } {
  const controller = new Controller({ store: new MemorySessionStore(), providerFor: () => noModel, tools: noTools });
  const name = `s${turns}`;
  const added = controller.addAgent({ name, model: 'claude-sonnet-4-6', cwd: '.' });
  if (!added.ok || added.value.kind !== 'sdk') throw new Error('could not add the agent');
  const session = added.value.session;
  for (let turn = 1; turn <= turns; turn++) {
    for (const entry of turnEntries(turn)) must(session.commit({ ...entry, parent: session.tree.head }));
  }
  return { controller, name };
}

console.log('edit at turn 1 (controller.edit, in-memory journal), 300 edits after 50 warm-up');
console.log('  for comparison: one viewBranch(tree.path()), what every edit cost before');
for (const turns of [100, 1000, 10_000]) {
  const { controller, name } = sessionOf(turns);
  const found = controller.find(name);
  if (found?.kind !== 'sdk') throw new Error('no session');
  const session = found.session;
  const edits: number[] = [];
  const walks: number[] = [];
  for (let i = 0; i < 350; i++) {
    const took = time(() => must(controller.history.edit(name, { turn: 1 }, `edited turn 1, take ${i}`)));
    if (i >= 50) edits.push(took);
    if (i % 10 === 0) walks.push(time(() => viewBranch(session.tree.path())));
  }
  console.log(`  ${String(turns).padStart(6)} turns  ${figures('edit', edits)}   | viewBranch(path) p50 ${ms(quantile(walks, 0.5))} ms`);
  await controller.shutdown();
}

const { controller, name } = sessionOf(10_000);
const found = controller.find(name);
if (found?.kind !== 'sdk') throw new Error('no session');
const session = found.session;
const rewinds: number[] = [];
const undos: number[] = [];
for (let i = 0; i < 40; i++) {
  // Each figure includes the view rebuild the next read (a request, the transcript) triggers.
  rewinds.push(time(() => {
    must(controller.history.rewind(name, { turn: 5000 + i }));
    session.view();
  }));
  undos.push(time(() => {
    must(controller.history.undo(name));
    session.view();
  }));
}
console.log('10,000-turn session (20,000 entries), in-memory journal, rewind/undo + view rebuild');
console.log(`  ${figures('rewind to 5000+', rewinds)}`);
console.log(`  ${figures('undo            ', undos)}`);
await controller.shutdown();
