// `agentmux ctl run …` with a cost threshold (issue 16): the line's answer waits for the run's
// dry-run projection, so a run refused above --confirm-over-usd fails the line (ctl exits 1 with
// the refusal) instead of answering "projecting" and exiting 0.
import type { CommandResult } from '../../core/command.js';
import type { Result } from '../../core/result.js';

/** The `run` line's result once its projection decided: started (its message), or refused (an error). */
export function projectedOutcome(first: CommandResult, decided: Result<string>): CommandResult {
  if (decided.ok) return first.kind === 'ok' ? { ...first, message: decided.value } : first;
  return { kind: 'error', code: 'failed', message: `run: ${decided.error}`, command: 'run' };
}
