import { parentPort } from 'node:worker_threads';
import { helper } from './h.js';
const x: number = helper();
parentPort?.postMessage(x);
