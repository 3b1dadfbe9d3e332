// Which agent a command acts on: `-t AGENT` (a name or pane number) or the focused agent, and
// `-t all` fanned out over every agent for interrupt, pause and resume.
import type { CockpitApi } from './cockpit-api.js';
import { failure, type CommandResult } from './command.js';
import { err, ok, type Result } from './result.js';

/** Resolves `-t` (or the focused agent when it is absent) to an agent name; errors name the command. */
export function resolveTarget(
  api: CockpitApi,
  commandName: string,
  reference: string | undefined,
): Result<string> {
  if (reference === undefined) {
    const focused = api.focused();
    return focused === undefined ? err(`${commandName}: there is no agent`) : ok(focused);
  }
  const resolved = api.resolveAgent(reference);
  return resolved.ok ? resolved : err(`${commandName}: ${resolved.error}`);
}

/**
 * Runs `act` on the one agent `-t` names, or on every agent for `-t all`. With several agents
 * the answers are joined into one message (`alpha: not running` for a refusal); the result is
 * an error only when every agent refused.
 */
export function actOnTargets(
  api: CockpitApi,
  commandName: string,
  reference: string | undefined,
  act: (agent: string) => Result<string>,
): CommandResult {
  if (reference === 'all') {
    const agents = api.agents();
    if (agents.length === 0) return failure(commandName, 'there is no agent');
    const answers = agents.map((agent) => ({ agent: agent.name, answer: act(agent.name) }));
    const message = answers
      .map(({ agent, answer }) => (answer.ok ? answer.value : `${agent}: ${answer.error}`))
      .join('; ');
    const allRefused = answers.every(({ answer }) => !answer.ok);
    return allRefused ? failure(commandName, message) : { kind: 'ok', message };
  }
  const target = resolveTarget(api, commandName, reference);
  if (!target.ok) return { kind: 'error', message: target.error };
  const answer = act(target.value);
  return answer.ok ? { kind: 'ok', message: answer.value } : failure(commandName, answer.error);
}
