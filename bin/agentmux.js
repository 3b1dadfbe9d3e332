#!/usr/bin/env node
// Starts agentmux fast: from the esbuild bundle in dist/src/ when it is current (npm install builds
// it: scripts/build.js), else straight from the TypeScript sources through tsx. Never compiles the
// whole project first. "Current" is asked of the build's stamp (scripts/build-stamp.js): one read
// and a stat per source, no walk of src/.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { distIsCurrent } from '../scripts/build-stamp.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const built = join(root, 'dist', 'src', 'cli.js');

if (distIsCurrent(root, built)) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src', 'cli.ts')).href);
}
