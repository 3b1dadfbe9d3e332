import { Worker } from 'node:worker_threads';
const api = import.meta.resolve('tsx/esm/api');
const target = new URL('./w.ts', import.meta.url).href;
const t0 = Date.now();
const code = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(target)}); });`;
const w = new Worker(code, { eval: true });
w.on('message', (m) => { console.log('got', m, Date.now() - t0, 'ms', api); void w.terminate(); });
w.on('error', (e) => console.log('err', e.message));
