// Real temporary directories for the tool tests: a workspace, a sibling outside it, and a
// way to run a tool call against the workspace as an agent would.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ToolOutcome } from '../../../src/core/tools.js';
import { createReadOnlyToolHost } from '../../../src/adapters/tools/tool-host.js';

export type TempWorkspace = {
  /** The parent of `cwd` and `outside`, removed by `dispose`. */
  readonly base: string;
  /** The agent's workspace. */
  readonly cwd: string;
  /** A directory next to the workspace that tools must not reach. */
  readonly outside: string;
  write(relative: string, content: string | Buffer): string;
  run(name: string, input: Record<string, unknown>, signal?: AbortSignal): Promise<ToolOutcome>;
  dispose(): void;
};

/** Creates a fresh workspace (and an outside sibling) under the system temp directory. */
export function createTempWorkspace(): TempWorkspace {
  const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'agentmux-tools-')));
  const cwd = path.join(base, 'workspace');
  const outside = path.join(base, 'outside');
  mkdirSync(cwd);
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'secret.txt'), 'top secret\n');
  const host = createReadOnlyToolHost();
  return {
    base,
    cwd,
    outside,
    write(relative, content) {
      const full = path.join(cwd, relative);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, content);
      return full;
    },
    run(name, input, signal = new AbortController().signal) {
      return host.run({ id: 'toolu_test', name, input }, { cwd, signal });
    },
    dispose() {
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** `count` lines "line 1" … "line N", each ending in a newline. */
export function numberedText(count: number): string {
  return Array.from({ length: count }, (_, index) => `line ${index + 1}\n`).join('');
}
