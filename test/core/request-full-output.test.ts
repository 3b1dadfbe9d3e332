// A tool result's `fullOutput` (the whole output of a cut bash run) is kept in the session for
// people, never sent to the model: only `content` is.
import { describe, expect, it } from 'vitest';
import { buildRequest } from '../../src/core/request.js';
import { ChainBuilder, text, toolUse } from './factories.js';

describe('buildRequest: fullOutput', () => {
  it('sends a tool result’s content and never its fullOutput', () => {
    const whole = `${'w'.repeat(50_000)}MIDDLE-ONLY-IN-FULL${'w'.repeat(50_000)}`;
    const b = new ChainBuilder();
    b.user('run the build');
    b.assistant(text('building'), toolUse('t1'));
    const result = b.result('t1', 'wwww\n[… cut …]\nwwww\n[exit code 0]', { toolName: 'bash' });
    b.entries[b.entries.length - 1] = { ...result, fullOutput: whole };
    expect(b.path().at(-1)).toMatchObject({ kind: 'tool-result', fullOutput: whole });

    const request = buildRequest(b.view(), { model: 'm', maxTokens: 100, tools: [] });
    const sent = JSON.stringify(request);
    expect(sent).toContain('wwww\\n[… cut …]\\nwwww\\n[exit code 0]');
    expect(sent).not.toContain('MIDDLE-ONLY-IN-FULL');
    expect(sent).not.toContain('fullOutput');
    expect(sent.length).toBeLessThan(2_000);
  });
});
