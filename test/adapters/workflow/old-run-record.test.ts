// A run record written before session 7 (test/fixtures/run-record-s6): no `schema` on its started
// lines, no `via` on its `saw` refs, the continue's revised line before its reused line. It still
// loads, serves its revision, marks nothing stale and reads as text.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRunRecord } from '../../../src/adapters/workflow/run-record-reader.js';
import { RunMemory } from '../../../src/core/workflow/run-memory.js';
import { runRecordText } from '../../../src/core/workflow/run-record-text.js';
import { staleCalls } from '../../../src/core/workflow/stale-calls.js';

const FIXTURE = path.join(import.meta.dirname, '..', '..', 'fixtures', 'run-record-s6');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a run record from before session 7', () => {
  it('loads: its revision is served, nothing is stale, the started lines name no schema', () => {
    // A copy: reading repairs a torn tail in place, and the fixture must stay as it is.
    const store = fs.mkdtempSync(path.join(os.tmpdir(), 'agentmux-oldrec-'));
    dirs.push(store);
    fs.cpSync(FIXTURE, store, { recursive: true });
    const record = readRunRecord(store, 's6rec1');
    if (!record.ok) throw new Error(record.error);
    const { lines } = record.value;
    expect(record.value.notices).toEqual([]);
    expect(lines.filter((line) => line.type === 'started' && line.schema !== undefined)).toEqual([]);
    expect(RunMemory.of(lines).value('k-counter#0')).toMatchObject({ value: { n: 4 }, version: 2, session: 'sess-counter' });
    expect(staleCalls(lines)).toEqual([]);
    expect(runRecordText('s6rec1', lines).join('\n')).toContain('reused the recorded value of counter (version 2)');
  });
});
