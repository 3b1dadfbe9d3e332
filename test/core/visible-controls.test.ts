// Issue 9, item 1: wherever a tool input is shown (the pane's tool-call line, the approval
// title, the y/a/n hint), every character of it is shown, controls drawn visibly, and a command
// with hidden controls is flagged.
import { describe, expect, it } from 'vitest';
import { approvalChoices, describeCall } from '../../src/core/approval-decision.js';
import { toolCallFromPartial } from '../../src/core/transcript-entries.js';
import { Transcript } from '../../src/core/transcript.js';
import type { DisplayLine } from '../../src/core/transcript-view.js';
import type { ToolCall } from '../../src/core/tools.js';
import { hasHiddenControls, visibleControls } from '../../src/core/visible-controls.js';
import { ChainBuilder, toolUse } from './factories.js';

// The probe's command: an OSC string holding `touch HACKED`, which the old display dropped.
const SPOOF = 'echo safe \u001b]0;true; touch HACKED; true\u0007; ls';
const bashCall = (command: string): ToolCall => ({ id: 'toolu_1', name: 'bash', input: { command } });
const textOf = (line: DisplayLine): string => line.spans.map((span) => span.text).join('');

/** True when `text` has a C0, DEL, C1 or bidi control the terminal would act on. */
function hasRawControl(text: string): boolean {
  return [...text].some((char) => {
    const code = char.codePointAt(0) ?? 0;
    return code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
  });
}

describe('visibleControls', () => {
  it('draws C0 as control pictures, C1 and bidi controls as <U+…>, and drops nothing', () => {
    expect(visibleControls(SPOOF)).toBe('echo safe ␛]0;true; touch HACKED; true␇; ls');
    expect(visibleControls('a\u009b31mb\u202ec\u007f\n')).toBe('a<U+009B>31mb<U+202E>c␡␊');
    expect(hasRawControl(visibleControls('\u0000\u001b\u0085\u2066'))).toBe(false);
  });

  it('flags controls other than newline and tab', () => {
    expect(hasHiddenControls('ls\n\tpwd')).toBe(false);
    expect(hasHiddenControls(SPOOF)).toBe(true);
    expect(hasHiddenControls('cat a\u202etxt.exe')).toBe(true);
    expect(hasHiddenControls('a\u0085b')).toBe(true);
  });
});

describe('the approval line shows exactly what runs', () => {
  it('shows the hidden command in the title and flags it', () => {
    expect(describeCall(bashCall(SPOOF))).toBe('bash ⚠ controls: echo safe ␛]0;true; touch HACKED; true␇; ls');
  });

  it('flags the y/a/n hint of a call holding controls, and only then', () => {
    expect(approvalChoices(bashCall(SPOOF))).toMatch(/^⚠ holds control characters/u);
    expect(approvalChoices(bashCall('ls'))).toMatch(/^y once/u);
    expect(approvalChoices({ id: 't', name: 'write_file', input: { path: 'a\u009b2J', content: '' } })).toMatch(/^⚠/u);
  });

  it('shows a multi-line command with its line breaks visible', () => {
    expect(describeCall(bashCall('echo a\ntouch x'))).toBe('bash: echo a␊touch x');
  });
});

describe("the pane's tool-call line shows exactly what runs", () => {
  it('keeps the text inside an OSC string, drawn visibly', () => {
    const b = new ChainBuilder();
    b.user('go');
    b.assistant(toolUse('t1', 'bash', { command: SPOOF }));
    const t = new Transcript({ agentName: 'alpha' });
    t.reset(b.view());
    const lines = t.lines(200, 0, t.lineCount(200)).map(textOf);
    expect(lines).toContain('  → bash echo safe ␛]0;true; touch HACKED; true␇; ls');
    expect(lines.some(hasRawControl)).toBe(false);
  });

  it('keeps it while the call is still streaming too', () => {
    expect(toolCallFromPartial('bash', JSON.stringify({ command: SPOOF }).slice(0, -2))).toBe('→ bash echo safe ␛]0;true; touch HACKED; true␇; ls');
  });
});
