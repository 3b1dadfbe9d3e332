// `tsx bench/render/main.ts`: the rendering bench alone (`npm run bench` runs it after the core figures).
import { join } from 'node:path';
import { runRenderBench } from './render-bench.js';

console.log(`agentmux render bench — ${new Date().toISOString()} — node ${process.version}`);
await runRenderBench(join(import.meta.dirname, '..', '..', '.bench-tmp'));
