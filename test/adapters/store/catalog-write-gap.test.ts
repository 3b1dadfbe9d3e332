import fs from 'node:fs';
import { Low } from 'lowdb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Catalog } from '../../../src/adapters/store/catalog.js';
import { storePaths, type StorePaths } from '../../../src/adapters/store/store-paths.js';
import type { WriteGap } from '../../../src/adapters/store/write-gap.js';
import type { SessionSummary } from '../../../src/core/store.js';
import { makeTempDir, removeTempDir } from './store-test-kit.js';

let dir: string;
let paths: StorePaths;

beforeEach(() => {
  dir = makeTempDir();
  paths = storePaths(dir);
});

afterEach(() => {
  vi.restoreAllMocks();
  removeTempDir(dir);
});

const row = (turns: number): SessionSummary => ({
  id: 's1', name: 'alpha', model: 'm', created: 1, updated: turns, turns,
  inputTokens: 0, outputTokens: 0, costUsd: null, unknownCosts: 0, budget: {},
});

/** Gaps the test ends by hand: `asked` counts the gaps the catalog started. */
function manualGaps(): { gaps: () => WriteGap; asked: () => number; endAll: () => void } {
  const open: (() => void)[] = [];
  let asked = 0;
  return {
    gaps: () => {
      asked += 1;
      let end = (): void => undefined;
      const done = new Promise<void>((resolve) => {
        end = resolve;
      });
      open.push(() => end());
      return { done, cut: () => end() };
    },
    asked: () => asked,
    endAll: () => {
      for (const end of open.splice(0)) end();
    },
  };
}

const turnsOnDisk = (): unknown => {
  const data: unknown = JSON.parse(fs.readFileSync(paths.catalog, 'utf8'));
  return data;
};

describe('catalog writes under a stream of changes (a 1,000-agent run)', () => {
  it('changes after a write wait for the gap and then become one write of the latest rows', async () => {
    const manual = manualGaps();
    const catalog = Catalog.open(paths, manual.gaps);
    await catalog.flush();
    const writes = vi.spyOn(Low.prototype, 'write');
    catalog.put(row(1)); // idle: written at once
    catalog.put(row(2)); // during that write: after it, the gap starts
    await vi.waitFor(() => expect(manual.asked()).toBe(1));
    for (let turns = 3; turns <= 50; turns += 1) catalog.put(row(turns));
    expect(writes).toHaveBeenCalledTimes(1);
    manual.endAll();
    await vi.waitFor(() => expect(writes).toHaveBeenCalledTimes(2));
    await catalog.flush();
    expect(writes).toHaveBeenCalledTimes(2);
    expect(turnsOnDisk()).toMatchObject({ sessions: [{ turns: 50 }] });
  });

  it('flush cuts the gap short: every change is on disk when it resolves', async () => {
    const manual = manualGaps();
    const catalog = Catalog.open(paths, manual.gaps);
    await catalog.flush();
    catalog.put(row(1));
    catalog.put(row(2));
    await vi.waitFor(() => expect(manual.asked()).toBe(1));
    catalog.put(row(3));
    await catalog.flush();
    expect(turnsOnDisk()).toMatchObject({ sessions: [{ turns: 3 }] });
  });

  it('the catalog is written on one line (it is rewritten whole)', async () => {
    const catalog = Catalog.open(paths, manualGaps().gaps);
    catalog.put(row(1));
    await catalog.flush();
    expect(fs.readFileSync(paths.catalog, 'utf8')).not.toContain('\n');
  });
});
