// What a run's record remembers for `run-continue` (issue 15): each call key's latest value (its
// first `result`, or a later `revised` one) with its version, each key that started an agent
// but never got a value (in flight at a crash or quit) with that agent's session, and each answer
// that was held for the person when the run stopped (issue 16). Pure.
import type { JsonValue } from '../json-value.js';
import type { RunRecordLine } from './run-record.js';

/**
 * A key's value as the record holds it: the latest version wins. `session`: the session of the
 * agent that gave it (its `started` line), null when none started; `at`: when the value was
 * recorded (a later answer in that session is a revision made where the run was not live).
 */
export type RememberedValue = {
  readonly value: JsonValue;
  readonly version: number;
  readonly agent: string | null;
  readonly session: string | null;
  readonly at: string;
};

/** An agent that started for a key and never answered: continue its own session. */
export type InFlightCall = { readonly agent: string; readonly session: string };

/** The stop reason of a run ended by quitting the cockpit: such a run is unfinished. */
export const QUIT_REASON = 'agentmux is quitting';

/** The record read as a memory of values. */
export class RunMemory {
  private constructor(
    private readonly values: ReadonlyMap<string, RememberedValue>,
    private readonly inFlight: ReadonlyMap<string, InFlightCall>,
    /** Answers held for the person when the run stopped (issue 16), by key: no result yet, not sent back. */
    private readonly heldValues: ReadonlyMap<string, JsonValue>,
    /** How many script versions the record names (script.js is 1). */
    readonly scriptVersions: number,
  ) {}

  /** An empty memory: a fresh run reuses nothing. */
  static empty(): RunMemory {
    return new RunMemory(new Map(), new Map(), new Map(), 1);
  }

  /** Reads the record's lines in order. */
  static of(lines: readonly RunRecordLine[]): RunMemory {
    const values = new Map<string, RememberedValue>();
    const inFlight = new Map<string, InFlightCall>();
    const held = new Map<string, JsonValue>();
    const sessions = new Map<string, string>();
    let scriptVersions = 1;
    for (const line of lines) {
      switch (line.type) {
        case 'started':
          sessions.set(line.key, line.session);
          if (!values.has(line.key)) inFlight.set(line.key, { agent: line.agent, session: line.session });
          break;
        case 'result':
          values.set(line.key, { value: line.value, version: (values.get(line.key)?.version ?? 0) + 1, agent: line.agent, session: sessions.get(line.key) ?? null, at: line.at });
          inFlight.delete(line.key);
          held.delete(line.key);
          break;
        case 'held':
          held.set(line.key, line.value);
          break;
        case 'sent-back':
          held.delete(line.key);
          break;
        case 'revised':
          values.set(line.key, { value: line.value, version: line.version, agent: line.agent, session: sessions.get(line.key) ?? null, at: line.at });
          inFlight.delete(line.key);
          break;
        case 'continued':
          scriptVersions = Math.max(scriptVersions, line.version);
          break;
        // A call that resolved to null (an API error, skipped, no valid answer, stopped) has no
        // value: issue 15 reuses only keys with a `result`, so a continue runs it again, and its
        // `started` line (still in flight here) makes that its own session's retry, not a new agent.
        case 'failed':
        case 'meta':
        case 'phase':
        case 'log':
        case 'reused':
        case 'done':
          break;
      }
    }
    return new RunMemory(values, inFlight, held, scriptVersions);
  }

  /** The key's latest value, if the record has one. */
  value(key: string): RememberedValue | undefined {
    return this.values.get(key);
  }

  /** The agent that was working on the key when the run last stopped, if any. */
  interrupted(key: string): InFlightCall | undefined {
    return this.inFlight.get(key);
  }

  /** The answer held for the person when the run last stopped, if the key has one (a stop's null keeps it). */
  held(key: string): JsonValue | undefined {
    return this.values.has(key) ? undefined : this.heldValues.get(key);
  }

  /** How many keys have a value. */
  valueCount(): number {
    return this.values.size;
  }
}

/** Whether a record's run ended without finishing: no `done` after its last start or continue, or stopped by quitting. */
export function isUnfinished(lines: readonly RunRecordLine[]): boolean {
  const last = lines.at(-1);
  if (last === undefined) return false;
  const ends = [...lines].reverse().find((line) => line.type === 'done' || line.type === 'meta' || line.type === 'continued');
  if (ends === undefined || ends.type !== 'done') return true;
  return ends.status === 'stopped' && ends.error === QUIT_REASON;
}
