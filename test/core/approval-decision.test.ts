// What the user reads about a pending call: the y / a / n choices and, after `a`, the exact
// allow entry it added.
import { describe, expect, it } from 'vitest';
import { alwaysAnswerText, approvalChoices, noAlwaysText } from '../../src/core/approval-decision.js';
import type { ToolCall } from '../../src/core/tools.js';
import { hasHiddenControls } from '../../src/core/visible-controls.js';

const bashCall = (command: string): ToolCall => ({ id: 'toolu_1', name: 'bash', input: { command } });
const writeCall: ToolCall = { id: 'toolu_2', name: 'write_file', input: { path: 'a.txt', content: 'x\n' } };

describe('approvalChoices', () => {
  it('names what a would allow before it is pressed', () => {
    expect(approvalChoices(bashCall('npm test -- -u'))).toBe('y once · a always (bash:npm test:*) · n refuse');
    expect(approvalChoices(bashCall('rm old.log'))).toBe('y once · a always (bash:rm old.log) · n refuse');
    expect(approvalChoices(writeCall)).toBe('y once · a always (write_file) · n refuse');
  });

  it('names a long exact rule by what it is instead of letting the hint line cut it (the pane shows it whole)', () => {
    const long = `echo ${'word '.repeat(20)}&& touch PWNED`;
    expect(approvalChoices(bashCall(long))).toBe('y once · a always (bash: exactly the command shown in the pane) · n refuse');
  });

  it('does not offer a when no rule would allow the call again', () => {
    expect(approvalChoices(bashCall('rm *.log'))).toBe('y once · n refuse (no a: no rule would allow this command again)');
    expect(noAlwaysText('alpha', bashCall('rm *.log'))).toBe(
      'alpha: a cannot allow bash: rm *.log always (no rule would match it again): y approves it once, n refuses',
    );
    expect(noAlwaysText('alpha', bashCall('npm test'))).toBeUndefined();
  });

  it('offers the exact command when WORD * would not match the call again (B12)', () => {
    expect(approvalChoices(bashCall('echo run >> log.txt; for i in 1 2 3; do echo $i; done'))).toBe(
      'y once · a always (bash:echo run >> log.txt; for i in 1 2 3; do echo $i; done) · n refuse',
    );
  });
});

describe('a command holding control characters', () => {
  const spoof = bashCall('echo visible \u001b]0;touch /tmp/HIDDEN\u0007; git status --short');

  it('is offered y and n only, saying why', () => {
    const choices = approvalChoices(spoof);
    expect(choices).not.toContain('a always');
    expect(choices).toContain('y once · n refuse (no a: the command holds control characters: approve it one call at a time)');
  });

  it('refuses a with the reason, and adds no rule', () => {
    expect(noAlwaysText('alpha', spoof)).toBe(
      'alpha: a cannot allow bash ⚠ controls: echo visible ␛]0;touch /tmp/HIDDEN␇; git status --short always (the command holds control characters: approve it one call at a time): y approves it once, n refuses',
    );
    expect(alwaysAnswerText('alpha', spoof)).not.toContain('from now on allowed');
  });

  it('shows a rule with its controls visible wherever it is displayed', () => {
    const odd: ToolCall = { id: 't', name: 'tool\u001b]0;x\u0007', input: {} };
    expect(approvalChoices(odd)).toContain('a always (tool␛]0;x␇)');
    expect(alwaysAnswerText('alpha', odd)).toContain('from now on allowed: tool␛]0;x␇');
    expect(hasHiddenControls(alwaysAnswerText('alpha', odd))).toBe(false);
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
