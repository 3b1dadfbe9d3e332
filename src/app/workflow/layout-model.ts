// A layout's `model` read like a workflow call's (DESIGN.md §9: "layouts accept the same names"):
// an id, an alias, or `ENDPOINT/MODEL` on a named endpoint of the providers file.
import type { Providers } from '../../adapters/workflow/providers-file.js';
import type { AgentConfig } from '../../core/agent.js';
import { err, ok, type Result } from '../../core/result.js';
import { resolveModelName } from '../../core/workflow/model-names.js';

/** The model id and, for `ENDPOINT/MODEL`, the endpoint; an unknown endpoint is an error naming the known ones. */
export function resolveLayoutModel(name: string, providers: Providers): Result<Pick<AgentConfig, 'model' | 'endpoint'>> {
  const choice = resolveModelName(name);
  if (!choice.ok) return choice;
  if (choice.value.kind === 'default') return ok({ model: choice.value.model });
  const named = providers[choice.value.endpoint];
  if (named === undefined) {
    const known = Object.keys(providers);
    return err(`model "${name}": no endpoint "${choice.value.endpoint}" in providers.json (${known.length === 0 ? 'it names none' : `it names ${known.join(', ')}`})`);
  }
  const endpoint = { name: choice.value.endpoint, baseURL: named.baseURL, ...(named.apiKeyEnv === undefined ? {} : { apiKeyEnv: named.apiKeyEnv }) };
  return ok({ model: choice.value.model, endpoint });
}
