// Layouts accept a workflow's model names (DESIGN.md §9): aliases and ENDPOINT/MODEL.
import { describe, expect, it } from 'vitest';
import { resolveLayoutModel } from '../../../src/app/workflow/layout-model.js';

describe('layout model names', () => {
  const providers = { local: { baseURL: 'http://127.0.0.1:8080', apiKeyEnv: 'LOCAL_KEY' } };

  it('maps an alias and routes ENDPOINT/MODEL to its endpoint', () => {
    expect(resolveLayoutModel('haiku', providers)).toEqual({ ok: true, value: { model: 'claude-haiku-4-5' } });
    expect(resolveLayoutModel('local/qwen', providers)).toEqual({
      ok: true,
      value: { model: 'qwen', endpoint: { name: 'local', baseURL: 'http://127.0.0.1:8080', apiKeyEnv: 'LOCAL_KEY' } },
    });
  });

  it('names the known endpoints for an unknown one', () => {
    expect(resolveLayoutModel('far/m', providers)).toEqual({ ok: false, error: 'model "far/m": no endpoint "far" in providers.json (it names local)' });
  });
});
