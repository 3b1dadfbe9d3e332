// The control socket over a real controller with no screen (what a headless run serves): a line
// through the real dispatch starts a turn on the scripted model, `ctl events` sees its
// turn-finished, and capture reads the transcript as plain text.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requestReply } from '../../src/adapters/ctl/ctl-client.js';
import { startCtlServer, type CtlServer } from '../../src/adapters/ctl/ctl-server.js';
import { AgentTranscripts } from '../../src/app/agent-transcripts.js';
import { controlPortOf } from '../../src/app/ctl-port.js';
import { dispatch } from '../../src/core/dispatch.js';
import { rawClient } from '../adapters/ctl/ctl-kit.js';
import { startHarness, type Harness } from './harness.js';

let harness: Harness | undefined;
let server: CtlServer | undefined;
let transcripts: AgentTranscripts | undefined;

afterEach(async () => {
  await server?.close();
  transcripts?.dispose();
  await harness?.close();
  harness = undefined;
  server = undefined;
});

const TurnFinishedLine = z.object({ type: z.literal('turn-finished'), agent: z.string(), outcome: z.string(), text: z.string(), deliveries: z.array(z.string()) });

describe('ctl over a controller without a screen', () => {
  it('send through the socket starts a turn, events report its turn-finished, capture prints the transcript', async () => {
    const h = await startHarness([{ text: 'the answer, streamed' }], { agents: ['alpha'] });
    harness = h;
    const panes = new AgentTranscripts(h.controller, () => undefined);
    transcripts = panes;
    const started = await startCtlServer({ dir: h.dir, port: controlPortOf({ run: (line) => dispatch(h.controller, line), controller: h.controller, transcripts: panes }) });
    if (!started.ok) throw new Error(started.error);
    server = started.value;

    const events = await rawClient(server.path, { type: 'events', deltas: false });
    await events.waitForLines(1);
    const sent = await requestReply(server.path, { type: 'run', line: 'send -t alpha what is there?' });
    expect(sent.ok && sent.value).toMatchObject({ ok: true, command: 'send' });
    const line = await events.waitForLine((text) => text.includes('"turn-finished"'));
    expect(TurnFinishedLine.parse(JSON.parse(line))).toMatchObject({ agent: 'alpha', outcome: 'answered', text: 'the answer, streamed' });
    events.socket.destroy();

    const captured = await requestReply(server.path, { type: 'capture', agent: null });
    expect(captured.ok && captured.value).toEqual({
      type: 'reply',
      ok: true,
      command: 'capture',
      message: '[1] you what is there?\n[1.2] alpha the answer, streamed',
      value: { agent: 'alpha' },
    });
    const missing = await requestReply(server.path, { type: 'capture', agent: 'nobody' });
    expect(missing.ok && missing.value).toMatchObject({ ok: false, message: 'capture: no agent "nobody" (agents: alpha)' });
  });
});
