// Which calls of a run are stale (issue 15): a call is stale when a value it saw has a later
// version that no longer holds every text the call's prompt took from it (its `via` marks; a
// revision that left those texts as they were changes nothing the call was built from, and a
// continue would reuse it), or when a value it saw came from a stale call. Only the calls of the
// run's latest start or continue count (a continue replaces the calls it no longer makes). The run
// view marks them; `run-continue` re-runs them (their prompts change, so their keys do). Pure: the
// record's lines in, keys out; the order of a `reused` and a `revised` line does not matter.
import type { JsonValue } from '../json-value.js';
import type { RunRecordLine, ValueRef } from './run-record.js';
import { valueMarks } from './value-sight.js';

/** A stale call: its key, its agent (null when served from the record), and the values that made it stale. */
export type StaleCall = { readonly key: string; readonly agent: string | null; readonly because: readonly ValueRef[] };

type CallSight = { readonly agent: string | null; readonly saw: readonly ValueRef[] };
type Latest = { readonly version: number; readonly value?: JsonValue };

function newer(latest: Map<string, Latest>, key: string, version: number, value?: JsonValue): void {
  const known = latest.get(key);
  if (known !== undefined && (known.version > version || (known.version === version && known.value !== undefined))) return;
  latest.set(key, value === undefined ? { version } : { version, value });
}

/** Whether the latest version of a seen value lost a text the call took from it. */
function outdated(ref: ValueRef, latest: Latest | undefined, marks: Map<string, ReadonlySet<string>>): boolean {
  if (latest === undefined || latest.version <= ref.version) return false;
  // Old records name no texts, and a version whose line was lost has no value to compare: stale.
  if (ref.via === undefined || latest.value === undefined) return true;
  const key = `${ref.key}@${latest.version}`;
  const known = marks.get(key) ?? valueMarks(latest.value);
  marks.set(key, known);
  return ref.via.some((mark) => !known.has(mark));
}

/** The stale calls of a record, in the order their (latest) start or reuse appears. */
export function staleCalls(lines: readonly RunRecordLine[]): readonly StaleCall[] {
  const latest = new Map<string, Latest>();
  const calls = new Map<string, CallSight>();
  for (const line of lines) {
    if (line.type === 'result') newer(latest, line.key, 1, line.value);
    else if (line.type === 'revised') newer(latest, line.key, line.version, line.value);
    else if (line.type === 'reused') newer(latest, line.key, line.version);
    // The calls of the latest start or continue are the run as it now stands.
    if (line.type === 'meta' || line.type === 'continued') calls.clear();
    if (line.type === 'started' || line.type === 'reused') {
      calls.delete(line.key);
      calls.set(line.key, { agent: line.agent, saw: line.saw ?? [] });
    }
  }
  const marks = new Map<string, ReadonlySet<string>>();
  const stale = new Map<string, StaleCall>();
  // A call can only have seen calls that came before it, so one pass in order settles the chain.
  for (const [key, call] of calls) {
    const because = call.saw.filter((ref) => outdated(ref, latest.get(ref.key), marks) || stale.has(ref.key));
    if (because.length > 0) stale.set(key, { key, agent: call.agent, because: because.map((ref) => ({ key: ref.key, version: ref.version })) });
  }
  return [...stale.values()];
}
