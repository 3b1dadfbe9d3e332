// Which model provider a cockpit agent talks to (a headless run keeps its own rule, which
// announces the scripted model on stderr): the demo's scripted model when it runs, else the
// agent's ENDPOINT from the providers file, else Anthropic with the environment's key and base URL.
import type { LogSink } from '../adapters/log-sink.js';
import type { ProviderConfig } from '../adapters/provider-config.js';
import type { AgentConfig } from '../core/agent.js';
import type { ModelProvider } from '../core/provider.js';
import { LazyAnthropicProvider } from './lazy-provider.js';
import { endpointProvider } from './workflow/endpoint-provider.js';

export type ProviderChoice = {
  /** The scripted model's URL while the demo runs. */
  readonly scriptedUrl: string | undefined;
  readonly providerConfig: ProviderConfig;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly log: LogSink;
  readonly debug: boolean;
};

/** The controller's `providerFor`. */
export function providerFor(choice: ProviderChoice): (config: AgentConfig) => ModelProvider {
  const { scriptedUrl, providerConfig, env, log, debug } = choice;
  return (config) => {
    if (scriptedUrl !== undefined) return new LazyAnthropicProvider({ apiKey: 'scripted-model', baseURL: scriptedUrl, log, debug });
    if (config.endpoint !== undefined) return endpointProvider(config.endpoint, env, log, debug);
    const apiKey = providerConfig.kind === 'anthropic' ? providerConfig.apiKey : undefined;
    const baseURL = config.baseURL ?? (providerConfig.kind === 'anthropic' ? providerConfig.baseURL : undefined);
    return new LazyAnthropicProvider({ ...(apiKey === undefined ? {} : { apiKey }), ...(baseURL === undefined ? {} : { baseURL }), log, debug });
  };
}
