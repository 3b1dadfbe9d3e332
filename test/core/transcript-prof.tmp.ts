import { Transcript } from '../../src/core/transcript.js';
import { ChainBuilder, text } from './factories.js';
const b = new ChainBuilder();
const body = Array.from({ length: 49 }, (_, i) => `row ${i} of a long answer with some more words in it`).join('\n');
for (let i = 0; i < 1010; i++) { b.user(`question ${i}`); b.assistant(text(body)); b.assistant(text(body)); }
let t0 = performance.now();
const view = b.view();
console.log('view', (performance.now() - t0).toFixed(1));
const gc = (globalThis as { gc?: () => void }).gc;
gc?.(); const before = process.memoryUsage().heapUsed;
t0 = performance.now();
const t = new Transcript({ agentName: 'alpha' });
t.reset(view);
console.log('reset', (performance.now() - t0).toFixed(1));
t0 = performance.now();
console.log('lines', t.lineCount(60), (performance.now() - t0).toFixed(1));
gc?.(); console.log('heap MB for transcript', ((process.memoryUsage().heapUsed - before) / 1e6).toFixed(2));
t0 = performance.now();
for (let i = 0; i < 1000; i++) { t.streamEvent({ type: 'text', index: 0, text: i % 20 === 19 ? "end.\n" : `word${i} ` }); const c = t.lineCount(60); t.lines(60, c - 50, 50); }
console.log('1000 deltas', (performance.now() - t0).toFixed(1));
t.endStream();
t0 = performance.now();
for (let i = 0; i < 1000; i++) { const entry = b.nudge(`n ${i}`); t.append({ kind: 'message', entry, original: entry, edited: false, turn: 1010, k: 4 + i, pathIndex: 0 }); const c = t.lineCount(60); t.lines(60, c - 50, 50); }
console.log('1000 appends', (performance.now() - t0).toFixed(1));
t0 = performance.now();
console.log('width 80', t.lineCount(80), (performance.now() - t0).toFixed(1));
