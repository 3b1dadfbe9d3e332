// `npx tsx bench/startup/main.ts`: the start and memory figures alone (`npm run bench` runs them last).
import { join } from 'node:path';
import { runStartupBench } from './startup-bench.js';

console.log(`agentmux startup bench — ${new Date().toISOString()} — node ${process.version}`);
await runStartupBench(join(import.meta.dirname, '..', '..', '.bench-tmp'));
