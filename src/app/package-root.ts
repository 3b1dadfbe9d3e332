// Finds agentmux's own folder (layouts/, package.json) from src/ or dist/src/ alike.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as z from 'zod';

const PackageJson = z.object({ name: z.string(), version: z.string() });

/** The nearest folder above this module whose package.json names agentmux. */
export function packageRoot(): string {
  let dir = import.meta.dirname;
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const parsed = PackageJson.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (parsed.success && parsed.data.name === 'agentmux') return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) return join(import.meta.dirname, '..', '..');
    dir = parent;
  }
}

/** agentmux's version, from its package.json. */
export function packageVersion(): string {
  const parsed = PackageJson.safeParse(JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')));
  return parsed.success ? parsed.data.version : 'unknown';
}
