import { Worker } from 'node:worker_threads';
const t0 = Date.now();
const w = new Worker(new URL('./w.ts', import.meta.url), process.argv[2] === 'noexec' ? { execArgv: [] } : {});
w.on('message', (m) => { console.log('got', m, Date.now() - t0, 'ms', process.execArgv); void w.terminate(); });
w.on('error', (e) => console.log('err', e.message));
