// The open run records of one agentmux (issue 15): at most one writer per run, so a continue and
// a late revision of the same run never write over each other (line files write at a tracked
// offset). A line for a run with no open writer is appended on its own.
import { appendOnce } from '../../adapters/workflow/run-record-append.js';
import type { RunRecordWriter } from '../../adapters/workflow/run-record-file.js';
import { err, type Result } from '../../core/result.js';
import type { RunRecordLine } from '../../core/workflow/run-record.js';

/** Routes record lines to each run's one open writer. */
export class RunRecords {
  private readonly open = new Map<string, RunRecordWriter>();

  constructor(private readonly storeDir: string) {}

  /** `writer` is now the run's writer (a continue replaces the ended run's). */
  register(writer: RunRecordWriter): void {
    this.open.set(writer.runId, writer);
  }

  /** The writer closes: later lines are appended on their own. */
  release(writer: RunRecordWriter): void {
    if (this.open.get(writer.runId) === writer) this.open.delete(writer.runId);
    writer.close();
  }

  /** Appends to the run's open writer, or to its closed record. */
  append(runId: string, line: RunRecordLine): Result<void> {
    const writer = this.open.get(runId);
    if (writer !== undefined) return writer.append(line);
    if (line.type !== 'revised') return err(`${runId}: the run's record is closed`);
    return appendOnce(this.storeDir, runId, line);
  }
}
