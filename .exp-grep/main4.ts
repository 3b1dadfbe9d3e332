import { Worker } from 'node:worker_threads';
const api = import.meta.resolve('tsx/esm/api');
const target = new URL('./w.ts', import.meta.url).href;
const zod = import.meta.resolve('zod');
const t0 = Date.now();
const code = `const t=Date.now(); const {parentPort}=require('node:worker_threads'); import(${JSON.stringify(api)}).then(({ register }) => { parentPort.postMessage('api '+(Date.now()-t)); register(); parentPort.postMessage('reg '+(Date.now()-t)); return import(${JSON.stringify(zod)}); }).then(()=>{parentPort.postMessage('zod '+(Date.now()-t)); return import(${JSON.stringify(target)})});`;
const w = new Worker(code, { eval: true });
w.on('message', (m) => { console.log('got', m, Date.now() - t0, 'ms'); if (m === 42) void w.terminate(); });
w.on('error', (e) => console.log('err', e.message));
