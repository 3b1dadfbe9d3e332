import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { layoutPath, loadLayout } from '../../src/adapters/layout-loader.js';

const shippedDir = fileURLToPath(new URL('../../layouts/', import.meta.url));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'agentmux-layouts-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('shipped layouts', () => {
  const files = readdirSync(shippedDir).filter((name) => name.endsWith('.json'));

  it('include default, solo, duo, quad and review', () => {
    expect(files.sort()).toEqual([
      'default.json',
      'duo.json',
      'quad.json',
      'review.json',
      'solo.json',
    ]);
  });

  it.each(files)('%s parses, names itself after its file, and has no cwd or PTY agents', (file) => {
    const loaded = loadLayout(file.replace(/\.json$/, ''), shippedDir);
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.value.layout.name).toBe(file.replace(/\.json$/, ''));
    for (const agent of loaded.value.layout.agents) {
      expect(agent.cwd).toBeUndefined();
      if (agent.kind !== 'sdk') throw new Error(`${agent.name} is a PTY agent`);
      expect(agent.model).toBe('claude-sonnet-4-6');
      expect(agent.system?.length ?? 0).toBeGreaterThan(20);
    }
  });

  it('default has four agents tiled; solo one; duo two in columns; quad four tiled', () => {
    const count = (name: string): [number, unknown] => {
      const loaded = loadLayout(name, shippedDir);
      if (!loaded.ok) throw new Error(loaded.error);
      return [loaded.value.layout.agents.length, loaded.value.layout.tiling];
    };
    expect(count('default')).toEqual([4, 'tiled']);
    expect(count('solo')[0]).toBe(1);
    expect(count('duo')).toEqual([2, 'columns']);
    expect(count('quad')).toEqual([4, 'tiled']);
  });

  it('review pits two refuting reviewers against an implementer, main-left', () => {
    const loaded = loadLayout('review', shippedDir);
    if (!loaded.ok) throw new Error(loaded.error);
    const { agents, tiling } = loaded.value.layout;
    expect(tiling).toBe('main-left');
    expect(agents.map((agent) => agent.name)).toEqual(['implementer', 'reviewer-a', 'reviewer-b']);
    for (const reviewer of agents.slice(1)) {
      if (reviewer.kind !== 'sdk') throw new Error(`${reviewer.name} is a PTY agent`);
      expect(reviewer.system).toMatch(/refute|wrong/i);
      expect(reviewer.system).toMatch(/diff/);
      expect(reviewer.system).toMatch(/run the tests/i);
      expect(reviewer.system).toMatch(/stubs/i);
    }
  });
});

describe('loadLayout', () => {
  it('resolves a name in the layouts folder and anything with a slash or .json as a path', () => {
    expect(layoutPath('duo', '/x/layouts')).toBe(path.join('/x/layouts', 'duo.json'));
    expect(layoutPath('my.json', '/x/layouts')).toBe('my.json');
    expect(layoutPath('./team', '/x/layouts')).toBe('./team');
  });

  it('loads a file given by path and returns where it came from', () => {
    const file = path.join(dir, 'team.json');
    writeFileSync(file, JSON.stringify({ name: 'team', agents: [{ name: 'a' }] }));
    const loaded = loadLayout(file, '/nonexistent');
    expect(loaded).toEqual({
      ok: true,
      value: { file, layout: { name: 'team', agents: [{ kind: 'sdk', name: 'a' }], tiling: 'tiled' } },
    });
  });

  it('says a missing layout file is missing, naming the file', () => {
    expect(loadLayout('nope', path.join(dir, 'no-layouts-here'))).toEqual({
      ok: false,
      error: `${path.join(dir, 'no-layouts-here', 'nope.json')}: no such layout file`,
    });
    expect(loadLayout('missing/x.json', dir)).toEqual({
      ok: false,
      error: 'missing/x.json: no such layout file',
    });
  });

  it('lists the layouts there are when a NAME is not one of them (B18)', () => {
    const shipped = path.join(import.meta.dirname, '..', '..', 'layouts');
    expect(loadLayout('nosuch', shipped)).toEqual({
      ok: false,
      error: `${path.join(shipped, 'nosuch.json')}: no such layout file (layouts: default, duo, quad, review, solo; or give a FILE path)`,
    });
  });

  it('reports validation errors against the file and leaves the file untouched', () => {
    const file = path.join(dir, 'bad.json');
    const text =
      '{ "name": "bad", "agents": [ { "name": "a" }, { "name": "b", "approve": "yes" } ] }\n';
    writeFileSync(file, text);
    chmodSync(file, 0o444);
    const before = statSync(file).mtimeMs;
    expect(loadLayout(file, dir)).toEqual({
      ok: false,
      error: `${file}: agents.1.approve: expected "ask" or "auto"`,
    });
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('reports a folder given as a layout as unreadable', () => {
    const loaded = loadLayout(`${dir}/`, dir);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.error).toMatch(/: cannot read the layout file: /);
  });

  it('ignores a byte-order mark written by an editor', () => {
    const file = path.join(dir, 'bom.json');
    writeFileSync(file, `\uFEFF${JSON.stringify({ name: 'bom', agents: [{ name: 'a' }] })}`);
    expect(loadLayout(file, dir).ok).toBe(true);
  });
});
