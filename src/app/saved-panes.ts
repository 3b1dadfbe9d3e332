// The panes a person opened at run time (`new`, `new NAME -- COMMAND`, `fork`), as the catalog
// keeps them per layout so the next start reopens them: SDK agents reattach their sessions, PTY
// agents run their command again (as a layout's PTY agents do).
import type { SavedAgent } from '../adapters/store/catalog-schema.js';
import type { Agent } from '../core/agent.js';

/** What to remember of each agent not in the layout; agents with neither a session nor a command are skipped. */
export function savedAgentsOf(agents: readonly Agent[], inLayout: ReadonlySet<string>): SavedAgent[] {
  return agents
    // A workflow's agents belong to their run, not to the layout's next start (DESIGN.md §9).
    .filter((agent) => !inLayout.has(agent.name) && agent.config.run === undefined)
    .flatMap((agent): SavedAgent[] => {
      if (agent.kind === 'pty') {
        const { command, env, ready } = agent.pty.spec;
        return [
          {
            name: agent.name,
            cwd: agent.config.cwd,
            command: [...command],
            ...(Object.keys(env).length === 0 ? {} : { env: { ...env } }),
            ...(ready === undefined ? {} : { ready }),
          },
        ];
      }
      if (agent.kind === 'broken') return [];
      return [
        {
          name: agent.name,
          model: agent.config.model,
          cwd: agent.config.cwd,
          ...(agent.config.system === undefined ? {} : { system: agent.config.system }),
          ...(agent.config.baseURL === undefined ? {} : { baseURL: agent.config.baseURL }),
        },
      ];
    });
}
