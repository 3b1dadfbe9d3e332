// Finds the script `agentmux run ARG` and `workflow(ref)` mean (DESIGN.md §9 Loading): a FILE
// (contains `/` or ends in .js/.mjs) relative to the current directory, or a NAME looked up in
// `.claude/workflows/` from the current directory up to the git root, then ~/.claude/workflows/,
// then the workflows agentmux ships.
import fs from 'node:fs';
import path from 'node:path';
import { err, ok, type Result } from '../../core/result.js';

/** Where names are looked up. */
export type WorkflowSearchPlaces = {
  readonly cwd: string;
  readonly home: string;
  /** The `workflows/` folder agentmux ships. */
  readonly shipped: string;
};

/** Whether ARG names a file rather than a workflow by name. */
export function isWorkflowFile(arg: string): boolean {
  return arg.includes('/') || arg.endsWith('.js') || arg.endsWith('.mjs');
}

/** The directories from `cwd` up to the git root (the first holding `.git`), or just `cwd` outside a repository. */
export function projectDirectories(cwd: string): readonly string[] {
  const chain: string[] = [];
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    chain.push(dir);
    if (fs.existsSync(path.join(dir, '.git'))) return chain;
    if (path.dirname(dir) === dir) return [path.resolve(cwd)];
  }
}

function inFolder(folder: string, name: string): string | undefined {
  for (const extension of ['.js', '.mjs']) {
    const file = path.join(folder, `${name}${extension}`);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

/** The absolute path of the script ARG means, or an error naming where it looked. */
export function locateWorkflow(arg: string, places: WorkflowSearchPlaces): Result<string> {
  if (isWorkflowFile(arg)) {
    const file = path.resolve(places.cwd, arg);
    return fs.existsSync(file) ? ok(file) : err(`${arg}: no such file`);
  }
  const folders = [
    ...projectDirectories(places.cwd).map((dir) => path.join(dir, '.claude', 'workflows')),
    path.join(places.home, '.claude', 'workflows'),
    places.shipped,
  ];
  for (const folder of folders) {
    const found = inFolder(folder, arg);
    if (found !== undefined) return ok(found);
  }
  return err(`${arg}: no workflow by that name (looked for ${arg}.js or ${arg}.mjs in ${folders.join(', ')})`);
}
