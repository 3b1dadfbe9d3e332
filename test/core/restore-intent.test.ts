// A crash part-way through a rewind's file restore (issue 9: 0–137 of 3,000 files deleted, and
// the restart showed the turn intact with no trace): the restore is journaled as begun before the
// first write, the next start says it was cut short, and `u` puts back the files it had written.
import { describe, expect, it } from 'vitest';
import { Controller } from '../../src/core/controller.js';
import type { FileChange, FileVersion } from '../../src/core/entry.js';
import type { ControllerEvent } from '../../src/core/events.js';
import type { WorkspaceFiles } from '../../src/core/file-checkpoint.js';
import type { ModelProvider } from '../../src/core/provider.js';
import { ok, type Result } from '../../src/core/result.js';
import type { ToolHost } from '../../src/core/tools.js';
import { ChainBuilder, expectOk, expectSdk, text, toolUse } from './factories.js';
import { MemorySessionStore } from './memory-store.js';

const v = (name: string): FileVersion => ({ sha256: name, size: name.length });

/** The process dying mid-restore: thrown past every handler, nothing after it runs. */
class Crash extends Error {}

/** Files in memory; `crashAfter` writes, the next restore "kills the process". */
class CrashingFiles implements WorkspaceFiles {
  readonly disk = new Map<string, string>();
  crashAfter = Number.POSITIVE_INFINITY;
  current(_cwd: string, path: string): Result<FileVersion | null> {
    const name = this.disk.get(path);
    return ok(name === undefined ? null : v(name));
  }
  restore(_cwd: string, path: string, version: FileVersion | null): Result<void> {
    if (this.crashAfter <= 0) throw new Crash('killed');
    this.crashAfter -= 1;
    if (version === null) this.disk.delete(path);
    else this.disk.set(path, version.sha256);
    return ok(undefined);
  }
}

const noModel: ModelProvider = { stream: () => Promise.reject(new Error('rewind never calls the model')) };
const noTools: ToolHost = { specs: () => [], run: () => Promise.resolve({ content: 'none', isError: true }) };

/** Turn 1 creates 40 files through one bash call; returns the store, files and the first controller. */
function fortyFilesCreated() {
  const store = new MemorySessionStore();
  const files = new CrashingFiles();
  const controller = new Controller({ store, providerFor: () => noModel, tools: noTools, files });
  const session = expectSdk(expectOk(controller.addAgent({ name: 'alpha', model: 'test-model', cwd: '/ws' }))).session;
  const b = new ChainBuilder();
  expectOk(session.commit(b.from(session.tree.head).user('start')));
  expectOk(session.commit(b.from(session.tree.head).assistant(text('ready'))));
  const changes: FileChange[] = Array.from({ length: 40 }, (_, i) => {
    files.disk.set(`f${i}.txt`, `v${i}`);
    return { path: `f${i}.txt`, before: null, after: v(`v${i}`) };
  });
  expectOk(session.commit(b.from(session.tree.head).user('make files')));
  expectOk(session.commit(b.from(session.tree.head).assistant(toolUse('call-1', 'bash', { command: 'gen' }))));
  expectOk(session.commit({ ...b.from(session.tree.head).result('call-1', 'done', { toolName: 'bash' }), files: changes }));
  expectOk(session.commit(b.from(session.tree.head).assistant(text('made them'))));
  return { store, files, controller };
}

