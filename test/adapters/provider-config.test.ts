import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL, providerConfigFromEnv } from '../../src/adapters/provider-config.js';

describe('providerConfigFromEnv', () => {
  it('chooses the scripted model when neither a key nor a base URL is set', () => {
    expect(providerConfigFromEnv({ ANTHROPIC_API_KEY: '  ' })).toEqual({ kind: 'scripted', model: DEFAULT_MODEL });
  });

  it('uses the key, base URL and model from the environment', () => {
    expect(
      providerConfigFromEnv({ ANTHROPIC_API_KEY: 'sk-test', ANTHROPIC_BASE_URL: 'http://127.0.0.1:9', ANTHROPIC_MODEL: 'claude-opus-4-7' }),
    ).toEqual({ kind: 'anthropic', apiKey: 'sk-test', baseURL: 'http://127.0.0.1:9', model: 'claude-opus-4-7' });
  });

  it('accepts a base URL without a key (local proxies)', () => {
    expect(providerConfigFromEnv({ ANTHROPIC_BASE_URL: 'http://127.0.0.1:9' })).toEqual({
      kind: 'anthropic',
      baseURL: 'http://127.0.0.1:9',
      model: DEFAULT_MODEL,
    });
  });
});
