// `npm run bench`: prints the figures of DESIGN.md §6 (core figures first, then rendering).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCoreBench } from './core-bench.js';
import { runRenderBench } from './render/render-bench.js';
import { runScalingBench } from './scaling-bench.js';
import { runWorkflowBench } from './workflow-bench.js';
import { runTranscriptBench } from './transcript-bench.js';
import { runStartupBench } from './startup/startup-bench.js';

const root = join(import.meta.dirname, '..', '.bench-tmp');
mkdirSync(root, { recursive: true });
console.log(`agentmux bench — ${new Date().toISOString()} — node ${process.version}`);
await runCoreBench(root);
runScalingBench();
runTranscriptBench();
await runRenderBench(root);
await runWorkflowBench(root);
await runStartupBench(root);
