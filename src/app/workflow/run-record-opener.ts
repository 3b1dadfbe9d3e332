// The seam between the session browser and the run view (issue 14): given a run id, load its
// record (run-record-reader.ts) and show it. The run view overlay is being built in parallel; until
// it can show a record, the record opens in the pager as text (run-record-text.ts).
import { readRunRecord, type RunRecord } from '../../adapters/workflow/run-record-reader.js';
import type { Result } from '../../core/result.js';
import { runRecordText } from '../../core/workflow/run-record-text.js';
import type { CockpitApp } from '../cockpit-app.js';
import { openPager } from '../help.js';

/** The data the run view shows of a run that is not live: its record as read, torn tail repaired. */
export function loadRunForView(storeDir: string, runId: string): Result<RunRecord> {
  return readRunRecord(storeDir, runId);
}

/** Opens run `runId`'s record over the panes; the error when it cannot be read. */
export function openRunRecord(app: CockpitApp, storeDir: string, runId: string): Result<string> {
  const record = loadRunForView(storeDir, runId);
  if (!record.ok) return record;
  const text = [...record.value.notices, ...runRecordText(runId, record.value.lines)].join('\n');
  openPager(app, `run ${runId}`, [{ heading: '', text }]);
  return { ok: true, value: `run ${runId}: its record (in the pager)` };
}
