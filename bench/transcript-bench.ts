// Figures that were timed asserts in test/core (issue 10: speed is the bench's, never a test's):
// a 100k-row transcript taking deltas and entries, a 50-row window read at its start and middle,
// and the session tree and branch view over 40,000 entries. Printed, never asserted.
import { viewBranch } from '../src/core/branch.js';
import { Transcript } from '../src/core/transcript.js';
import { SessionTree } from '../src/core/tree.js';
import { ChainBuilder, text, toolUse } from '../test/core/factories.js';
import { fastestOf, ms } from './stats.js';

const WIDTH = 60;

/** ~100k rows at width 60: 2,020 answers of 49 short lines. */
function bigTranscript(): { b: ChainBuilder; t: Transcript } {
  const b = new ChainBuilder();
  const body = Array.from({ length: 49 }, (_, i) => `row ${i} of a long answer`).join('\n');
  for (let i = 0; i < 1010; i++) {
    b.user(`question ${i}`);
    b.assistant(text(body));
    b.assistant(text(body));
  }
  const t = new Transcript({ agentName: 'alpha' });
  t.reset(b.view());
  t.lineCount(WIDTH);
  return { b, t };
}

function transcriptFigures(): string[] {
  const streaming = bigTranscript().t;
  const streamStarted = performance.now();
  for (let i = 0; i < 1000; i++) {
    streaming.streamEvent({ type: 'text', index: 0, text: i % 20 === 19 ? 'end.\n' : `word${i} ` });
    streaming.lines(WIDTH, streaming.lineCount(WIDTH) - 50, 50);
  }
  const streamed = performance.now() - streamStarted;
  const { b, t } = bigTranscript();
  const started = performance.now();
  for (let i = 0; i < 500; i++) {
    const entry = b.nudge(`nudge ${i}`);
    t.append({ kind: 'message', entry, original: entry, edited: false, turn: 1010, k: 4 + i, pathIndex: 0 });
    t.lines(WIDTH, t.lineCount(WIDTH) - 50, 50);
  }
  const appended = performance.now() - started;
  const count = t.lineCount(WIDTH);
  const start = fastestOf(5, () => t.lines(WIDTH, 0, 50));
  const middle = fastestOf(5, () => t.lines(WIDTH, Math.floor(count / 2), 50));
  return [
    `transcript, ${count} rows: 1,000 deltas + windows    ${ms(streamed)} ms`,
    `transcript, ${count} rows: 500 entries + windows     ${ms(appended)} ms`,
    `transcript, a 50-row window at the start / middle    ${ms(start)} / ${ms(middle)} ms`,
  ];
}

function treeFigures(): string[] {
  const b = new ChainBuilder();
  for (let turn = 0; turn < 10_000; turn++) {
    b.user(`question ${turn}`);
    b.assistant(text('reading'), toolUse(`t${turn}`));
    b.result(`t${turn}`, 'file body');
    b.assistant(text(`answer ${turn}`));
  }
  let tree = new SessionTree();
  const append = fastestOf(3, () => {
    tree = new SessionTree();
    for (const entry of b.entries) if (!tree.append(entry).ok) throw new Error('append refused');
  });
  const view = fastestOf(3, () => viewBranch(tree.path()));
  const rewind = fastestOf(3, () => {
    tree.setHead('e20000');
    tree.setHead('e40000');
  });
  return [
    `session tree, 40,000 entries appended              ${ms(append)} ms`,
    `viewBranch, 40,000 entries                         ${ms(view)} ms`,
    `rewind to entry 20,000 and back                    ${ms(rewind)} ms`,
  ];
}

/**
 * Heap per 100k lines of one answer of 500k short lines (`x`), while it streams and once
 * committed (DESIGN.md §6: ≤ 20 MB per 100k lines; a block per live line took ≈59 MB). Rows'
 * offsets live in typed arrays outside the heap (8 bytes a row per width); RSS shows them.
 */
function longAnswerFigures(): string[] {
  const lines = 500_000;
  const gc: unknown = Reflect.get(globalThis, 'gc');
  const heap = (): number => {
    if (typeof gc === 'function') Reflect.apply(gc, undefined, []);
    return process.memoryUsage().heapUsed;
  };
  const b = new ChainBuilder();
  b.user('go');
  const t = new Transcript({ agentName: 'alpha' });
  t.reset(b.view());
  const base = heap();
  const delta = 'x\n'.repeat(50);
  for (let i = 0; i < lines / 50; i++) {
    t.streamEvent({ type: 'text', index: 0, text: delta });
    if (i % 500 === 0) t.lines(WIDTH, Math.max(0, t.lineCount(WIDTH) - 50), 50);
  }
  t.lines(WIDTH, t.lineCount(WIDTH) - 50, 50);
  const streaming = heap() - base;
  const entry = b.assistant(text(delta.repeat(lines / 50)));
  t.endStream();
  t.append({ kind: 'message', entry, original: entry, edited: false, turn: 1, k: 2, pathIndex: 0 });
  t.lines(WIDTH, t.lineCount(WIDTH) - 50, 50);
  const committed = heap() - base;
  const per100k = (bytes: number): string => (bytes / 1e6 / (lines / 100_000)).toFixed(1);
  const note = typeof gc === 'function' ? '' : ' (run node with --expose-gc for exact figures)';
  return [`one 500k-line answer: heap per 100k lines streaming / committed  ${per100k(streaming)} / ${per100k(committed)} MB${note}`];
}

/** Prints the transcript and tree figures (fastest of a few runs each). */
export function runTranscriptBench(): void {
  console.log('\ntranscript and tree');
  for (const line of [...transcriptFigures(), ...treeFigures(), ...longAnswerFigures()]) console.log(`  ${line}`);
}
