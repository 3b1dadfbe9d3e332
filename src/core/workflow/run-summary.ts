// One run as the session browser lists it (DESIGN.md §9 Naming: workflow sessions are grouped
// under their run): its name, how it ended (or that it has no `done` line yet), when it started
// and last wrote, and how many calls started an agent — read from its record's lines, one per call
// key (a call asked again after a continue has a second `started` line, not a second agent).
import type { RunRecordLine, RunStatus } from './run-record.js';

/** A run's row in the session browser. */
export type RunSummary = {
  readonly id: string;
  readonly name: string;
  /** The `done` line's status; `running` while it has none (live, or cut short by a crash); `no record` for sessions whose run left none. */
  readonly status: RunStatus | 'running' | 'no record';
  readonly started: number;
  readonly updated: number;
  /** Calls that started an agent (distinct call keys). */
  readonly agents: number;
};

function timeOf(at: string, fallback: number): number {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? fallback : ms;
}

/** Sums up a record's lines; a record without a `meta` line is named by its id. */
export function summarizeRun(id: string, lines: readonly RunRecordLine[], fallbackTime: number): RunSummary {
  let name = id;
  let status: RunSummary['status'] = 'running';
  const keys = new Set<string>();
  const first = lines[0];
  const last = lines[lines.length - 1];
  for (const line of lines) {
    if (line.type === 'meta') name = line.name;
    else if (line.type === 'started') keys.add(line.key);
    else if (line.type === 'done') status = line.status;
  }
  const started = first === undefined ? fallbackTime : timeOf(first.at, fallbackTime);
  return { id, name, status, started, updated: last === undefined ? started : timeOf(last.at, started), agents: keys.size };
}
