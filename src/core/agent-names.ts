// Agents by name in O(1). `find` ran a linear scan of every agent, and it is asked many times per
// event (transcripts, the run board, delivery); a 1,000-agent workflow run made each event
// cost thousands of name reads (issue 17). AgentAdmin, the only place agents are added, removed
// or renamed, keeps this index current; a hit is checked against the agent's name anyway.
import type { Agent } from './agent.js';

/** The name index of one controller's agent list (shared with AgentAdmin). */
export class AgentNames {
  private readonly byName = new Map<string, Agent>();

  constructor(private readonly agents: readonly Agent[]) {
    for (const agent of agents) this.added(agent);
  }

  /** The agent named `name` (the first in pane order, as a scan would find). */
  find(name: string): Agent | undefined {
    const hit = this.byName.get(name);
    if (hit === undefined || hit.name === name) return hit;
    // The index missed a change: fall back to the list, and mend the entry.
    return this.reindex(name);
  }

  /** After an agent joined the list. */
  added(agent: Agent): void {
    if (!this.byName.has(agent.name)) this.byName.set(agent.name, agent);
  }

  /** After an agent left the list (it may have shared a name with a later one). */
  removed(agent: Agent): void {
    if (this.byName.get(agent.name) === agent) this.reindex(agent.name);
  }

  /** After an agent's name changed from `from`. */
  renamed(agent: Agent, from: string): void {
    if (this.byName.get(from) === agent) this.reindex(from);
    this.reindex(agent.name);
  }

  private reindex(name: string): Agent | undefined {
    const found = this.agents.find((agent) => agent.name === name);
    if (found === undefined) this.byName.delete(name);
    else this.byName.set(name, found);
    return found;
  }
}
