// `npx tsx bench/workflow-main.ts`: the workflow bench alone (`npm run bench` runs it after the others).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runWorkflowBench } from './workflow-bench.js';

const root = join(import.meta.dirname, '..', '.bench-tmp');
mkdirSync(root, { recursive: true });
await runWorkflowBench(root);
