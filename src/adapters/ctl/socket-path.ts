// Where the control socket of a store lives (DESIGN.md §5: DIR/agentmux.sock) and whether the
// system can bind it: a unix socket's path must fit `sun_path` (108 bytes with the NUL on Linux,
// 104 on macOS and the BSDs).
import path from 'node:path';
import { err, ok, type Result } from '../../core/result.js';

export const SOCKET_NAME = 'agentmux.sock';

/** The longest socket path (in bytes, without the terminating NUL) this system can bind. */
export const MAX_SOCKET_PATH_BYTES = process.platform === 'linux' ? 107 : 103;

/** The absolute socket path of store `dir`, or why the system cannot use it. */
export function ctlSocketPath(dir: string, maxBytes: number = MAX_SOCKET_PATH_BYTES): Result<string> {
  const socket = path.resolve(dir, SOCKET_NAME);
  const bytes = Buffer.byteLength(socket);
  if (bytes > maxBytes) {
    return err(`socket path too long for this system (${bytes} bytes, at most ${maxBytes}): ${socket}; use a shorter --sessions path`);
  }
  return ok(socket);
}
