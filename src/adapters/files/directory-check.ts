// The file system's answer to "can an agent still work in this directory?" (core/session-cwd.ts).
import fs from 'node:fs';
import { messageOf } from '../../core/result.js';

/** Why `path` cannot be a working directory ("no longer exists", "is not a directory"), or undefined. */
export function directoryProblem(path: string): string | undefined {
  try {
    return fs.statSync(path).isDirectory() ? undefined : 'is not a directory';
  } catch (thrown) {
    if (thrown instanceof Error && 'code' in thrown && thrown.code === 'ENOENT') return 'no longer exists';
    return `cannot be read (${messageOf(thrown)})`;
  }
}
