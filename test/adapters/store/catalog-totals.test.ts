// The catalog finds a row to update from an index of row positions and `totals` from a memo (both read
// per agent event or per frame in a 1,000-agent run): after every kind of change they must say
// what a scan of `list()` says. Each step fails if the index or the memo misses that change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSessionStore } from '../../../src/adapters/store/file-session-store.js';
import { storeTotalsOf } from '../../../src/core/store-totals.js';
import type { SessionSummary } from '../../../src/core/store.js';
import { header, makeTempDir, removeTempDir, userEntry } from './store-test-kit.js';

let dir: string;
let store: FileSessionStore;

beforeEach(() => {
  dir = makeTempDir();
  const opened = FileSessionStore.open(dir);
  if (!opened.ok) throw new Error(opened.error);
  store = opened.value;
});

afterEach(async () => {
  await store.close();
  removeTempDir(dir);
});

function create(id: string, name: string, created: number): void {
  const writer = store.create(header(id, name, created));
  if (!writer.ok) throw new Error(writer.error);
  expect(writer.value.append({ t: 'entry', entry: userEntry(`${id}-e1`, null, 'hi') }).ok).toBe(true);
  writer.value.close();
}

const row = (id: string, name: string, created: number, spent: number): SessionSummary => ({
  id, name, model: 'm', created, updated: created, turns: spent, inputTokens: 100 * spent,
  outputTokens: 10 * spent, costUsd: spent === 0 ? null : spent / 100, unknownCosts: 0, budget: {},
});

/** `totals` agrees with a plain scan of `list()`, and each session has exactly one row (an update found its row). */
function expectAgreesWithList(ids: readonly string[]): void {
  const rows = store.list();
  const { costUsd, ...counts } = storeTotalsOf(rows);
  const totals = store.totals();
  expect(totals).toMatchObject(counts);
  expect(totals.costUsd).toBeCloseTo(costUsd, 9); // summed in row order, not list order
  expect(rows.map((listed) => listed.id)).toEqual(ids);
}

describe('catalog rows by id and their totals', () => {
  it('follow new rows, updated rows, a trashed and a restored session', () => {
    create('s1', 'alpha', 1);
    create('s2', 'beta', 2);
    expectAgreesWithList(['s1', 's2']);
    store.updateSummary(row('s1', 'alpha', 1, 3));
    expectAgreesWithList(['s1', 's2']);
    expect(store.totals()).toMatchObject({ inputTokens: 300, turns: 3 });
    create('s3', 'gamma', 3);
    store.updateSummary(row('s3', 'gamma', 3, 5));
    expectAgreesWithList(['s1', 's2', 's3']);
    expect(store.totals()).toMatchObject({ inputTokens: 800, turns: 8 });
    expect(store.trash('s1').ok).toBe(true);
    expectAgreesWithList(['s2', 's3']);
    expect(store.totals()).toMatchObject({ inputTokens: 500, turns: 5 });
    store.updateSummary(row('s3', 'gamma', 3, 6));
    expectAgreesWithList(['s2', 's3']);
    expect(store.restore('s1').ok).toBe(true);
    expectAgreesWithList(['s1', 's2', 's3']);
    expect(store.list()[0]).toMatchObject({ id: 's1', turns: 3 });
    store.updateSummary(row('s2', 'beta', 2, 1));
    expectAgreesWithList(['s1', 's2', 's3']);
    expect(store.list().map((listed) => listed.turns)).toEqual([3, 1, 6]);
  });
});
