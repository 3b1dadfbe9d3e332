// What the user reads about a pending call: the y / a / n choices and, after `a`, the exact
// allow entry it added.
import { describe, expect, it } from 'vitest';
import { alwaysAnswerText, approvalChoices } from '../../src/core/approval-decision.js';
import type { ToolCall } from '../../src/core/tools.js';

const bashCall = (command: string): ToolCall => ({ id: 'toolu_1', name: 'bash', input: { command } });
const writeCall: ToolCall = { id: 'toolu_2', name: 'write_file', input: { path: 'a.txt', content: 'x\n' } };

describe('approvalChoices', () => {
  it('names what a would allow before it is pressed', () => {
    expect(approvalChoices(bashCall('npm test -- -u'))).toBe('y once · a always (bash:npm test:*) · n refuse');
    expect(approvalChoices(bashCall('rm old.log'))).toBe('y once · a always (bash:rm old.log) · n refuse');
    expect(approvalChoices(writeCall)).toBe('y once · a always (write_file) · n refuse');
  });

  it('says a remembers nothing when no pattern can describe the call', () => {
    expect(approvalChoices(bashCall('rm *.log'))).toBe('y once · a once (nothing to remember) · n refuse');
  });
});

describe('alwaysAnswerText', () => {
  it('shows the exact entry added', () => {
    expect(alwaysAnswerText('alpha', bashCall('npm test'))).toBe('alpha: approved bash: npm test; from now on allowed: bash:npm test:*');
    expect(alwaysAnswerText('alpha', writeCall)).toBe('alpha: approved write_file a.txt (1 line); from now on allowed: write_file');
  });

  it('says nothing was allowed for later when no entry fits', () => {
    expect(alwaysAnswerText('alpha', bashCall('rm *.log'))).toBe(
      'alpha: approved bash: rm *.log once; no pattern can say it, so nothing is allowed from now on',
    );
  });
});
