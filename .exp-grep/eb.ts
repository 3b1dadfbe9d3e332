import { Worker } from 'node:worker_threads';
const t0 = performance.now();
const esbuild = await import('esbuild');
const t1 = performance.now();
const built = esbuild.buildSync({ entryPoints: [new URL('../src/adapters/tools/grep-worker.ts', import.meta.url).pathname], bundle: true, write: false, format: 'cjs', platform: 'node', logLevel: 'silent' });
const code = built.outputFiles[0]!.text;
const t2 = performance.now();
console.log('import', Math.round(t1 - t0), 'build', Math.round(t2 - t1), 'bytes', code.length);
for (let i = 0; i < 3; i++) {
  const s = performance.now();
  const w = new Worker(code, { eval: true, workerData: { pattern: 'x', maxLineChars: 300 } });
  await new Promise((r) => w.on('message', r));
  console.log('ready', Math.round(performance.now() - s));
  await w.terminate();
}
