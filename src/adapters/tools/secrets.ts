// The API key never leaves the process (issue 9, item 5): it is kept out of the environment of
// every child (bash, PTY agents) unless a layout passes it on purpose, and any tool output that
// still holds it — plain, base64 or base64url, at any byte alignment — is redacted before the
// runner journals it or sends it to the model.
import type { ToolIntent } from '../../core/tool-intent.js';
import type { ToolCall, ToolContext, ToolHost, ToolOutcome } from '../../core/tools.js';

/** Variables that hold a provider's key or token, whatever the providers file says. */
export const SECRET_VARIABLES: readonly string[] = ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN'];

/** The secret variable names: the built-in ones and `extra` (each `apiKeyEnv` of the providers file). */
export function secretVariables(extra: readonly string[]): readonly string[] {
  return [...new Set([...SECRET_VARIABLES, ...extra])];
}

/** What a redacted secret reads as. */
export const REDACTED = '[redacted: API key]';

/** Shorter values are not redacted: they would match ordinary text. */
const MIN_SECRET_CHARS = 8;

/** The secret values of `env` worth redacting. */
export function secretsFromEnv(env: Readonly<Record<string, string | undefined>>, names: readonly string[] = SECRET_VARIABLES): string[] {
  return names.flatMap((name) => {
    const value = env[name];
    return value !== undefined && value.length >= MIN_SECRET_CHARS ? [value] : [];
  });
}

/** `env` without the secret variables, except those `keep` names (a layout's explicit `env`). */
export function withoutSecrets(
  env: Readonly<Record<string, string | undefined>>,
  keep: Readonly<Record<string, string>> = {},
  names: readonly string[] = SECRET_VARIABLES,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (names.includes(name) && !(name in keep)) continue;
    out[name] = value;
  }
  return out;
}

/**
 * The strings that give `secret` away: itself, and the characters of its base64 and base64url
 * encodings that depend on its bytes only, for each of the three byte alignments it may start at.
 */
export function secretForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms = new Set<string>([secret]);
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const first = Math.ceil((offset * 8) / 6);
    const last = Math.floor(((offset + bytes.length) * 8) / 6);
    const stable = encoded.slice(first, last);
    if (stable.length >= MIN_SECRET_CHARS) {
      forms.add(stable);
      forms.add(stable.replace(/\+/gu, '-').replace(/\//gu, '_'));
    }
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/** `text` with every form of every secret replaced by `REDACTED`. */
export function redactSecrets(text: string, forms: readonly string[]): string {
  let out = text;
  for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
  return out;
}

function redactOutcome(outcome: ToolOutcome, forms: readonly string[]): ToolOutcome {
  const content = redactSecrets(outcome.content, forms);
  const fullOutput = outcome.fullOutput === undefined ? undefined : redactSecrets(outcome.fullOutput, forms);
  if (content === outcome.content && fullOutput === outcome.fullOutput) return outcome;
  return fullOutput === undefined ? { ...outcome, content } : { ...outcome, content, fullOutput };
}

/**
 * `host` with the secrets redacted from every outcome (journaled and sent) and from live output
 * (drawn in the pane). A chunk boundary may split a secret on screen; the outcome never does.
 */
export function redactingToolHost(host: ToolHost, secrets: readonly string[]): ToolHost {
  const forms = secrets.flatMap(secretForms);
  if (forms.length === 0) return host;
  const precheck = host.precheck?.bind(host);
  const recover = host.recover?.bind(host);
  return {
    specs: () => host.specs(),
    ...(recover === undefined
      ? {}
      : { recover: async (tool: string, intent: ToolIntent, cwd: string) => redactOutcome(await recover(tool, intent, cwd), forms) }),
    async run(call: ToolCall, context: ToolContext): Promise<ToolOutcome> {
      const onOutput = context.onOutput;
      const live = onOutput === undefined ? {} : { onOutput: (chunk: string) => onOutput(redactSecrets(chunk, forms)) };
      return redactOutcome(await host.run(call, { ...context, ...live }), forms);
    },
    ...(precheck === undefined
      ? {}
      : {
          async precheck(call: ToolCall, cwd: string): Promise<ToolOutcome | undefined> {
            const outcome = await precheck(call, cwd);
            return outcome === undefined ? undefined : redactOutcome(outcome, forms);
          },
        }),
  };
}
