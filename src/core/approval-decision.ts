// What the user answers to a pending tool call (DESIGN.md §4, "Approval policy"), and the
// one-line description of the call the pane title shows while the agent waits.
import { alwaysAllowEntry } from './approval-policy.js';
import type { ToolCall } from './tools.js';
import { HIDDEN_CONTROLS_WARNING, hasHiddenControls, inputHasHiddenControls, visibleControls } from './visible-controls.js';

/** `yes` runs the call once, `always` also allows its kind from now on, `no` refuses it. */
export type ApprovalDecision =
  | { readonly kind: 'yes' }
  | { readonly kind: 'always' }
  | { readonly kind: 'no'; readonly reason?: string };

/** What the runner is waiting on: only `Controller.decide` settles it (never a nudge or broadcast). */
export type PendingApproval = {
  readonly call: ToolCall;
  readonly decide: (decision: ApprovalDecision) => void;
};

const MAX_DETAIL = 80;

// Controls become visible before clipping, so the clipped line never hides one (issue 9).
function clip(text: string): string {
  const line = visibleControls(text.replace(/[ ]+/gu, ' ').trim());
  return line.length > MAX_DETAIL ? `${line.slice(0, MAX_DETAIL - 1)}…` : line;
}

function stringInput(call: ToolCall, key: string): string | undefined {
  const value = call.input[key];
  return typeof value === 'string' ? value : undefined;
}

/** `write_file src/x.ts (120 lines)`, `edit_file src/x.ts`, `bash: npm test`: a call at a glance. */
export function describeCall(call: ToolCall): string {
  if (call.name === 'bash') {
    const command = stringInput(call, 'command') ?? '(no command)';
    return clip(`bash${hasHiddenControls(command) ? ' ⚠ controls' : ''}: ${command}`);
  }
  const path = stringInput(call, 'path') ?? '(no path)';
  if (call.name === 'write_file') {
    const content = stringInput(call, 'content') ?? '';
    const lines = content === '' ? 0 : content.split('\n').length - (content.endsWith('\n') ? 1 : 0);
    return clip(`write_file ${path} (${lines} line${lines === 1 ? '' : 's'})`);
  }
  if (call.name === 'edit_file') return clip(`edit_file ${path}`);
  return clip(`${call.name} ${JSON.stringify(call.input)}`);
}

/** The tool result a refusal sends to the model. */
export function refusalText(reason: string | undefined): string {
  const trimmed = reason?.trim() ?? '';
  return trimmed === '' ? 'refused by the user' : `refused by the user: ${trimmed}`;
}

/**
 * The y / a / n choices for a pending call, saying before the user presses `a` exactly what it
 * would allow from now on: `y once · a always (bash:npm *) · n refuse`; `a` is offered only when
 * its rule would allow the same call again.
 */
export function approvalChoices(call: ToolCall): string {
  const entry = alwaysAllowEntry(call);
  const flag = inputHasHiddenControls(call.input) ? `${HIDDEN_CONTROLS_WARNING} · ` : '';
  if (entry === undefined) return `${flag}y once · n refuse (no a: ${noAlwaysReason(call)})`;
  return `${flag}y once · a always (${hintedEntry(call, entry)}) · n refuse`;
}

/** Past this many characters, an exact rule is named by what it is rather than cut by the hint line's width. */
const MAX_ENTRY_IN_HINT = 60;

/**
 * The rule as the hint line names it: in full, or — for a long exact command, which the hint
 * line's width would cut — as "the exact command shown in the pane", where it is shown whole.
 */
function hintedEntry(call: ToolCall, entry: string): string {
  const command = stringInput(call, 'command');
  if (entry.length > MAX_ENTRY_IN_HINT && command !== undefined && entry === `bash:${command}`) return 'bash: exactly the command shown in the pane';
  return visibleControls(entry);
}

const CONTROLS_REASON = 'the command holds control characters: approve it one call at a time';

function commandHoldsControls(call: ToolCall): boolean {
  const command = stringInput(call, 'command');
  return call.name === 'bash' && command !== undefined && hasHiddenControls(command);
}

/** Why `a` is not offered for a call: its command holds controls, or no rule would match it again. */
function noAlwaysReason(call: ToolCall): string {
  return commandHoldsControls(call) ? CONTROLS_REASON : 'no rule would allow this command again';
}

/** What the status bar says after `a`: the call approved and the exact `allow` entry added. */
export function alwaysAnswerText(agent: string, call: ToolCall): string {
  const entry = alwaysAllowEntry(call);
  const what = describeCall(call);
  if (entry === undefined) {
    if (commandHoldsControls(call)) return `${agent}: approved ${what} once; nothing is allowed from now on (${CONTROLS_REASON})`;
    return `${agent}: approved ${what} once; no pattern can say it, so nothing is allowed from now on`;
  }
  return `${agent}: approved ${what}; from now on allowed: ${visibleControls(entry)}`;
}

/** Why `a` is refused for a call no rule could allow again (the call keeps waiting). */
export function noAlwaysText(agent: string, call: ToolCall): string | undefined {
  if (alwaysAllowEntry(call) !== undefined) return undefined;
  const reason = commandHoldsControls(call) ? CONTROLS_REASON : 'no rule would match it again';
  return `${agent}: a cannot allow ${describeCall(call)} always (${reason}): y approves it once, n refuses`;
}
