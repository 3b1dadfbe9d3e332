// edit_file against a real temp workspace: one exact, unique match or nothing changes.
import { readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { matchPositions } from '../../../src/adapters/tools/edit-file.js';
import { createWorkspaceToolHost } from '../../../src/adapters/tools/full-tool-host.js';
import type { ToolOutcome } from '../../../src/core/tools.js';
import { createTempWorkspace, numberedText, type TempWorkspace } from './workspace-fixture.js';

let ws: TempWorkspace;
let file: string;
beforeEach(() => {
  ws = createTempWorkspace();
  file = ws.write('src/app.ts', 'const a = 1;\nfunction f() {\n  return a;\n}\nconst b = 2;\n');
});
afterEach(() => ws.dispose());

function edit(input: Record<string, unknown>): Promise<ToolOutcome> {
  const host = createWorkspaceToolHost({ write: true });
  const signal = new AbortController().signal;
  return host.run({ id: 'toolu_e', name: 'edit_file', input }, { cwd: ws.cwd, signal });
}

const original = () => 'const a = 1;\nfunction f() {\n  return a;\n}\nconst b = 2;\n';

describe('edit_file', () => {
  it('replaces a unique match and reports the changed line range', async () => {
    const outcome = await edit({
      path: 'src/app.ts',
      old: 'function f() {\n  return a;\n}\n',
      new: 'function f() {\n  const twice = a * 2;\n  return twice;\n}\n',
    });
    expect(outcome).toEqual({
      isError: false,
      content: 'edited src/app.ts: replaced lines 2–4 with lines 2–5',
    });
    expect(readFileSync(file, 'utf8')).toBe(
      'const a = 1;\nfunction f() {\n  const twice = a * 2;\n  return twice;\n}\nconst b = 2;\n',
    );
  });

  it('reports a deletion and a change within one line', async () => {
    expect((await edit({ path: 'src/app.ts', old: 'const b = 2;\n', new: '' })).content).toBe(
      'edited src/app.ts: removed line 5',
    );
    expect((await edit({ path: 'src/app.ts', old: 'a = 1', new: 'a = 10' })).content).toBe(
      'edited src/app.ts: changed line 1',
    );
    expect(readFileSync(file, 'utf8')).toBe('const a = 10;\nfunction f() {\n  return a;\n}\n');
  });

  it('keeps $ patterns in `new` literal', async () => {
    await edit({ path: 'src/app.ts', old: 'const b = 2;', new: "const b = '$&$1$$';" });
    expect(readFileSync(file, 'utf8')).toContain("const b = '$&$1$$';\n");
  });

  it('replaces the file in one step (new inode) and leaves no temporary file', async () => {
    const before = statSync(file).ino;
    await edit({ path: 'src/app.ts', old: 'const b = 2;', new: 'const b = 3;' });
    expect(statSync(file).ino).not.toBe(before);
    expect(readdirSync(path.dirname(file))).toEqual(['app.ts']);
  });

  it('refuses an ambiguous match, says how many, and changes nothing', async () => {
    const outcome = await edit({ path: 'src/app.ts', old: 'const', new: 'let' });
    expect(outcome).toEqual({
      isError: true,
      content:
        'old text matches 2 places in src/app.ts (at lines 1, 5); ' +
        'include more surrounding lines so it matches exactly one',
    });
    expect(readFileSync(file, 'utf8')).toBe(original());
  });

  it('counts overlapping matches as ambiguous', () => {
    expect(matchPositions('aaa', 'aa')).toEqual([0, 1]);
  });

  it('refuses a missing match, pointing at the line that starts like it', async () => {
    const outcome = await edit({
      path: 'src/app.ts',
      old: 'function f() {\n    return a;\n}',
      new: 'x',
    });
    expect(outcome).toEqual({
      isError: true,
      content:
        'old text not found in src/app.ts: its first line "function f() {" appears at line 2 ' +
        '("function f() {"), but the text after it differs; read the file again and copy the lines exactly',
    });
    expect(readFileSync(file, 'utf8')).toBe(original());
  });

  it('says when only whitespace differs, and when nothing like it exists', async () => {
    const spaced = await edit({ path: 'src/app.ts', old: 'const  a =\t1;', new: 'x' });
    expect(spaced.content).toBe(
      'old text not found in src/app.ts: the text is there with different spaces, tabs or line breaks; copy it exactly',
    );
    const absent = await edit({ path: 'src/app.ts', old: 'nothing like this', new: 'x' });
    expect(absent.content).toBe(
      'old text not found in src/app.ts: no line of the file contains "nothing like this"; read the file again',
    );
  });

  it('refuses an empty `old` naming the field, and an edit that changes nothing', async () => {
    expect(await edit({ path: 'src/app.ts', old: '', new: 'x' })).toEqual({
      isError: true,
      content:
        'invalid input for edit_file: old: must not be empty (use write_file to create a file)',
    });
    expect((await edit({ path: 'src/app.ts', old: 'a', new: 'a' })).content).toBe(
      'old and new are the same; nothing to change',
    );
    expect((await edit({ path: 'src/app.ts', old: 'a' })).content).toMatch(
      /^invalid input for edit_file: new: /,
    );
  });

  it('refuses a missing file, a directory and a binary file', async () => {
    expect((await edit({ path: 'nope.ts', old: 'a', new: 'b' })).content).toBe(
      'path "nope.ts" does not exist',
    );
    expect((await edit({ path: 'src', old: 'a', new: 'b' })).content).toBe(
      'path "src" is a directory',
    );
    ws.write('blob.bin', Buffer.from([0x61, 0, 0x62]));
    expect((await edit({ path: 'blob.bin', old: 'a', new: 'b' })).content).toBe(
      'path "blob.bin" is a binary file; edit_file edits text only',
    );
  });

  it('reports lines past the tenth match with an ellipsis', async () => {
    ws.write('many.txt', numberedText(12).replace(/line/g, 'same'));
    const outcome = await edit({ path: 'many.txt', old: 'same', new: 'x' });
    expect(outcome.content).toBe(
      'old text matches 12 places in many.txt (at lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, …); ' +
        'include more surrounding lines so it matches exactly one',
    );
  });
});

describe('edit_file confinement', () => {
  it('refuses .., absolute paths and symlinks that lead out, leaving the outside file alone', async () => {
    const secret = path.join(ws.outside, 'secret.txt');
    symlinkSync(ws.outside, path.join(ws.cwd, 'escape'));
    symlinkSync(secret, path.join(ws.cwd, 'secret-link.txt'));
    for (const requested of [
      '../outside/secret.txt',
      secret,
      'escape/secret.txt',
      'secret-link.txt',
    ]) {
      expect(await edit({ path: requested, old: 'top', new: 'pwned' })).toEqual({
        isError: true,
        content: `path ${JSON.stringify(requested)} is outside the workspace`,
      });
    }
    expect(readFileSync(secret, 'utf8')).toBe('top secret\n');
  });
});
