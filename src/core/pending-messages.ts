// Nothing accepted is lost (issue 9 item 6, issue 11 item 4): a queued send or a nudge waiting
// for a safe point is journaled the moment it is accepted (a `pending` record), and marked
// done (`pending-done`, a record, never a rewrite) once it is committed as a user message or
// its agent is closed. After a quit or a crash the session's pending set is put back in the
// agent's queue and delivered; the pane and the quit question count what waits. The record's
// id is the message's delivery id (delivery.ts), so a receipt names the journaled message.
import type { Agent, SdkAgent, PendingMessage } from './agent.js';
import type { MessageOrigin } from './entry.js';
import { err, ok, type Result } from './result.js';
import type { SessionState } from './session-state.js';

export type PendingDeps = { readonly now: () => number };

/**
 * Journals a message under its delivery id and then queues it (`nudge`: for the running
 * turn's next safe point). A journal that cannot be written refuses the message instead of
 * holding it in memory only.
 */
export function acceptMessage(
  agent: SdkAgent,
  deps: PendingDeps,
  message: { readonly id: string; readonly text: string; readonly origin: MessageOrigin; readonly nudge: boolean },
): Result<void> {
  const session = agent.session;
  const { id, text, origin, nudge } = message;
  const written = session.record({ t: 'pending', id, text, origin, nudge, at: deps.now() });
  if (!written.ok) return err(`cannot journal the message for ${agent.name}: ${written.error}`);
  (nudge ? agent.nudges : agent.queue).push({ id, text, origin });
  return ok(undefined);
}

/** Marks a journaled message delivered or dropped; a failure is returned, the message is already handled. */
export function settleMessage(session: SessionState, message: PendingMessage, how: 'delivered' | 'dropped'): Result<void> {
  if (!session.pending.has(message.id)) return ok(undefined);
  return session.record({ t: 'pending-done', id: message.id, how });
}

/** Drops every waiting message of an agent that is closing (each one a journal record). */
export function dropWaiting(agent: SdkAgent): void {
  const session = agent.session;
  for (const message of [...agent.nudges, ...agent.queue]) {
    settleMessage(session, message, 'dropped');
  }
  agent.queue.length = 0;
  agent.nudges.length = 0;
}

/** After a load: puts the messages accepted before the last quit or crash back in line. */
export function restorePending(agent: SdkAgent): number {
  const session = agent.session;
  for (const record of session.pending.values()) {
    (record.nudge ? agent.nudges : agent.queue).push({ id: record.id, text: record.text, origin: record.origin });
  }
  return session.pending.size;
}

/** How many messages wait for an agent (queued sends and nudges). */
export function waitingCount(agent: SdkAgent): number {
  return agent.queue.length + agent.nudges.length;
}

/** A pane's detail with what waits appended: `tool bash · 2 queued` (only an SDK agent has messages waiting). */
export function detailWithWaiting(agent: Agent): string {
  const waiting = agent.kind === 'sdk' ? waitingCount(agent) : 0;
  if (waiting === 0 || /\b\d+ (waiting|queued)\b/.test(agent.detail)) return agent.detail;
  return agent.detail === '' ? `${waiting} queued` : `${agent.detail} · ${waiting} queued`;
}
