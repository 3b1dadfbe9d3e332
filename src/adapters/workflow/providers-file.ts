// The providers file (DESIGN.md §9): named Anthropic-compatible endpoints for `ENDPOINT/MODEL`,
// `providers.json` in the store or `--providers FILE`. Keys are never in it: only the name of the
// environment variable that holds one.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import { describeIssue } from '../store/journal-line.js';

const Endpoint = z
  .object({
    baseURL: z.url(),
    apiKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name').optional(),
  })
  .strict();
const ProvidersFile = z.record(z.string().regex(/^[^/\s]+$/, 'an endpoint name without "/" or spaces'), Endpoint);

/** A named endpoint. */
export type Endpoint = z.infer<typeof Endpoint>;
/** Endpoints by name. */
export type Providers = Readonly<Record<string, Endpoint>>;

/** The store's providers file: DIR/providers.json. */
export function storeProvidersPath(storeDir: string): string {
  return join(storeDir, 'providers.json');
}

/**
 * Reads a providers file: `FILE: field: problem` when it is not JSON or not of the shape.
 * A missing file is no endpoints when `optional` (the store's), an error when named by `--providers`.
 */
export function loadProviders(path: string, optional: boolean): Result<Providers> {
  if (optional && !existsSync(path)) return ok({});
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (thrown) {
    return err(`${path}: ${messageOf(thrown)}`);
  }
  const parsed = ProvidersFile.safeParse(json);
  if (!parsed.success) return err(`${path}: ${describeIssue(parsed.error)}`);
  return ok(parsed.data);
}

/** The variables the endpoints take their keys from: secrets, like ANTHROPIC_API_KEY. */
export function providerKeyVariables(providers: Providers): string[] {
  return Object.values(providers).flatMap((endpoint) => (endpoint.apiKeyEnv === undefined ? [] : [endpoint.apiKeyEnv]));
}
