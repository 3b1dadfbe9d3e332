// `agentmux ctl capture` (DESIGN.md §5) is plain text: the live marker the pane draws after
// streaming output is not part of it.
import { describe, expect, it } from 'vitest';
import { transcriptText } from '../../src/app/capture.js';
import { Transcript } from '../../src/core/transcript.js';
import { ChainBuilder, text, toolUse } from '../core/factories.js';

describe('capture text', () => {
  it('leaves out the streaming marker of live tool output while keeping the text', () => {
    const b = new ChainBuilder();
    b.user('count to two');
    b.assistant(text('Counting.'), toolUse('t1', 'bash', { command: 'echo line1; echo li' }));
    const t = new Transcript({ agentName: 'alpha' });
    t.reset(b.view());
    t.toolOutput('t1', 'line1\r\nli');
    t.lineCount(60); // the pane's frame places the live output block
    const captured = transcriptText(t);
    expect(captured).not.toContain('▍');
    expect(captured.split('\n').slice(-2)).toEqual(['  │ line1', '  │ li']);
  });
});
