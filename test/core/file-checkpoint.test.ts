// File checkpoint planning: which version each path goes back to, and what counts as a conflict.
import { describe, expect, it } from 'vitest';
import { FileVersion as FileVersionSchema, type Entry, type FileChange, type FileVersion } from '../../src/core/entry.js';
import {
  checkFileTargets,
  conflictMessage,
  fileChangesOf,
  planFileTargets,
  sameVersion,
  writesFor,
  type WorkspaceFiles,
} from '../../src/core/file-checkpoint.js';
import { entriesLeaving, undoTargets } from '../../src/core/history-files.js';
import { ok, type Result } from '../../src/core/result.js';
import { SessionTree } from '../../src/core/tree.js';

const v = (name: string): FileVersion => ({ sha256: name, size: name.length });
const change = (path: string, before: string | null, after: string | null): FileChange => ({
  path,
  before: before === null ? null : v(before),
  after: after === null ? null : v(after),
});

function toolResult(id: string, parent: string | null, files: FileChange[], provenance: Entry['provenance'] = { kind: 'local' }): Entry {
  return { kind: 'tool-result', id, parent, at: 0, provenance, toolUseId: `t-${id}`, toolName: 'bash', content: '', isError: false, files };
}

/** Files in memory: path → version name. */
class MemoryFiles implements WorkspaceFiles {
  constructor(readonly disk = new Map<string, string>()) {}
  current(_cwd: string, path: string): Result<FileVersion | null> {
    const name = this.disk.get(path);
    return ok(name === undefined ? null : v(name));
  }
  restore(_cwd: string, path: string, version: FileVersion | null): Result<void> {
    if (version === null) this.disk.delete(path);
    else this.disk.set(path, version.sha256);
    return ok(undefined);
  }
}

describe('planFileTargets', () => {
  it('targets the before of the earliest change and expects the after of the latest, per path', () => {
    const targets = planFileTargets([change('a', 'a0', 'a1'), change('b', null, 'b1'), change('a', 'a1', 'a2'), change('c', 'c0', null)]);
    expect(targets).toEqual([
      { path: 'a', target: v('a0'), expected: v('a2') },
      { path: 'b', target: null, expected: v('b1') },
      { path: 'c', target: v('c0'), expected: null },
    ]);
  });

  it('drops a path whose changes cancel out (created then deleted)', () => {
    expect(planFileTargets([change('tmp', null, 't'), change('tmp', 't', null)])).toEqual([]);
  });
});

describe('fileChangesOf', () => {
  it("counts only this agent's own tool results, in branch order (grafted copies are someone else's)", () => {
    const entries = [
      toolResult('1', null, [change('a', 'a0', 'a1')]),
      toolResult('2', '1', [change('g', null, 'g1')], { kind: 'graft', sourceSession: 's', sourceEntry: 'x' }),
      toolResult('3', '2', [change('a', 'a1', 'a2')]),
    ];
    expect(fileChangesOf(entries).map((c) => c.path)).toEqual(['a', 'a']);
  });
});

describe('checkFileTargets', () => {
  it('writes files as this agent left them, skips ones already at the target (a created file since removed), and reports the rest as conflicts', () => {
    const files = new MemoryFiles(new Map([['mine', 'm1'], ['theirs', 'changed-by-user'], ['done', 'd0']]));
    const targets = planFileTargets([change('mine', 'm0', 'm1'), change('theirs', 't0', 't1'), change('done', 'd0', 'd1'), change('gone', 'g0', 'g1'), change('new', null, 'n1')]);
    const plan = checkFileTargets(files, '/ws', targets);
    expect(plan).toEqual({
      ok: true,
      value: {
        writes: [change('mine', 'm1', 'm0')],
        conflicts: [
          { path: 'theirs', current: v('changed-by-user') },
          { path: 'gone', current: null },
        ],
      },
    });
    if (!plan.ok) return;
    expect(writesFor(plan.value, targets, 'keep').map((w) => w.path)).toEqual(['mine']);
    expect(writesFor(plan.value, targets, 'refuse').map((w) => w.path)).toEqual(['mine']);
    expect(writesFor(plan.value, targets, 'overwrite')).toEqual([
      change('mine', 'm1', 'm0'),
      { path: 'theirs', before: v('changed-by-user'), after: v('t0') },
      { path: 'gone', before: null, after: v('g0') },
    ]);
  });

  it('the refusal names the files and both ways out', () => {
    expect(conflictMessage('alpha', [{ path: 'a.txt', current: null }])).toBe(
      'alpha: 1 file changed since by someone else: a.txt; nothing was done (--overwrite restores them too, --keep-changed leaves them)',
    );
  });
});

describe('undo targets', () => {
  it('chain what the rewind replaced with what later work on the branch did, leaving only entries off the way back', () => {
    const tree = new SessionTree();
    const e1 = toolResult('1', null, [change('a', 'a0', 'a1')]);
    const e2 = toolResult('2', '1', [change('a', 'a1', 'a2')]);
    for (const e of [e1, e2]) expect(tree.append(e).ok).toBe(true);
    // rewound to 1 (a2 → a1), then a new turn changed a again (a1 → a3) and created n.
    expect(tree.setHead('1').ok).toBe(true);
    const e3 = toolResult('3', '1', [change('a', 'a1', 'a3'), change('n', null, 'n1')]);
    expect(tree.append(e3).ok).toBe(true);
    const leaving = entriesLeaving(tree, '2');
    expect(leaving.map((e) => e.id)).toEqual(['3']);
    expect(undoTargets([change('a', 'a2', 'a1')], leaving)).toEqual([
      { path: 'a', target: v('a2'), expected: v('a3') },
      { path: 'n', target: null, expected: v('n1') },
    ]);
  });
});

describe('sameVersion', () => {
  it('tells apart a mode change and a link from a file with the same bytes; an unrecorded mode matches any', () => {
    const file = { sha256: 'h', size: 1 };
    expect(sameVersion({ ...file, mode: 0o644 }, { ...file, mode: 0o644 })).toBe(true);
    expect(sameVersion({ ...file, mode: 0o644 }, { ...file, mode: 0o755 })).toBe(false);
    expect(sameVersion(file, { ...file, mode: 0o755 })).toBe(true);
    expect(sameVersion(file, { ...file, link: true })).toBe(false);
    expect(planFileTargets([{ path: 'run.sh', before: { ...file, mode: 0o644 }, after: { ...file, mode: 0o755 } }])).toHaveLength(1);
  });

  it('journals written before modes and links were recorded still parse; a mode past 0o7777 does not', () => {
    expect(FileVersionSchema.parse({ sha256: 'h', size: 1 })).toEqual({ sha256: 'h', size: 1 });
    expect(FileVersionSchema.parse({ sha256: 'h', size: 1, mode: 0o755 }).mode).toBe(0o755);
    expect(FileVersionSchema.safeParse({ sha256: 'h', size: 1, mode: 0o17777 }).success).toBe(false);
    expect(FileVersionSchema.safeParse({ sha256: 'h', size: 1, link: false }).success).toBe(false);
  });
});
