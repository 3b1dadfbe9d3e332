import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestReply } from '../../../src/adapters/ctl/ctl-client.js';
import { startCtlServer, type CtlServer } from '../../../src/adapters/ctl/ctl-server.js';
import { CtlReply, parseLine } from '../../../src/core/ctl-protocol.js';
import { lockStoreDir } from '../../../src/adapters/store/store-lock.js';
import { removeDir, tempDir, testPort } from './ctl-kit.js';

let root: string;
const servers: CtlServer[] = [];

beforeEach(() => {
  root = tempDir();
});

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  removeDir(root);
});

async function serve(dir: string, port = testPort()): Promise<CtlServer> {
  const started = await startCtlServer({ dir, port });
  if (!started.ok) throw new Error(started.error);
  servers.push(started.value);
  return started.value;
}

/** The umask without changing it for long (node has no getter that is not deprecated). */
function currentUmask(): number {
  const mask = process.umask(0o022);
  process.umask(mask);
  return mask;
}

describe('the control socket', () => {
  // Root can give a socket to another user; others cannot, so this runs where the suite runs as root (CI).
  it.skipIf(process.getuid?.() !== 0)('ctl never speaks to a socket another user owns (an impostor in a writable store directory)', async () => {
    const port = testPort();
    const server = await serve(root, port);
    expect((await requestReply(server.path, { type: 'run', line: 'focus beta' })).ok).toBe(true);
    const callsBefore = port.cockpit.calls.length;
    fs.chownSync(server.path, 65534, 65534);
    const refused = await requestReply(server.path, { type: 'run', line: 'send -t beta a secret prompt' });
    expect(refused.ok ? '' : refused.error.message).toMatch(/the socket belongs to another user \(uid 65534\).*not connecting/);
    expect(port.cockpit.calls.length).toBe(callsBefore);
  });

  it('is created 0600 in a store directory created 0700, and the umask is given back', async () => {
    const dir = join(root, 'store');
    const lock = lockStoreDir(dir);
    if (!lock.ok) throw new Error(lock.error);
    const before = currentUmask();
    const server = await serve(dir);
    expect(currentUmask()).toBe(before);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    const socket = fs.statSync(server.path);
    expect(socket.isSocket()).toBe(true);
    expect(socket.mode & 0o777).toBe(0o600);
    expect(server.path).toBe(join(dir, 'agentmux.sock'));
    lock.value.release();
  });

  it('runs a line through dispatch and answers with the reply', async () => {
    const port = testPort();
    const server = await serve(root, port);
    const reply = await requestReply(server.path, { type: 'run', line: 'send -t beta hello   there' });
    expect(reply).toEqual({ ok: true, value: { type: 'reply', ok: true, command: 'send', message: 'sent to beta', value: { deliveries: [{ agent: 'beta', detail: 'started a turn', id: 'm-beta', joined: 'started-turn', outcome: 'delivered' }] } } });
    expect(port.cockpit.calls).toEqual([{ method: 'send', args: ['beta', 'hello   there'] }]);
    const refused = await requestReply(server.path, { type: 'run', line: 'frobnicate now' });
    expect(refused.ok && refused.value.ok).toBe(false);
    expect(refused.ok && refused.value.message).toMatch(/unknown command "frobnicate"/);
  });

  it('replaces a stale socket left by a process killed with SIGKILL', async () => {
    const path = join(root, 'agentmux.sock');
    const child = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(path)}, () => process.kill(process.pid, 'SIGKILL'))`]);
    await new Promise<void>((resolve) => child.once('exit', () => resolve()));
    expect(fs.lstatSync(path).isSocket()).toBe(true);
    const refused = await new Promise<string>((resolve) => net.createConnection(path).once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? '')));
    expect(refused).toBe('ECONNREFUSED');
    const server = await serve(root);
    const reply = await requestReply(server.path, { type: 'run', line: 'focus beta' });
    expect(reply.ok && reply.value.message).toBe('focused');
  });

  it('leaves a file that is not a socket alone and says ctl is off', async () => {
    const path = join(root, 'agentmux.sock');
    fs.writeFileSync(path, 'precious');
    const started = await startCtlServer({ dir: root, port: testPort() });
    expect(started.ok).toBe(false);
    expect(!started.ok && started.error).toBe(`${path}: exists and is not a socket (remove it)`);
    expect(fs.readFileSync(path, 'utf8')).toBe('precious');
  });

  it('is off, with a message naming the path, when the path is too long for sun_path', async () => {
    let dir = root;
    while (Buffer.byteLength(join(dir, 'agentmux.sock')) <= 107) dir = join(dir, 'a-rather-long-directory-name');
    fs.mkdirSync(dir, { recursive: true });
    const started = await startCtlServer({ dir, port: testPort() });
    expect(started.ok).toBe(false);
    expect(!started.ok && started.error).toMatch(/^socket path too long for this system \(\d+ bytes, at most 107\): /);
    expect(!started.ok && started.error).toContain(join(dir, 'agentmux.sock'));
    expect(fs.existsSync(join(dir, 'agentmux.sock'))).toBe(false);
  });

  it('removes its socket when closed, and nothing answers afterwards', async () => {
    const server = await serve(root);
    await server.close();
    expect(fs.existsSync(server.path)).toBe(false);
    const reply = await requestReply(server.path, { type: 'run', line: 'focus beta' });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.kind).toBe('no-answer');
  });

  it('answers a client that sent its request without a newline and closed its side', async () => {
    const server = await serve(root);
    const answer = await new Promise<string>((resolve) => {
      const socket = net.createConnection(server.path, () => socket.end(JSON.stringify({ type: 'run', line: 'focus gamma' })));
      let text = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      socket.on('close', () => resolve(text));
    });
    const reply = parseLine(CtlReply, answer.trim());
    expect(reply.ok && reply.value).toMatchObject({ ok: true, command: 'focus', message: 'focused' });
  });

  it('refuses a request that is not the protocol, naming the problem', async () => {
    const server = await serve(root);
    const answer = await new Promise<string>((resolve) => {
      const socket = net.createConnection(server.path, () => socket.write('{"type":"launch"}\n'));
      let text = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      socket.on('close', () => resolve(text));
    });
    const reply = parseLine(CtlReply, answer.trim());
    expect(reply.ok && reply.value.ok).toBe(false);
    expect(reply.ok && reply.value.message).toMatch(/^agentmux ctl: bad request: type: /);
  });
});
