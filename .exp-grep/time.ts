import { GrepWorker } from '../src/adapters/tools/grep-worker-client.js';
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const w = await GrepWorker.start('x', 300, 5000);
  if (!w.ok) throw new Error(w.error);
  const out = await w.value.match([new TextEncoder().encode('x\ny\nx')], 10, new AbortController().signal);
  console.log(JSON.stringify(out), Math.round(performance.now() - t0), 'ms');
  w.value.dispose();
}
