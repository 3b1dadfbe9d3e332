// Which model endpoint agentmux talks to, read from the environment (DESIGN.md §4-5).
// The key stays in memory: nothing here writes it anywhere.

export const DEFAULT_MODEL = 'claude-sonnet-4-6';

export type ProviderConfig =
  /** A real Anthropic-compatible endpoint. */
  | { kind: 'anthropic'; apiKey?: string; baseURL?: string; model: string }
  /** No key and no base URL: agents run on the built-in scripted model. */
  | { kind: 'scripted'; model: string };

/** Resolves the provider settings from ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL and ANTHROPIC_MODEL. */
export function providerConfigFromEnv(env: Readonly<Record<string, string | undefined>>): ProviderConfig {
  const apiKey = nonEmpty(env['ANTHROPIC_API_KEY']);
  const baseURL = nonEmpty(env['ANTHROPIC_BASE_URL']);
  const model = nonEmpty(env['ANTHROPIC_MODEL']) ?? DEFAULT_MODEL;
  if (apiKey === undefined && baseURL === undefined) return { kind: 'scripted', model };
  return {
    kind: 'anthropic',
    model,
    ...(apiKey === undefined ? {} : { apiKey }),
    ...(baseURL === undefined ? {} : { baseURL }),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
