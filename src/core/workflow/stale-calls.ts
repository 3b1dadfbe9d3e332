// Which calls of a run are stale (issue 15): a call is stale when a value it saw has since been
// revised, or when a value it saw came from a stale call. Only the calls of the run's latest start
// or continue count (a continue replaces the calls it no longer makes). The run view marks them; `run-continue`
// re-runs them (their prompts change, so their keys do). Pure: the record's lines in, keys out.
import type { RunRecordLine, ValueRef } from './run-record.js';

/** A stale call: its key, its agent (null when served from the record), and the values that made it stale. */
export type StaleCall = { readonly key: string; readonly agent: string | null; readonly because: readonly ValueRef[] };

type CallSight = { readonly agent: string | null; readonly saw: readonly ValueRef[] };

/** The stale calls of a record, in the order their (latest) start or reuse appears. */
export function staleCalls(lines: readonly RunRecordLine[]): readonly StaleCall[] {
  const latest = new Map<string, number>();
  const calls = new Map<string, CallSight>();
  for (const line of lines) {
    if (line.type === 'result') latest.set(line.key, Math.max(latest.get(line.key) ?? 0, 1));
    else if (line.type === 'revised') latest.set(line.key, Math.max(latest.get(line.key) ?? 0, line.version));
    else if (line.type === 'reused') latest.set(line.key, Math.max(latest.get(line.key) ?? 0, line.version));
    // The calls of the latest start or continue are the run as it now stands.
    if (line.type === 'meta' || line.type === 'continued') calls.clear();
    if (line.type === 'started' || line.type === 'reused') {
      calls.delete(line.key);
      calls.set(line.key, { agent: line.agent, saw: line.saw ?? [] });
    }
  }
  const stale = new Map<string, StaleCall>();
  // A call can only have seen calls that came before it, so one pass in order settles the chain.
  for (const [key, call] of calls) {
    const because = call.saw.filter((ref) => ref.version < (latest.get(ref.key) ?? ref.version) || stale.has(ref.key));
    if (because.length > 0) stale.set(key, { key, agent: call.agent, because });
  }
  return [...stale.values()];
}
