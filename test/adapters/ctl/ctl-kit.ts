// What the control-socket tests share: a port over the real `dispatch` (commands acting on the
// recording FakeCockpit), a real event emitter, temp store dirs, and raw socket readers.
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ControlPort } from '../../../src/core/control-port.js';
import { ctlReply } from '../../../src/core/ctl-reply.js';
import { dispatch } from '../../../src/core/dispatch.js';
import { Emitter, type ControllerEvent } from '../../../src/core/events.js';
import { FakeCockpit } from '../../core/fake-cockpit.js';

export type TestPort = ControlPort & { readonly cockpit: FakeCockpit; readonly emitter: Emitter<ControllerEvent> };

/** A port whose lines run through the real dispatch against a FakeCockpit. */
export function testPort(): TestPort {
  const cockpit = new FakeCockpit();
  const emitter = new Emitter<ControllerEvent>();
  return {
    cockpit,
    emitter,
    run: (line) => ctlReply(line, dispatch(cockpit, line)),
    capture: (agent) => ({ type: 'reply', ok: true, command: 'capture', message: `text of ${agent ?? 'the focused agent'}`, value: null }),
    events: emitter,
  };
}

/** A fresh temp dir (short, so socket paths fit). */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'amx-ctl-'));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A raw client: sends one request line and collects what comes back, line by line. */
export type RawClient = {
  readonly socket: net.Socket;
  readonly lines: string[];
  /** Resolves once `count` lines have arrived. */
  waitForLines(count: number): Promise<void>;
  /** Resolves once a line satisfies `test`. */
  waitForLine(test: (line: string) => boolean): Promise<string>;
};

export function rawClient(path: string, request: unknown): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(path);
    const lines: string[] = [];
    const waiters: (() => void)[] = [];
    let partial = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts);
      for (const waiter of waiters.splice(0)) waiter();
    });
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.write(`${JSON.stringify(request)}\n`);
      const until = (done: () => boolean): Promise<void> =>
        new Promise((settle) => {
          const check = (): void => {
            if (done()) settle();
            else waiters.push(check);
          };
          check();
        });
      resolve({
        socket,
        lines,
        waitForLines: (count) => until(() => lines.length >= count),
        waitForLine: async (test) => {
          await until(() => lines.some(test));
          return lines.find(test) ?? '';
        },
      });
    });
  });
}
