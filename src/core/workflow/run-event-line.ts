// One stderr line per run event in a headless run (DESIGN.md §9 Headless), prefixed with the
// run id, so a log of several runs can be told apart; long values are cut to one line, and names
// from the script (the run's, a phase's, an agent's) show their controls visibly (␛, ␊).
import { visibleControls } from '../visible-controls.js';
import type { RunEvent } from './run-events.js';

const MAX_VALUE_CHARS = 200;

function short(text: string): string {
  const line = text.replace(/\s+/gu, ' ');
  return line.length > MAX_VALUE_CHARS ? `${line.slice(0, MAX_VALUE_CHARS - 1)}…` : line;
}

/** The last stderr line of a run that did not complete: `RUN: STATUS: MESSAGE`, one line whatever the message holds. */
export function runEndLine(runId: string, status: string, error: string): string {
  return `${runId}: ${status}: ${visibleControls(error)}`;
}

/** The line for one event (no newline). */
export function runEventLine(runId: string, event: RunEvent): string {
  switch (event.kind) {
    case 'busy':
      return `${runId}: the script has not yielded for ${event.seconds} s (busy)`;
    case 'responsive':
      return `${runId}: the script is responsive again`;
    case 'notice':
      return `${runId}: ${event.message}`;
    case 'record':
      break;
  }
  const line = event.line;
  switch (line.type) {
    case 'meta':
      return `${runId}: run ${visibleControls(line.name)} (${line.script})`;
    case 'phase':
      return `${runId}: phase ${visibleControls(line.title)}`;
    case 'log':
      return `${runId}: log ${short(line.text)}`;
    case 'started':
      return `${runId}: ${line.resumed === true ? 'resumed' : 'started'} ${visibleControls(line.agent)}${line.phase === undefined ? '' : ` [${visibleControls(line.phase)}]`}`;
    case 'continued':
      return `${runId}: continued (script version ${line.version}${line.recorded ? ', recorded' : ''}: ${line.script})`;
    case 'reused':
      return `${runId}: reused ${visibleControls(line.agent ?? '(no agent)')} (version ${line.version})`;
    case 'revised':
      return `${runId}: revised ${visibleControls(line.agent)} (version ${line.version}): ${short(JSON.stringify(line.value))}`;
    case 'result':
      return `${runId}: result ${visibleControls(line.agent ?? '(no agent)')}${line.edited === true ? ' (edited by you)' : ''}: ${short(JSON.stringify(line.value))}`;
    case 'held':
      return `${runId}: held ${visibleControls(line.agent)} for you: ${short(JSON.stringify(line.value))}`;
    case 'sent-back':
      return `${runId}: sent ${visibleControls(line.agent)}'s held answer back`;
    case 'failed':
      // No agent: the call failed before one started (agent() threw), which is no null result.
      return line.agent === null ? `${runId}: failed (no agent): ${short(line.reason)}` : `${runId}: null ${visibleControls(line.agent)}: ${short(line.reason)}`;
    case 'done':
      return `${runId}: done ${line.status}`;
  }
}
