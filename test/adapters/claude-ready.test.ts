import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAUDE_READY_PATTERN } from '../../src/adapters/claude-home.js';
import { READY_LINES } from '../../src/core/pty-delivery.js';

const FIXTURES = path.resolve('test', 'fixtures', 'claude-code');

/** Like XtermScreen.bottomText: the last `count` non-blank lines, trailing blank cells dropped. */
function bottomText(screen: string, count: number): string {
  const lines = screen.split('\n').map((line) => line.replace(/ +$/, ''));
  return lines
    .filter((line) => line.trim() !== '')
    .slice(-count)
    .join('\n');
}

function bottomOf(fixture: string): string {
  return bottomText(readFileSync(path.join(FIXTURES, `${fixture}.txt`), 'utf8'), READY_LINES);
}

// Compiled the way a PTY agent compiles its layout's `ready` (no flags).
const ready = new RegExp(CLAUDE_READY_PATTERN);

describe('the ready pattern for Claude Code', () => {
  const idle = ['idle-fresh', 'idle-after-turn', 'narrow-idle'];
  for (const fixture of idle) {
    it(`matches the empty, idle input prompt (${fixture})`, () => {
      expect(ready.test(bottomOf(fixture))).toBe(true);
    });
  }

  it('matches whether or not the emulator keeps the no-break space after ❯', () => {
    const bottom = bottomOf('idle-fresh');
    expect(bottom).toContain('❯\u00a0');
    expect(ready.test(bottom.replace('❯\u00a0', '❯'))).toBe(true);
    expect(ready.test(bottom.replace('❯\u00a0', '❯\u00a0     '))).toBe(true);
  });

  const busy: [string, string][] = [
    ['running', 'a turn is streaming (esc to interrupt)'],
    ['running-after-tool', 'a turn continues after a tool ran'],
    ['narrow-running', 'a turn runs in a narrow pane'],
    ['narrow-running-tmux-hint', 'a turn runs with an extra hint line under the footer'],
    ['permission-bash', 'the Bash permission dialog is open'],
    ['permission-write', 'the Write permission dialog is open'],
    ['dialog-api-key', 'the API key question is open'],
    ['dialog-trust', 'the trust dialog is open'],
    ['dialog-onboarding', 'the onboarding theme picker is open'],
    ['typed-not-sent', 'the input box holds unsent text'],
  ];
  for (const [fixture, what] of busy) {
    it(`does not match while ${what} (${fixture})`, () => {
      expect(ready.test(bottomOf(fixture))).toBe(false);
    });
  }

  it('keeps each fixture showing what its name says', () => {
    expect(bottomOf('running')).toContain('esc to interrupt');
    expect(bottomOf('permission-bash')).toContain('1. Yes');
    expect(readFileSync(path.join(FIXTURES, 'permission-bash.txt'), 'utf8')).toContain(
      'Do you want to proceed?',
    );
    expect(bottomOf('permission-write')).toContain('1. Yes');
    expect(bottomOf('typed-not-sent')).toMatch(/❯\s+half typed message/);
  });
});
