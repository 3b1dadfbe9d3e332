// A run record on disk: a new run writes script.js once; a continue keeps its script as
// script.N.js (never over an existing version) and appends to the same run.jsonl.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readScriptVersion, reopenRunRecord, writeScriptVersion } from '../../../src/adapters/workflow/run-record-append.js';
import { createRunRecord } from '../../../src/adapters/workflow/run-record-file.js';
import { readRunRecord } from '../../../src/adapters/workflow/run-record-reader.js';

let store: string | undefined;
afterEach(() => {
  if (store !== undefined) rmSync(store, { recursive: true, force: true });
  store = undefined;
});

const at = '2026-12-07T00:00:00.000Z';

describe('run record files', () => {
  it('keeps each script version once and appends a continue to the same record', async () => {
    store = mkdtempSync(join(tmpdir(), 'agentmux-record-'));
    const created = createRunRecord(store, 'first script');
    if (!created.ok) throw new Error(created.error);
    const { runId, dir } = created.value;
    expect(created.value.append({ type: 'phase', at, title: 'One' })).toEqual({ ok: true, value: undefined });
    await created.value.synced();
    created.value.close();
    expect(readFileSync(join(dir, 'script.js'), 'utf8')).toBe('first script');

    expect(writeScriptVersion(store, runId, 2, 'second script').ok).toBe(true);
    const again = writeScriptVersion(store, runId, 2, 'other text');
    expect(again.ok ? 'written over' : again.error).toMatch(/script\.2\.js: cannot write: .*EEXIST/);
    expect(readScriptVersion(store, runId, 2)).toEqual({ ok: true, value: 'second script' });
    expect(readScriptVersion(store, runId, 1)).toEqual({ ok: true, value: 'first script' });

    const reopened = reopenRunRecord(store, runId);
    if (!reopened.ok) throw new Error(reopened.error);
    reopened.value.append({ type: 'continued', at, script: 'x.js', version: 2, recorded: false });
    await reopened.value.synced();
    reopened.value.close();
    const read = readRunRecord(store, runId);
    if (!read.ok) throw new Error(read.error);
    expect(read.value.lines.map((line) => line.type)).toEqual(['phase', 'continued']);
  });
});
