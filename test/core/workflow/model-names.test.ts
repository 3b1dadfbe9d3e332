// Model names of a workflow call or a layout (DESIGN.md §9): aliases, ENDPOINT/MODEL, effort.
import { describe, expect, it } from 'vitest';
import { resolveModelName, thinkingBudgetOf } from '../../../src/core/workflow/model-names.js';

describe('model names', () => {
  it('maps the aliases and keeps an id as it is', () => {
    expect(resolveModelName('opus')).toEqual({ ok: true, value: { kind: 'default', model: 'claude-opus-4-5' } });
    expect(resolveModelName('sonnet')).toEqual({ ok: true, value: { kind: 'default', model: 'claude-sonnet-4-6' } });
    expect(resolveModelName('haiku')).toEqual({ ok: true, value: { kind: 'default', model: 'claude-haiku-4-5' } });
    expect(resolveModelName('claude-3-5-haiku-latest')).toEqual({ ok: true, value: { kind: 'default', model: 'claude-3-5-haiku-latest' } });
  });

  it('splits ENDPOINT/MODEL at the first slash', () => {
    expect(resolveModelName('local/meta-llama/Llama-3')).toEqual({ ok: true, value: { kind: 'endpoint', endpoint: 'local', model: 'meta-llama/Llama-3' } });
    expect(resolveModelName('/x').ok).toBe(false);
    expect(resolveModelName('local/').ok).toBe(false);
  });

  it('maps effort to a thinking budget and names the levels for an unknown one', () => {
    expect(thinkingBudgetOf('low')).toEqual({ ok: true, value: 2048 });
    expect(thinkingBudgetOf('max')).toEqual({ ok: true, value: 48000 });
    expect(thinkingBudgetOf('huge')).toEqual({ ok: false, error: 'effort "huge": use one of low, medium, high, xhigh, max' });
  });
});
