// A rejected request does not poison the session (issue 9, item 7). When the API refuses a
// request for what it holds (a 4xx other than 429), the user messages it ended with are set
// aside: they stay on the branch and in the journal, shown with the API's error, but later
// requests leave them out, so the next message goes out on its own. `retry` (or editing the
// message) puts them back. A 401/403 is not the message's fault (the key is refused), so it
// is not set aside: fixing the key and retrying must send the message as it was.
import type { BranchView } from './branch.js';
import type { EntryId } from './entry.js';
import type { ControllerEvent, Emitter } from './events.js';
import { describeProviderError, type ProviderError } from './provider.js';
import { err, ok, type Result } from './result.js';
import type { SessionState } from './session-state.js';

/** True when the API refused the request for its content, not for load, limits or the key. */
export function refusesTheMessages(error: ProviderError): boolean {
  return error.kind === 'invalid-request' || error.kind === 'context-overflow';
}

/** The user messages at the end of the branch (since the last answer or tool result). */
export function trailingUserEntries(view: BranchView): EntryId[] {
  const found: EntryId[] = [];
  for (let index = view.items.length - 1; index >= 0; index -= 1) {
    const item = view.items[index];
    if (item === undefined || item.kind !== 'message') continue;
    if (item.entry.kind !== 'user') break;
    found.unshift(item.entry.id);
  }
  return found;
}

function shortText(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

/**
 * Sets aside the messages a refused request ended with (one journal record) and says so in
 * the agent's pane. Returns the state detail to show, or an error when nothing was set aside.
 */
export function setAsideRefused(
  session: SessionState,
  agentName: string,
  error: ProviderError,
  events: Emitter<ControllerEvent>,
): Result<string> {
  if (!refusesTheMessages(error)) return err('not a refusal of the messages');
  const view = session.view();
  const entries = trailingUserEntries(view).filter((id) => !session.setAside.has(id));
  if (entries.length === 0) return err('no message to set aside');
  const reason = describeProviderError(error);
  const written = session.record({ t: 'set-aside', entries, error: reason });
  if (!written.ok) return err(written.error);
  const texts = view.items.flatMap((item) =>
    item.kind === 'message' && item.entry.kind === 'user' && entries.includes(item.entry.id)
      ? [JSON.stringify(shortText(item.entry.text))]
      : [],
  );
  const what = entries.length === 1 ? `message ${texts.join('')}` : `${entries.length} messages ${texts.join(', ')}`;
  events.emit({
    type: 'notice',
    agent: agentName,
    level: 'error',
    message: `the API refused ${what}: ${reason} — set aside: later messages go out without it; :retry sends it again`,
  });
  return ok(`${reason} — set aside; send again to go on, or :retry`);
}

/** `retry`: puts the set-aside messages at the end of the branch back into the requests. */
export function putBackSetAside(session: SessionState): Result<number> {
  const entries = trailingUserEntries(session.view()).filter((id) => session.setAside.has(id));
  if (entries.length === 0) return ok(0);
  const written = session.record({ t: 'put-back', entries });
  return written.ok ? ok(entries.length) : written;
}
