// The providers file (DESIGN.md §9): named Anthropic-compatible endpoints for `ENDPOINT/MODEL`,
// `providers.json` in the store or `--providers FILE`. Keys are never in it: only the name of the
// environment variable that holds one.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import { describeIssue } from '../store/journal-line.js';

const Endpoint = z
  .object({
    baseURL: z.url(),
    apiKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name').optional(),
  })
  .strict();
const Endpoints = z.record(z.string().regex(/^[^/\s]+$/, 'an endpoint name without "/" or spaces'), Endpoint);
/** The endpoints, and `confirmOverUsd` (issue 16): runs projected above it ask before they start. */
const Settings = z.object({ confirmOverUsd: z.number().nonnegative().optional() });

/** A named endpoint. */
export type Endpoint = z.infer<typeof Endpoint>;
/** Endpoints by name. */
export type Providers = Readonly<Record<string, Endpoint>>;

/** The store's providers file: DIR/providers.json. */
export function storeProvidersPath(storeDir: string): string {
  return join(storeDir, 'providers.json');
}

function withoutKey(json: unknown, key: string): unknown {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return json;
  return Object.fromEntries(Object.entries(json).filter(([name]) => name !== key));
}

/**
 * Reads a providers file: `FILE: field: problem` when it is not JSON or not of the shape.
 * A missing file is no endpoints when `optional` (the store's), an error when named by `--providers`.
 */
export function loadProviders(path: string, optional: boolean): Result<Providers> {
  const file = loadProvidersFile(path, optional);
  return file.ok ? ok(file.value.providers) : file;
}

/** The whole providers file: its endpoints and its `confirmOverUsd` (null when absent). */
export function loadProvidersFile(path: string, optional: boolean): Result<{ readonly providers: Providers; readonly confirmOverUsd: number | null }> {
  if (optional && !existsSync(path)) return ok({ providers: {}, confirmOverUsd: null });
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (thrown) {
    return err(`${path}: ${messageOf(thrown)}`);
  }
  const settings = Settings.safeParse(json);
  if (!settings.success) return err(`${path}: ${describeIssue(settings.error)}`);
  const endpoints = Endpoints.safeParse(withoutKey(json, 'confirmOverUsd'));
  if (!endpoints.success) return err(`${path}: ${describeIssue(endpoints.error)}`);
  return ok({ providers: endpoints.data, confirmOverUsd: settings.data.confirmOverUsd ?? null });
}

/** The variables the endpoints take their keys from: secrets, like ANTHROPIC_API_KEY. */
export function providerKeyVariables(providers: Providers): string[] {
  return Object.values(providers).flatMap((endpoint) => (endpoint.apiKeyEnv === undefined ? [] : [endpoint.apiKeyEnv]));
}
