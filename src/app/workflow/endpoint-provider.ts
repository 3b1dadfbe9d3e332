// The provider of an agent on a named endpoint of the providers file (DESIGN.md §9): its base URL,
// and its key read from the environment variable the file names, at the moment it is needed.
import type { LogSink } from '../../adapters/log-sink.js';
import type { AgentConfig } from '../../core/agent.js';
import type { ModelProvider } from '../../core/provider.js';
import { LazyAnthropicProvider } from '../lazy-provider.js';

type Endpoint = NonNullable<AgentConfig['endpoint']>;

/** A provider for `endpoint`; without `apiKeyEnv` (a local server) no key is sent, never the Anthropic one. */
export function endpointProvider(
  endpoint: Endpoint,
  env: Readonly<Record<string, string | undefined>>,
  log: LogSink,
  debug: boolean,
): ModelProvider {
  const apiKey = endpoint.apiKeyEnv === undefined ? undefined : env[endpoint.apiKeyEnv];
  return new LazyAnthropicProvider({ baseURL: endpoint.baseURL, ...(apiKey === undefined ? {} : { apiKey }), log, debug });
}
