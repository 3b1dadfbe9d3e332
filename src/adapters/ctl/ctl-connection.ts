// One client of the control socket: reads its request line, then either answers once (`run`,
// `capture`) or follows the controller's events until the client goes (`events`).
import type { Socket } from 'node:net';
import type { ControlPort } from '../../core/control-port.js';
import { ctlEvent } from '../../core/ctl-events.js';
import { CtlRequest, MAX_REQUEST_BYTES, parseLine, type CtlReply } from '../../core/ctl-protocol.js';
import type { Disposable } from '../../core/events.js';
import { messageOf } from '../../core/result.js';
import { EventWriter } from './event-writer.js';

/**
 * The last line of an event stream when the cockpit closes cleanly (quit, a headless run's end):
 * a stream that ends without it means the cockpit went away (`ctl events` then exits 3).
 */
export const SHUTDOWN_LINE = JSON.stringify({ type: 'shutdown' });

/** One served client, as the server closes it. */
export type ServedConnection = {
  /** Ends the connection as the cockpit closes: an event stream gets its shutdown line first; a reply being written finishes; anything else is cut. */
  close(): void;
};

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
    close() {
      if (writer !== undefined && !socket.writableEnded) {
        subscription?.dispose();
        subscription = undefined;
        writer.finish(SHUTDOWN_LINE);
        socket.end();
        return;
      }
      // Replies already handed over finish flushing; idle clients end now.
      if (!socket.writableEnded) socket.destroy();
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
