// Opens a run in the run view (issue 14): the session browser's Enter on a run row and `runs RUN`.
// A run this cockpit has (live, or ended here) opens as it is; any other run — a headless run, one
// of an earlier cockpit — is read from its record (run-record-reader.ts), built into a tree
// (run-tree-from-record.ts) and shown read-only. Only a cockpit without a run view (its runs could
// not be wired) shows the record as text in the pager.
import { readRunRecord, type RunRecord } from '../../adapters/workflow/run-record-reader.js';
import { err, ok, type Result } from '../../core/result.js';
import { runRecordText } from '../../core/workflow/run-record-text.js';
import { runTreeFromRecord } from '../../core/workflow/run-tree-from-record.js';
import type { CockpitApp } from '../cockpit-app.js';
import { openPager } from '../help.js';

/** The data the run view shows of a run that is not live: its record as read, torn tail repaired. */
export function loadRunForView(storeDir: string, runId: string): Result<RunRecord> {
  return readRunRecord(storeDir, runId);
}

/** Opens run `runId` over the panes (the run view, else the pager); the error when its record cannot be read. */
export function openRunRecord(app: CockpitApp, storeDir: string | undefined, runId: string): Result<string> {
  const flow = app.runView;
  const known = flow?.board.tree(runId);
  if (flow !== undefined && known !== undefined) return flow.openRun(known, false);
  if (storeDir === undefined) return err(`run ${runId}: not a run of this cockpit, and it keeps no store to read records from`);
  const record = loadRunForView(storeDir, runId);
  if (!record.ok) return record;
  const notices = record.value.notices;
  if (flow === undefined) {
    const text = [...notices, ...runRecordText(runId, record.value.lines)].join('\n');
    openPager(app, `run ${runId}`, [{ heading: '', text }]);
    return ok(`run ${runId}: its record (in the pager: this cockpit has no run view)`);
  }
  const opened = flow.openRun(runTreeFromRecord(runId, record.value.lines), true);
  if (!opened.ok || notices.length === 0) return opened;
  return ok(`${opened.value} · ${notices.join(' · ')}`);
}
