// Which normal-mode keys refuse on a PTY pane, and the refusal's words (shared with the commands).
import { describe, expect, it } from 'vitest';
import { bindingFor } from '../../src/core/key-table.js';
import { ptyDoesNotApply, ptyRefusedOperation } from '../../src/core/pty-refusal.js';

function refusedFor(key: string): string | undefined {
  const binding = bindingFor(key);
  if (binding === undefined) throw new Error(`no binding for ${key}`);
  return ptyRefusedOperation(binding.action);
}

describe('PTY refusals', () => {
  it('words a refusal as "NAME is a PTY agent: X does not apply"', () => {
    expect(ptyDoesNotApply('shell', 'rewind')).toBe('shell is a PTY agent: rewind does not apply');
  });

  it('refuses the session and transcript keys r e g f p u [ / with the operation each names', () => {
    expect(['r', 'e', 'g', 'f', 'p', 'u', '[', '/'].map(refusedFor)).toEqual(['rewind', 'edit', 'graft', 'fork', 'pause', 'undo', 'copy mode', 'search']);
  });

  it('lets through the keys that apply to a PTY pane: attach, interrupt, broadcast, panes, scrolling, prompt, help, quit', () => {
    for (const key of ['enter', 'escape', 'X', 'b', 'tab', '1', 'z', 'space', 'n', 'S', 'pageup', 'pagedown', ':', '?', 'q']) {
      expect(refusedFor(key), key).toBeUndefined();
    }
  });

  it('lets a command key aimed at every agent through, and refuses one aimed at the focused agent', () => {
    expect(ptyRefusedOperation({ kind: 'command', line: 'pause -t all' })).toBeUndefined();
    expect(ptyRefusedOperation({ kind: 'command', line: 'pause -t {agent}' })).toBe('pause');
  });
});
