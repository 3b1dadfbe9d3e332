// The client end of the control socket (`agentmux ctl`): connects to DIR/agentmux.sock, sends
// one request line, and reads the answer — one reply, or a stream of event lines. Every line
// read is parsed with the protocol's schemas before anything is printed.
import fs from 'node:fs';
import net from 'node:net';
import { CtlEventLine, CtlReply, parseLine, type CtlRequest } from '../../core/ctl-protocol.js';
import { err, messageOf, ok, type Result } from '../../core/result.js';

/** Why a request got no answer: nothing listens, or the answer was not the protocol. */
export type CtlFailure =
  | { readonly kind: 'no-answer'; readonly message: string }
  | { readonly kind: 'bad-answer'; readonly message: string };

function noAnswer(path: string, thrown: unknown): CtlFailure {
  const code = thrown instanceof Error && 'code' in thrown ? thrown.code : undefined;
  const why =
    code === 'ENOENT' || code === 'ECONNREFUSED'
      ? 'no agentmux is listening'
      : code === 'EACCES'
        ? 'permission denied (the socket belongs to another user)'
        : messageOf(thrown);
  return { kind: 'no-answer', message: `${path}: ${why}` };
}

/**
 * A socket another user made is never spoken to: in a store directory others can write, it may be
 * an impostor's (the request line carries the person's prompts). Undefined when it is ours or absent.
 */
function foreignSocket(path: string): CtlFailure | undefined {
  const me = process.getuid?.();
  if (me === undefined) return undefined;
  try {
    const owner = fs.lstatSync(path).uid;
    return owner === me ? undefined : { kind: 'no-answer', message: `${path}: the socket belongs to another user (uid ${owner}), not to you (uid ${me}): not connecting` };
  } catch {
    return undefined;
  }
}

/** Connects and sends `request`; resolves once connected (or with why not). */
function open(path: string, request: CtlRequest): Promise<Result<net.Socket, CtlFailure>> {
  const foreign = foreignSocket(path);
  if (foreign !== undefined) return Promise.resolve(err(foreign));
  return new Promise((resolve) => {
    const socket = net.createConnection(path);
    const onError = (thrown: Error): void => resolve(err(noAnswer(path, thrown)));
    socket.once('error', onError);
    socket.once('connect', () => {
      socket.off('error', onError);
      socket.setEncoding('utf8');
      socket.write(`${JSON.stringify(request)}\n`);
      resolve(ok(socket));
    });
  });
}

/** Sends a `run` or `capture` request and reads its one reply. */
export async function requestReply(path: string, request: CtlRequest): Promise<Result<CtlReply, CtlFailure>> {
  const opened = await open(path, request);
  if (!opened.ok) return opened;
  const socket = opened.value;
  return new Promise((resolve) => {
    let received = '';
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', (thrown) => resolve(err(noAnswer(path, thrown))));
    socket.on('close', () => {
      const line = received.split('\n')[0] ?? '';
      if (line === '') {
        resolve(err({ kind: 'no-answer', message: `${path}: the connection closed without an answer` }));
        return;
      }
      const reply = parseLine(CtlReply, line);
      resolve(reply.ok ? ok(reply.value) : err({ kind: 'bad-answer', message: `${path}: unexpected answer: ${reply.error}` }));
    });
  });
}

/** Where event lines go: `write` returns false when the reader is backed up, then `resume` is called once it drained. */
export type EventOutput = {
  write(line: string): boolean;
  onDrain(resume: () => void): void;
};

/**
 * Follows the event stream, handing each line (validated, as received) to `output`; reading
 * pauses while the output is backed up, so a slow reader backs up the socket and the server
 * drops lines for it instead of this process growing. Resolves ok when the server ends the stream
 * with its `{"type":"shutdown"}` line (the cockpit closed cleanly) or once `stop` aborts; a stream
 * that ends without it means the cockpit died (an error: `ctl events` exits 3).
 */
export async function followEvents(path: string, deltas: boolean, output: EventOutput, stop?: AbortSignal): Promise<Result<void, CtlFailure>> {
  const opened = await open(path, { type: 'events', deltas });
  if (!opened.ok) return opened;
  const socket = opened.value;
  return new Promise((resolve) => {
    // The reader went away (EPIPE on stdout): stop following, quietly.
    stop?.addEventListener('abort', () => socket.destroy(), { once: true });
    let partial = '';
    let failure: CtlFailure | undefined;
    let shutdown = false;
    socket.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      let backedUp = false;
      for (const line of lines) {
        const parsed = parseLine(CtlEventLine, line);
        if (!parsed.ok) {
          failure = { kind: 'bad-answer', message: `${path}: unexpected event line: ${parsed.error}` };
          socket.destroy();
          return;
        }
        if (parsed.value.type === 'shutdown') shutdown = true;
        if (!output.write(`${line}\n`)) backedUp = true;
      }
      if (backedUp) {
        socket.pause();
        output.onDrain(() => socket.resume());
      }
    });
    socket.on('error', (thrown) => (failure ??= noAnswer(path, thrown)));
    socket.on('close', () => {
      if (failure !== undefined) resolve(err(failure));
      else if (shutdown || stop?.aborted === true) resolve(ok(undefined));
      else resolve(err({ kind: 'no-answer', message: `${path}: the cockpit went away (the event stream ended without its shutdown line)` }));
    });
  });
}
