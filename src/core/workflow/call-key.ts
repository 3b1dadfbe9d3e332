// Call keys (DESIGN.md §9): sha256 of the call's path, prompt, options less `label` and `phase`
// (canonical JSON) and the run's args; then `#k`, k counting earlier calls with the same hash.
// Written from the first run on so that resume can serve finished calls in any order.
import { createHash } from 'node:crypto';
import type { JsonValue } from '../json-value.js';
import type { AgentCallOptions } from './agent-host.js';
import type { CallPath } from './call-path.js';
import { canonicalJson } from './canonical-json.js';

/** The options that change what a call does, as JSON (label and phase only name and group it). */
function keyedOptions(options: AgentCallOptions): JsonValue {
  const keyed: { [key: string]: JsonValue } = {};
  if (options.schema !== undefined) keyed.schema = options.schema;
  if (options.model !== undefined) keyed.model = options.model;
  if (options.effort !== undefined) keyed.effort = options.effort;
  if (options.isolation !== undefined) keyed.isolation = options.isolation;
  if (options.agentType !== undefined) keyed.agentType = options.agentType;
  return keyed;
}

/** The sha256 hex of one call's identity, before `#k`. */
export function callHash(path: CallPath, prompt: string, options: AgentCallOptions, args: JsonValue | undefined): string {
  const identity: JsonValue = [path.map((step) => ({ ...step })), prompt, keyedOptions(options), args === undefined ? null : args];
  return createHash('sha256').update(canonicalJson(identity)).digest('hex');
}

/** Hands out `HASH#k` keys for one run, k counting earlier calls with the same hash. */
export class CallKeys {
  private readonly seen = new Map<string, number>();

  /** The key of the next call with this hash. */
  next(hash: string): string {
    const k = this.seen.get(hash) ?? 0;
    this.seen.set(hash, k + 1);
    return `${hash}#${k}`;
  }
}