describe('a file restore cut short by a crash', () => {
  it('is journaled before the first write, said at the next start, and u puts back what it wrote', () => {
    const { store, files } = fortyFilesCreated();
    const first = new Controller({ store, providerFor: () => noModel, tools: noTools, files });
    expectOk(first.addAgent({ name: 'alpha', model: 'test-model', cwd: '/ws' }));
    files.crashAfter = 13;
    expect(() => first.history.rewind('alpha', { turn: 1 })).toThrow(Crash);
    expect(files.disk.size).toBe(27); // 13 of the 40 created files deleted, then the "kill"

    // The next start (a new controller over the same journal): the pane says it was cut short.
    files.crashAfter = Number.POSITIVE_INFINITY;
    const next = new Controller({ store, providerFor: () => noModel, tools: noTools, files });
    const notices: string[] = [];
    next.events.on((event: ControllerEvent) => {
      if (event.type === 'notice' && event.level === 'error') notices.push(event.message);
    });
    expectOk(next.addAgent({ name: 'alpha', model: 'test-model', cwd: '/ws' }));
    expect(notices).toEqual([
      'a rewind restoring 40 files (f0.txt, f1.txt, f2.txt and 37 more) was cut short when agentmux stopped, some files restored and some not: u puts back the ones it restored, or run the rewind again to finish it',
    ]);

    // u brings back the 13 files the cut-short rewind deleted; the others were never touched.
    expect(expectOk(next.history.undo('alpha'))).toBe("undid alpha's rewind; restored 13 files");
    expect([...files.disk.keys()].sort()).toEqual(Array.from({ length: 40 }, (_, i) => `f${i}.txt`).sort());

    // Settled: a third start says nothing more.
    const third = new Controller({ store, providerFor: () => noModel, tools: noTools, files });
    const later: string[] = [];
    third.events.on((event: ControllerEvent) => {
      if (event.type === 'notice') later.push(event.message);
    });
    expectOk(third.addAgent({ name: 'alpha', model: 'test-model', cwd: '/ws' }));
    expect(later).toEqual([]);
  });

  it('running the rewind again after the crash finishes it, and u then takes back every file', () => {
    const { store, files } = fortyFilesCreated();
    const first = new Controller({ store, providerFor: () => noModel, tools: noTools, files });
    expectOk(first.addAgent({ name: 'alpha', model: 'test-model', cwd: '/ws' }));
    files.crashAfter = 5;
    expect(() => first.history.rewind('alpha', { turn: 1 })).toThrow(Crash);
    files.crashAfter = Number.POSITIVE_INFINITY;
    const next = new Controller({ store, providerFor: () => noModel, tools: noTools, files });
    expectOk(next.addAgent({ name: 'alpha', model: 'test-model', cwd: '/ws' }));
    expect(expectOk(next.history.rewind('alpha', { turn: 1 }))).toBe('rewound alpha to 1; restored 35 files (u undoes)');
    expect(files.disk.size).toBe(0);
    expectOk(next.history.undo('alpha'));
    expect(expectOk(next.history.undo('alpha'))).toBe("undid alpha's rewind; restored 5 files");
    expect(files.disk.size).toBe(40);
  });
});

describe('a file restore running in the background', () => {
  it('a quit part-way leaves the restore-intent open: the next start says so, and u puts back what it wrote', async () => {
    const { store, files } = fortyFilesCreated();
    // Each slice waits for the test: a hand on the event loop, so "part-way" is exact.
    const waiting: (() => void)[] = [];
    const yieldToLoop = (): Promise<void> => new Promise<void>((resolve) => waiting.push(resolve));
    const step = async (): Promise<void> => {
      while (waiting.length === 0) await new Promise((resolve) => setImmediate(resolve));
      waiting.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    };
    const pace = { backgroundFrom: 10, sliceMs: 1_000, sliceFiles: 5 };
    const first = new Controller({ store, providerFor: () => noModel, tools: noTools, files, restorePace: pace, yieldToLoop });
    const notices: string[] = [];
    first.events.on((event: ControllerEvent) => {
      if (event.type === 'notice') notices.push(event.message);
    });
    const alpha = expectSdk(expectOk(first.addAgent({ name: 'alpha', model: 'test-model', cwd: '/ws' })));
    expect(expectOk(first.history.rewind('alpha', { turn: 1 }))).toBe('alpha: rewind under way (40 files); its pane shows the progress and it takes no input until it is done');
    expect(files.disk.size).toBe(40); // the command itself touched no file
    // The command checked 1 file; slices of 5 check the other 39, the 8th also deletes 1.
    for (let slice = 0; slice < 7; slice++) await step();
    expect(alpha.detail).toBe('checking files 36/40');
    expect(files.disk.size).toBe(40);
    await step();
    await step();
    await step();
    expect(files.disk.size).toBe(29);
    expect(alpha.detail).toBe('restoring files 11/40');
    expect(first.delivery.send('alpha', 'hi').detail).toBe('alpha is restoring files for its rewind (11/40 files restored): it takes no input until that is done');
    const quit = first.shutdown();
    await step();
    await quit;
    expect(files.disk.size).toBe(29); // stopped at the slice boundary
    expect(notices).toEqual(['alpha: the rewind stopped: agentmux quit part-way; the next start says what is left']);

    const next = new Controller({ store, providerFor: () => noModel, tools: noTools, files });
    const later: string[] = [];
    next.events.on((event: ControllerEvent) => {
      if (event.type === 'notice' && event.level === 'error') later.push(event.message);
    });
    expectOk(next.addAgent({ name: 'alpha', model: 'test-model', cwd: '/ws' }));
    expect(later).toEqual([
      'a rewind restoring 40 files (f0.txt, f1.txt, f2.txt and 37 more) was cut short when agentmux stopped, some files restored and some not: u puts back the ones it restored, or run the rewind again to finish it',
    ]);
    expect(expectOk(next.history.undo('alpha'))).toBe("undid alpha's rewind; restored 11 files");
    expect(files.disk.size).toBe(40);
  });
});
