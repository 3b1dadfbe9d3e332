#!/usr/bin/env node
// Starts agentmux fast: from the esbuild bundle in dist/src/ when it is current (npm install builds
// it: scripts/build.js), else straight from the TypeScript sources through tsx. Never compiles the
// whole project first.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const built = join(root, 'dist', 'src', 'cli.js');
const stamp = join(root, 'dist', '.built');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const current = existsSync(built) && existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource(join(root, 'src'));
if (current) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src', 'cli.ts')).href);
}
