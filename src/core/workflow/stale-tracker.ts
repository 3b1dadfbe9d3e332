// The run view's stale marks (issue 14 over issue 15's staleCalls()): keeps the record lines that
// say which call saw which value, and answers which agents' calls are stale now. Recomputed only
// when a line could change the answer (a revision, or a call started after one), never per frame.
import type { RunRecordLine, ValueRef } from './run-record.js';
import { staleCalls } from './stale-calls.js';

/** Stale calls of one run by agent name. */
export class StaleTracker {
  private readonly lines: RunRecordLine[] = [];
  private revisions = 0;
  private byAgent: ReadonlyMap<string, readonly ValueRef[]> = new Map();

  /** Takes one record line; true when the stale agents changed. */
  add(line: RunRecordLine): boolean {
    if (!['meta', 'continued', 'started', 'reused', 'result', 'revised'].includes(line.type)) return false;
    this.lines.push(line);
    if (line.type === 'revised') this.revisions += 1;
    // Without a revision nothing can be stale; after one, a new start or continue may change the set.
    if (this.revisions === 0 || line.type === 'result') return false;
    const before = this.byAgent;
    const next = new Map<string, readonly ValueRef[]>();
    for (const call of staleCalls(this.lines)) if (call.agent !== null) next.set(call.agent, call.because);
    this.byAgent = next;
    return next.size !== before.size || [...next.keys()].some((agent) => !before.has(agent));
  }

  /** The values that made `agent`'s call stale, or undefined when it is not. */
  staleBecause(agent: string): readonly ValueRef[] | undefined {
    return this.byAgent.get(agent);
  }

  /** Every agent whose call is stale. */
  agents(): ReadonlySet<string> {
    return new Set(this.byAgent.keys());
  }

  /** A person renamed an agent: its mark follows it. */
  renamed(from: string, to: string): void {
    const because = this.byAgent.get(from);
    if (because === undefined) return;
    const next = new Map(this.byAgent);
    next.delete(from);
    next.set(to, because);
    this.byAgent = next;
  }
}
