// Tells a workflow call when its agent's work ended: the loop stopped, with how (DESIGN.md §9,
// "When a call resolves"). It watches the agent's loop promise, so it sees every end whatever
// started the work (the script's prompt, a send, a nudge, a retry).
import type { Agent } from '../../core/agent.js';
import type { Controller } from '../../core/controller.js';
import type { Disposable } from '../../core/events.js';
import type { TurnEnd, TurnOutcome } from '../../core/workflow/call-resolution.js';

/** The text of the agent's last answer on its branch ('' when the last message is not an answer). */
function lastAnswerText(agent: Agent): string {
  const last = agent.session?.view().items.at(-1);
  if (last?.kind !== 'message' || last.entry.kind !== 'assistant') return '';
  return last.entry.blocks.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('\n').trim();
}

/** How the agent's work ended, read from its state once its loop has stopped. */
function outcomeOf(agent: Agent): TurnOutcome {
  if (agent.state === 'error') return 'error';
  if (agent.state === 'over-budget') return 'over-budget';
  if (agent.state === 'paused') return 'interrupted';
  const last = agent.session?.view().items.at(-1);
  if (last?.kind === 'message' && last.entry.kind === 'interrupted') return 'interrupted';
  if (last?.kind === 'message' && last.entry.kind === 'tool-result' && last.entry.isError && /^\(interrupted|^\(not run/.test(last.entry.content)) return 'interrupted';
  return 'answered';
}

/** Calls `listener` each time `agent`'s loop stops; dispose to stop watching. */
export function watchWorkEnds(controller: Controller, agent: Agent, listener: (end: TurnEnd) => void): Disposable {
  let watched: Promise<void> | undefined;
  let disposed = false;
  const watch = (): void => {
    const running = agent.running;
    if (running === undefined || running === watched) return;
    watched = running;
    void running.then(() => {
      if (disposed || agent.running !== undefined) return;
      const pending = agent.queue.length + agent.nudges.length > 0 || agent.pendingApproval !== undefined;
      listener({ outcome: outcomeOf(agent), text: lastAnswerText(agent), pending, detail: agent.detail });
    });
  };
  const subscription = controller.events.on((event) => {
    if ((event.type === 'state' || event.type === 'entry') && event.agent === agent.name) watch();
  });
  watch();
  return {
    dispose: () => {
      disposed = true;
      subscription.dispose();
    },
  };
}
