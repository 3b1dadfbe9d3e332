// The control socket of DESIGN.md §5: DIR/agentmux.sock, served for whatever implements the
// ControlPort (the cockpit, a headless run). The kernel enforces owner-only access: the socket is
// bound with umask 0177 (so it is born 0600, never chmod-ed after) in a store directory created
// 0700. A socket left by a crash is replaced: the store lock, already held, proves no other
// agentmux owns it.
import fs from 'node:fs';
import net from 'node:net';
import type { ControlPort } from '../../core/control-port.js';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import { DEFAULT_EVENT_BUFFER_BYTES } from './event-writer.js';
import { serveConnection, type ServedConnection } from './ctl-connection.js';
import { ctlSocketPath } from './socket-path.js';

/** How long a closing server waits for event readers to take their shutdown line. */
const CLOSE_GRACE_MS = 1000;

export type CtlServerOptions = {
  /** The store directory (its lock is held by this process). */
  readonly dir: string;
  readonly port: ControlPort;
  /** Bytes of event lines a slow reader may have queued before lines are dropped. */
  readonly eventBufferBytes?: number;
  /** The longest socket path the system binds (tests lower it). */
  readonly maxPathBytes?: number;
};

/** A listening control socket; `close` ends every connection and removes the socket file. */
export type CtlServer = {
  readonly path: string;
  close(): Promise<void>;
};

function errorCode(thrown: unknown): unknown {
  return thrown instanceof Error && 'code' in thrown ? thrown.code : undefined;
}

/** Removes a socket left at `path` by an agentmux that died; refuses to remove anything else. */
function removeStale(path: string): Result<void> {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(path);
  } catch (thrown) {
    if (errorCode(thrown) === 'ENOENT') return ok(undefined);
    return err(`${path}: ${messageOf(thrown)}`);
  }
  if (!stat.isSocket()) return err(`${path}: exists and is not a socket (remove it)`);
  try {
    fs.unlinkSync(path);
    return ok(undefined);
  } catch (thrown) {
    return err(`${path}: cannot replace the stale socket: ${messageOf(thrown)}`);
  }
}

/** Binds DIR/agentmux.sock (0600) and serves it; an error value says why it cannot (ctl is then off). */
export async function startCtlServer(options: CtlServerOptions): Promise<Result<CtlServer>> {
  const located = ctlSocketPath(options.dir, options.maxPathBytes);
  if (!located.ok) return located;
  const path = located.value;
  const stale = removeStale(path);
  if (!stale.ok) return stale;
  const bufferBytes = options.eventBufferBytes ?? DEFAULT_EVENT_BUFFER_BYTES;
  const connections = new Map<net.Socket, ServedConnection>();
  // Half-open: a client may close its side right after its request and still read the answer.
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    socket.on('close', () => connections.delete(socket));
    connections.set(socket, serveConnection(socket, options.port, bufferBytes));
  });
  const listening = new Promise<Result<void>>((resolve) => {
    server.once('listening', () => resolve(ok(undefined)));
    server.once('error', (thrown) => resolve(err(`${path}: cannot listen: ${messageOf(thrown)}`)));
  });
  // listen() binds a path synchronously, so the umask covers exactly the socket's creation.
  const previous = process.umask(0o177);
  try {
    server.listen(path);
  } finally {
    process.umask(previous);
  }
  const listened = await listening;
  if (!listened.ok) return listened;
  const inode = fs.statSync(path).ino;
  server.on('error', () => undefined);
  let closing: Promise<void> | undefined;
  return ok({
    path,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        // Event streams get their shutdown line; replies already handed over finish flushing.
        for (const connection of connections.values()) connection.close();
        // A reader that stopped reading cannot hold the cockpit's exit: cut it after a moment.
        const cut = setTimeout(() => {
          for (const socket of connections.keys()) socket.destroy();
        }, CLOSE_GRACE_MS);
        cut.unref();
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        try {
          if (fs.statSync(path).ino === inode) fs.unlinkSync(path);
        } catch {
          // Already gone: nothing to remove.
        }
      });
      return closing;
    },
  });
}
