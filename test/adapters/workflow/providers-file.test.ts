// The providers file (DESIGN.md §9): named endpoints, zod-parsed, keys only by variable name.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProviders } from '../../../src/adapters/workflow/providers-file.js';

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function file(text: string): string {
  dir = mkdtempSync(join(tmpdir(), 'agentmux-prov-'));
  const path = join(dir, 'providers.json');
  writeFileSync(path, text);
  return path;
}

describe('providers file', () => {
  it('reads named endpoints', () => {
    const path = file('{"local": {"baseURL": "http://127.0.0.1:11434", "apiKeyEnv": "LOCAL_KEY"}}');
    expect(loadProviders(path, false)).toEqual({ ok: true, value: { local: { baseURL: 'http://127.0.0.1:11434', apiKeyEnv: 'LOCAL_KEY' } } });
  });

  it('refuses a key written in the file, naming the file and field', () => {
    const path = file('{"local": {"baseURL": "http://127.0.0.1:1", "apiKey": "sk-secret"}}');
    const loaded = loadProviders(path, false);
    expect(loaded.ok).toBe(false);
    expect(loaded.ok ? '' : loaded.error).toContain(`${path}: local`);
  });

  it('is empty when the store has none, and an error when --providers names a missing file', () => {
    expect(loadProviders('/nonexistent/providers.json', true)).toEqual({ ok: true, value: {} });
    expect(loadProviders('/nonexistent/providers.json', false).ok).toBe(false);
  });
});
