import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import { join } from 'node:path';
import { followEvents, requestReply } from '../../../src/adapters/ctl/ctl-client.js';
import { startCtlServer, type CtlServer } from '../../../src/adapters/ctl/ctl-server.js';
import type { Entry } from '../../../src/core/entry.js';
import { rawClient, removeDir, tempDir, testPort, type TestPort } from './ctl-kit.js';

let root: string;
let port: TestPort;
let server: CtlServer;

beforeEach(async () => {
  root = tempDir();
  port = testPort();
  const started = await startCtlServer({ dir: root, port, eventBufferBytes: 64 * 1024 });
  if (!started.ok) throw new Error(started.error);
  server = started.value;
});

afterEach(async () => {
  await server.close();
  removeDir(root);
});

const Line = z.object({ type: z.string(), count: z.number().optional(), message: z.string().optional() });

const userEntry: Entry = { id: 'e1', parent: null, at: 5, provenance: { kind: 'local' }, kind: 'user', origin: 'typed', opensTurn: true, text: 'hi' };

describe('ctl events', () => {
  it('starts with subscribed, then one compact JSON line per reported event; deltas only when asked', async () => {
    const plain = await rawClient(server.path, { type: 'events', deltas: false });
    const withDeltas = await rawClient(server.path, { type: 'events', deltas: true });
    await plain.waitForLines(1);
    await withDeltas.waitForLines(1);
    port.emitter.emit({ type: 'delta', agent: 'alpha', event: { type: 'text', index: 0, text: 'he' } });
    port.emitter.emit({ type: 'focus', agent: 'beta' });
    port.emitter.emit({ type: 'entry', agent: 'alpha', entry: userEntry });
    port.emitter.emit({ type: 'state', agent: 'alpha', state: 'idle', detail: '' });
    await plain.waitForLines(3);
    await withDeltas.waitForLines(4);
    expect(plain.lines).toEqual([
      '{"type":"subscribed"}',
      '{"type":"entry","agent":"alpha","entry":{"id":"e1","parent":null,"kind":"user","at":5,"origin":"typed","opensTurn":true,"text":"hi"}}',
      '{"type":"state","agent":"alpha","state":"idle","detail":""}',
    ]);
    expect(withDeltas.lines[1]).toBe('{"type":"delta","agent":"alpha","kind":"text","text":"he"}');
    plain.socket.destroy();
    withDeltas.socket.destroy();
  });

  it('a reader too slow to keep up gets dropped in-band, loses nothing silently, and others are still served', async () => {
    const slow = await rawClient(server.path, { type: 'events', deltas: false });
    await slow.waitForLines(1);
    slow.socket.pause();
    const message = 'x'.repeat(4000);
    let emitted = 0;
    // Emit until the server has had to drop lines for the paused reader (it never blocks the emitter).
    for (let batch = 0; batch < 200; batch++) {
      for (let i = 0; i < 50; i++) port.emitter.emit({ type: 'notice', agent: 'alpha', level: 'info', message: `${emitted++} ${message}` });
      await new Promise((resolve) => setImmediate(resolve));
    }
    const other = await requestReply(server.path, { type: 'run', line: 'pause -t beta' });
    expect(other.ok && other.value).toMatchObject({ ok: true, command: 'pause', message: 'paused' });
    slow.socket.resume();
    // Once the socket drains, the queued lines and then the count of those dropped arrive.
    await slow.waitForLine((line) => line.startsWith('{"type":"dropped"'));
    port.emitter.emit({ type: 'notice', agent: 'alpha', level: 'info', message: 'the end' });
    await slow.waitForLine((line) => line.includes('"the end"'));
    const events = slow.lines.slice(1).map((line) => Line.parse(JSON.parse(line)));
    const drops = events.filter((event) => event.type === 'dropped');
    const notices = events.filter((event) => event.type === 'notice' && event.message !== 'the end');
    expect(drops.length).toBeGreaterThan(0);
    const dropped = drops.reduce((sum, event) => sum + (event.count ?? 0), 0);
    expect(notices.length + dropped).toBe(emitted);
    // What arrived is in order: numbers only grow.
    const numbers = notices.map((event) => Number(event.message?.split(' ')[0]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    slow.socket.destroy();
  });

  it('a clean close ends every stream with {"type":"shutdown"} and the follower reports a clean end', async () => {
    const lines: string[] = [];
    const followed = followEvents(server.path, false, { write: (line) => lines.push(line) > 0, onDrain: () => undefined });
    await until(() => lines.length === 1);
    port.emitter.emit({ type: 'state', agent: 'alpha', state: 'idle', detail: '' });
    await until(() => lines.length === 2);
    await server.close();
    expect(await followed).toEqual({ ok: true, value: undefined });
    expect(lines).toEqual(['{"type":"subscribed"}\n', '{"type":"state","agent":"alpha","state":"idle","detail":""}\n', '{"type":"shutdown"}\n']);
  });

  it('a stream that ends without the shutdown line (the cockpit died) is an error for the follower, naming why', async () => {
    // What a killed cockpit leaves: the kernel closes its end mid-stream, no shutdown line.
    const dying = net.createServer((socket) => socket.resume().end('{"type":"subscribed"}\n'));
    const path = join(root, 'dying.sock');
    await new Promise<void>((resolve) => dying.listen(path, resolve));
    try {
      const lines: string[] = [];
      const followed = await followEvents(path, false, { write: (line) => lines.push(line) > 0, onDrain: () => undefined });
      expect(lines).toEqual(['{"type":"subscribed"}\n']);
      expect(followed).toEqual({ ok: false, error: { kind: 'no-answer', message: `${path}: the cockpit went away (the event stream ended without its shutdown line)` } });
    } finally {
      await new Promise((resolve) => dying.close(resolve));
    }
  });

  it('a reader that fell behind still gets what was queued, the drop count, then the shutdown line last', async () => {
    const slow = await rawClient(server.path, { type: 'events', deltas: false });
    await slow.waitForLines(1);
    slow.socket.pause();
    const message = 'x'.repeat(4000);
    for (let batch = 0; batch < 100; batch++) {
      for (let i = 0; i < 50; i++) port.emitter.emit({ type: 'notice', agent: 'alpha', level: 'info', message });
      await new Promise((resolve) => setImmediate(resolve));
    }
    const closed = server.close();
    slow.socket.resume();
    await closed;
    const last = await slow.waitForLine((line) => line === '{"type":"shutdown"}');
    expect(slow.lines.at(-1)).toBe(last);
    expect(slow.lines.some((line) => line.startsWith('{"type":"dropped"'))).toBe(true);
  });
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2));
}
