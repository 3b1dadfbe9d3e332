// Issue 9, item 5: the key in tool output, plain or base64 at any byte alignment, is redacted
// before the outcome is journaled or sent; live output too.
import { describe, expect, it } from 'vitest';
import { REDACTED, redactingToolHost, redactSecrets, secretForms, secretsFromEnv } from '../../../src/adapters/tools/secrets.js';
import type { ToolHost } from '../../../src/core/tools.js';

const KEY = 'sk-ant-api03-SECRET-0123456789';

describe('redactSecrets', () => {
  it('redacts the key and its base64 and base64url forms at each of the three alignments', () => {
    const forms = secretForms(KEY);
    for (const prefix of ['', 'a', 'ab', 'ANTHROPIC_API_KEY=']) {
      const encoded = Buffer.from(`${prefix}${KEY}\n`).toString('base64');
      const url = Buffer.from(`${prefix}${KEY}\n`).toString('base64url');
      for (const text of [`${prefix}${KEY}`, encoded, url]) {
        const redacted = redactSecrets(text, forms);
        expect(redacted, text).toContain(REDACTED);
        expect(redacted).not.toContain(KEY);
      }
    }
  });

  it('leaves other text alone and ignores keys too short to be told from text', () => {
    expect(redactSecrets('nothing to see', secretForms(KEY))).toBe('nothing to see');
    expect(secretsFromEnv({ ANTHROPIC_API_KEY: 'short', ANTHROPIC_AUTH_TOKEN: KEY })).toEqual([KEY]);
  });
});

describe('redactingToolHost', () => {
  it('redacts content, fullOutput and live output', async () => {
    const inner: ToolHost = {
      specs: () => [],
      run: (_call, context) => {
        context.onOutput?.(`live ${KEY}`);
        return Promise.resolve({ content: `out ${KEY}`, fullOutput: `full ${KEY}`, isError: false });
      },
    };
    const live: string[] = [];
    const outcome = await redactingToolHost(inner, [KEY]).run(
      { id: 't', name: 'bash', input: {} },
      { cwd: '/', signal: new AbortController().signal, onOutput: (chunk) => live.push(chunk) },
    );
    expect(outcome).toEqual({ content: `out ${REDACTED}`, fullOutput: `full ${REDACTED}`, isError: false });
    expect(live).toEqual([`live ${REDACTED}`]);
  });
});
