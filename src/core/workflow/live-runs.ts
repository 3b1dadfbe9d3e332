// The runs live in one agentmux (several may be, DESIGN.md §9): `run-stop [RUN]` and `-t @RUN`
// find one by id, or by script name when exactly one live run has it.
import { err, ok, type Result } from '../result.js';

/** What the registry needs of a live run. */
export type LiveRunHandle = { readonly id: string; readonly name: string };

/** The live runs, in start order. */
export class LiveRuns<R extends LiveRunHandle> {
  private readonly runs = new Map<string, R>();

  /** Adds a run; remove it when it ends. */
  add(run: R): void {
    this.runs.set(run.id, run);
  }

  /** Forgets an ended run. */
  remove(id: string): void {
    this.runs.delete(id);
  }

  /** Every live run. */
  all(): readonly R[] {
    return [...this.runs.values()];
  }

  /** RUN as a run id, or a script name with exactly one live run; without RUN, the only live run. */
  find(ref: string | undefined): Result<R> {
    const live = this.all();
    if (ref === undefined) {
      const [only, ...others] = live;
      if (only === undefined) return err('no run is live');
      if (others.length > 0) return err(`${live.length} runs are live: name one (${live.map((run) => run.id).join(', ')})`);
      return ok(only);
    }
    const byId = this.runs.get(ref);
    if (byId !== undefined) return ok(byId);
    const named = live.filter((run) => run.name === ref);
    const [first, ...rest] = named;
    if (first === undefined) return err(`${ref}: no live run by that id or name`);
    if (rest.length > 0) return err(`${ref}: ${named.length} live runs have that name: use an id (${named.map((run) => run.id).join(', ')})`);
    return ok(first);
  }
}
