// Which agent a command acts on: `-t AGENT` (a name or pane number) or the focused agent, and
// `-t all` fanned out over every agent for interrupt, pause and resume, `-t @RUN` and
// `-t @RUN/PHASE` over a workflow run's agents with a pending call (DESIGN.md §9 Naming).
import type { CockpitApi } from './cockpit-api.js';
import { failure, type CommandError, type CommandOutcome } from './command.js';
import { targetOutcome, type TargetsValue } from './command-values.js';
import { err, ok, type Result } from './result.js';
import { isRunTarget } from './workflow/call-steering.js';

/** Resolves `-t` (or the focused agent when it is absent) to an agent name; errors name the command. */
export function resolveTarget(
  api: CockpitApi,
  commandName: string,
  reference: string | undefined,
): Result<string> {
  if (reference === undefined) {
    const focused = api.panes.focused();
    return focused === undefined ? err(`${commandName}: there is no agent`) : ok(focused);
  }
  const resolved = api.resolveAgent(reference);
  return resolved.ok ? resolved : err(`${commandName}: ${resolved.error}`);
}

/** A `-t` that names no agent, as a usage error (the message already names the command). */
export function targetError(message: string): CommandError {
  return { kind: 'error', code: 'usage', message };
}

/**
 * Runs `act` on the one agent `-t` names, or on every agent for `-t all` (a run's for `-t @RUN`). With several agents
 * the answers are joined into one message (`alpha: not running` for a refusal); the result is
 * an error only when every agent refused. The value lists each agent's answer.
 */
export function actOnTargets(
  api: CockpitApi,
  commandName: string,
  reference: string | undefined,
  act: (agent: string) => Result<string>,
): CommandOutcome<TargetsValue> {
  if (reference === 'all') {
    const agents = api.agents();
    if (agents.length === 0) return failure(commandName, 'there is no agent');
    return fanOut(api, commandName, agents.map((agent) => agent.name), act);
  }
  if (reference !== undefined && isRunTarget(reference)) {
    const agents = api.runs.agents(reference);
    if (!agents.ok) return targetError(`${commandName}: ${agents.error}`);
    return fanOut(api, commandName, agents.value, act);
  }
  const target = resolveTarget(api, commandName, reference);
  if (!target.ok) return targetError(target.error);
  const answer = act(target.value);
  if (!answer.ok) return failure(commandName, answer.error);
  return { kind: 'ok', message: answer.value, value: { targets: [targetOutcome(api, target.value, answer)] } };
}

// Several agents: their answers joined into one message; an error only when every one refused.
function fanOut(api: CockpitApi, commandName: string, agents: readonly string[], act: (agent: string) => Result<string>): CommandOutcome<TargetsValue> {
  const answers = agents.map((agent) => ({ agent, answer: act(agent) }));
  const message = answers.map(({ agent, answer }) => (answer.ok ? answer.value : `${agent}: ${answer.error}`)).join('; ');
  if (answers.every(({ answer }) => !answer.ok)) return failure(commandName, message);
  return { kind: 'ok', message, value: { targets: answers.map(({ agent, answer }) => targetOutcome(api, agent, answer)) } };
}
