// A run's counts, one per call key (DESIGN.md §9 "Call keys"): a call asked again after a
// continue has two `started` lines but is one call; an answer served from the record (`reused`)
// is a call done; a queued call skipped or stopped before it started is a call null. Each key
// counts once, in the phase it was first seen in, with its latest outcome. Pure.

/** Where a call stands: not resolved yet, resolved to a value, resolved to null. */
export type CallOutcome = 'pending' | 'done' | 'null';

/** Counts of calls (the run's, or one phase's): how many, and how many resolved each way. */
export type CallCounts = { calls: number; done: number; nulls: number };

/** The counts of every key; see the file comment. */
export class CallTally<Phase extends CallCounts> {
  private readonly keys = new Map<string, { readonly counts: Phase; outcome: CallOutcome }>();
  /** The run's counts. */
  readonly run: CallCounts = { calls: 0, done: 0, nulls: 0 };

  /** Key `key` stands at `outcome`; a key seen for the first time is counted in `phase` (later, its first phase stays). */
  set(key: string, phase: Phase, outcome: CallOutcome): void {
    const known = this.keys.get(key);
    if (known === undefined) {
      this.keys.set(key, { counts: phase, outcome });
      add(this.run, outcome, 1, true);
      add(phase, outcome, 1, true);
      return;
    }
    if (known.outcome === outcome) return;
    add(this.run, known.outcome, -1, false);
    add(known.counts, known.outcome, -1, false);
    known.outcome = outcome;
    add(this.run, outcome, 1, false);
    add(known.counts, outcome, 1, false);
  }

  /** The phase key `key` was first seen in, if it was seen. */
  phaseOf(key: string): Phase | undefined {
    return this.keys.get(key)?.counts;
  }
}

function add(counts: CallCounts, outcome: CallOutcome, step: 1 | -1, newCall: boolean): void {
  if (newCall) counts.calls += step;
  if (outcome === 'done') counts.done += step;
  else if (outcome === 'null') counts.nulls += step;
}
