// The nearest git root up from a directory: where a run's agents look for `.claude/agents/`.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The nearest directory up from `cwd` holding `.git`, else `cwd`. */
export function gitRootOf(cwd: string): string {
  for (let dir = cwd; ; dir = resolve(dir, '..')) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (resolve(dir, '..') === dir) return cwd;
  }
}
