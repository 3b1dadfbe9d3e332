// One client of the control socket: reads its request line, then either answers once (`run`,
// `capture`) or follows the controller's events until the client goes (`events`).
import type { Socket } from 'node:net';
import type { ControlPort } from '../../core/control-port.js';
import { ctlEvent } from '../../core/ctl-events.js';
import { CtlRequest, MAX_REQUEST_BYTES, parseLine, type CtlReply } from '../../core/ctl-protocol.js';
import type { Disposable } from '../../core/events.js';
import { messageOf } from '../../core/result.js';
import { EventWriter } from './event-writer.js';

/** How the server ends a connection when it closes (the cockpit quits). */
export type ServedConnection = {
  /** An event stream ends after the lines already written (the last `turn-finished`s); anything else ends now. */
  finish(): void;
};

/** How long a reader that does not read may hold the quit before its stream is cut. */
const FINISH_GRACE_MS = 1000;

/** Serves `socket` until it closes; owns its event subscription. */
export function serveConnection(socket: Socket, port: ControlPort, eventBufferBytes: number): ServedConnection {
  let received = '';
  let done = false;
  let subscription: Disposable | undefined;
  let writer: EventWriter | undefined;
  socket.setEncoding('utf8');
  socket.on('error', () => {
    // A client that went away mid-write (EPIPE, ECONNRESET): nothing to tell anyone.
  });
  socket.on('close', () => {
    subscription?.dispose();
    writer?.dispose();
  });
  socket.on('data', (chunk: string) => {
    if (done) return;
    received += chunk;
    const newline = received.indexOf('\n');
    if (newline !== -1) handle(received.slice(0, newline));
    else if (Buffer.byteLength(received) > MAX_REQUEST_BYTES) answer(refusal(`request longer than ${MAX_REQUEST_BYTES} bytes`));
  });
  // A client that wrote its request without a newline and closed its side (`nc -U -N`).
  socket.on('end', () => {
    if (done) return;
    if (received.trim() === '') socket.end();
    else handle(received);
  });

  function handle(text: string): void {
    done = true;
    received = '';
    const request = parseLine(CtlRequest, text);
    if (!request.ok) {
      answer(refusal(`bad request: ${request.error}`));
      return;
    }
    switch (request.value.type) {
      case 'run': {
        const line = request.value.line;
        // Answered at once when the reply is ready (a `quit` must be answered before the cockpit
        // closes the socket); later only for a line whose outcome comes later (issue 16).
        const reply = attempt<CtlReply | Promise<CtlReply>>('', () => port.run(line));
        if (reply instanceof Promise) void settled(reply).then(answer);
        else answer(reply);
        return;
      }
      case 'capture': {
        const agent = request.value.agent;
        answer(attempt('capture', () => port.capture(agent)));
        return;
      }
      case 'events': {
        const deltas = request.value.deltas;
        const stream = new EventWriter(socket, eventBufferBytes);
        writer = stream;
        stream.push(JSON.stringify({ type: 'subscribed' }));
        subscription = port.events.on((event) => {
          const line = ctlEvent(event, deltas);
          if (line !== undefined) stream.push(JSON.stringify(line));
        });
        return;
      }
    }
  }

  function answer(reply: CtlReply): void {
    done = true;
    socket.end(`${JSON.stringify(reply)}\n`);
  }

  return {
    finish: () => {
      if (writer === undefined) {
        // Replies already handed over finish flushing; idle clients end now.
        if (!socket.writableEnded) socket.destroy();
        return;
      }
      subscription?.dispose();
      socket.end();
      // Never stall the quit on a reader that stopped reading.
      const cut = setTimeout(() => socket.destroy(), FINISH_GRACE_MS);
      socket.once('close', () => clearTimeout(cut));
    },
  };
}

function refusal(problem: string): CtlReply {
  return { type: 'reply', ok: false, command: '', message: `agentmux ctl: ${problem}`, value: null };
}

/** A later answer; a port that rejects is a bug, and the client still gets an answer naming it. */
async function settled(reply: Promise<CtlReply>): Promise<CtlReply> {
  try {
    return await reply;
  } catch (thrown) {
    return { type: 'reply', ok: false, command: '', message: `agentmux ctl: internal error: ${messageOf(thrown)}`, value: null };
  }
}

/** A port that throws is a bug; the client still gets an answer naming it. */
function attempt<Reply extends CtlReply | Promise<CtlReply>>(command: string, run: () => Reply): Reply | CtlReply {
  try {
    return run();
  } catch (thrown) {
    return { type: 'reply', ok: false, command, message: `agentmux ctl: internal error: ${messageOf(thrown)}`, value: null };
  }
}
