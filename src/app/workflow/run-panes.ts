// Which workflow agents are finished, for the pane choice (src/core/pane-choice.ts): a run's
// record says when each call resolved (`result` or `failed` after `started`), and the agent's
// session id, unlike its name, survives a rename. Fed by each cockpit run's events.
import type { Agent } from '../../core/agent.js';
import type { PaneCandidate } from '../../core/pane-choice.js';
import type { RunEvent } from '../../core/workflow/run-events.js';

/** The finished workflow sessions of this cockpit's runs. */
export class RunPanes {
  /** The session each started agent name had, per run (the record names agents as they started). */
  private readonly sessionOf = new Map<string, string>();
  /** Each finished session and when it finished (a count: the last to finish is shown first). */
  private readonly finished = new Map<string, number>();

  constructor(private readonly onChange: () => void) {}

  /** Reads one record event of run `runId`: `started` remembers the session, `result`/`failed` finish it. */
  onRunEvent(event: RunEvent, runId: string): void {
    if (event.kind !== 'record') return;
    const { line } = event;
    if (line.type === 'started') {
      this.sessionOf.set(`${runId}\n${line.agent}`, line.session);
      return;
    }
    if ((line.type !== 'result' && line.type !== 'failed') || line.agent === null) return;
    const key = `${runId}\n${line.agent}`;
    const session = this.sessionOf.get(key);
    if (session === undefined) return;
    this.sessionOf.delete(key);
    this.finished.set(session, this.finished.size + 1);
    this.onChange();
  }

  /** The agent as the pane choice sees it: a person's own, or a workflow agent working or finished. */
  candidate(agent: Agent): PaneCandidate {
    if (agent.config.run === undefined) return { name: agent.name, role: 'own' };
    const order = agent.kind === 'sdk' ? this.finished.get(agent.session.id) : undefined;
    return order === undefined ? { name: agent.name, role: 'working' } : { name: agent.name, role: 'finished', order };
  }
}
