// Loads the Anthropic SDK on the first model call, not at start: the first frame comes first.
import type { ModelProvider, StreamOptions, StreamOutcome } from '../core/provider.js';
import type { ModelRequest } from '../core/model-request.js';
import type { LogSink } from '../adapters/log-sink.js';

export type ProviderSettings = {
  readonly apiKey?: string;
  readonly baseURL?: string;
  readonly log: LogSink;
  /** --debug: the SDK logs its requests too. */
  readonly debug?: boolean;
};

/** A ModelProvider that imports the SDK adapter when it is first used. */
export class LazyAnthropicProvider implements ModelProvider {
  private loaded: Promise<ModelProvider> | undefined;

  constructor(private readonly settings: ProviderSettings) {}

  async stream(request: ModelRequest, options: StreamOptions): Promise<StreamOutcome> {
    this.loaded ??= import('../adapters/anthropic-provider.js').then(
      ({ AnthropicProvider }) =>
        new AnthropicProvider({
          apiKey: this.settings.apiKey,
          baseURL: this.settings.baseURL,
          log: this.settings.log,
          logLevel: this.settings.debug === true ? 'debug' : 'warn',
        }),
    );
    const provider = await this.loaded;
    return provider.stream(request, options);
  }
}
