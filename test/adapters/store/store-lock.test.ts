import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSessionStore } from '../../../src/adapters/store/file-session-store.js';
import { acquireStoreLock, processStartTime } from '../../../src/adapters/store/store-lock.js';
import { makeTempDir, removeTempDir } from './store-test-kit.js';

let dir: string;
let lockFile: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  dir = makeTempDir();
  lockFile = path.join(dir, 'agentmux.lock');
});

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  removeTempDir(dir);
});

function openOk(): FileSessionStore {
  const opened = FileSessionStore.open(dir);
  if (!opened.ok) throw new Error(opened.error);
  return opened.value;
}

/** A pid above the kernel's pid_max, so no process can have it. */
const deadPid = 99_999_999;

/** A live process other than this one, and a promise of its exit. */
async function liveProcess(): Promise<{ child: ChildProcess; exited: Promise<void> }> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000); console.log("up")'], { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
  return { child, exited };
}

describe('store lock', () => {
  it('a second open of the same store fails with "DIR: in use by agentmux pid N"', async () => {
    const first = openOk();
    expect(FileSessionStore.open(dir)).toEqual({ ok: false, error: `${dir}: in use by agentmux pid ${process.pid}` });
    await first.close();
  });

  it('the lock file names this process and its start time, and is removed on close', async () => {
    const store = openOk();
    expect(JSON.parse(fs.readFileSync(lockFile, 'utf8'))).toEqual({ pid: process.pid, startTime: processStartTime(process.pid) });
    expect(processStartTime(process.pid)).toEqual(expect.any(Number));
    await store.close();
    expect(fs.existsSync(lockFile)).toBe(false);
    await openOk().close();
  });

  it('a lock held by another live process keeps the store closed until that process dies', async () => {
    const { child, exited } = await liveProcess();
    const pid = child.pid ?? 0;
    fs.writeFileSync(lockFile, JSON.stringify({ pid, startTime: processStartTime(pid) }));
    expect(FileSessionStore.open(dir)).toEqual({ ok: false, error: `${dir}: in use by agentmux pid ${pid}` });
    child.kill('SIGKILL');
    await exited;
    await openOk().close();
  });

  it('a lock left by a dead pid is taken over at once', async () => {
    fs.writeFileSync(lockFile, JSON.stringify({ pid: deadPid, startTime: 12345 }));
    const store = openOk();
    expect(JSON.parse(fs.readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    await store.close();
  });

  it('a live pid with a different start time (a reused pid) does not hold the lock', async () => {
    const mine = processStartTime(process.pid) ?? 0;
    fs.writeFileSync(lockFile, JSON.stringify({ pid: process.pid, startTime: mine + 1 }));
    await openOk().close();
  });

  it('an unreadable lock file is treated as stale', async () => {
    fs.writeFileSync(lockFile, 'garbage');
    await openOk().close();
  });

  it('the store is not read while another agentmux holds it', () => {
    fs.writeFileSync(lockFile, JSON.stringify({ pid: process.pid, startTime: processStartTime(process.pid) }));
    fs.writeFileSync(path.join(dir, 'catalog.json'), 'not json');
    expect(FileSessionStore.open(dir).ok).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'catalog.json'), 'utf8')).toBe('not json');
    expect(fs.existsSync(path.join(dir, 'quarantine'))).toBe(false);
  });

  it('release leaves a lock that is no longer ours', () => {
    const lock = acquireStoreLock(dir);
    if (!lock.ok) throw new Error(lock.error);
    const other = JSON.stringify({ pid: deadPid, startTime: null });
    fs.writeFileSync(lockFile, other);
    lock.value.release();
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(other);
  });

  it('open creates a missing store directory', async () => {
    const nested = path.join(dir, 'a', 'b');
    const opened = FileSessionStore.open(nested);
    if (!opened.ok) throw new Error(opened.error);
    expect(fs.existsSync(path.join(nested, 'journals'))).toBe(true);
    await opened.value.close();
  });
});

/** A real zombie: a perl parent forks a child that exits at once, and never reaps it. */
async function zombieProcess(): Promise<number> {
  const parent = spawn('perl', ['-e', '$| = 1; my $pid = fork(); exit 0 if $pid == 0; print "$pid\n"; sleep 60'], { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(parent);
  const pid = await new Promise<number>((resolve) => parent.stdout?.once('data', (data: Buffer) => resolve(Number(String(data).trim()))));
  for (;;) {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return pid;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('store lock: zombies are dead (issue 9, item 8)', () => {
  it('takes over a lock whose owner is a zombie, though kill(pid, 0) still answers for it', async () => {
    const zombie = await zombieProcess();
    expect(() => process.kill(zombie, 0)).not.toThrow();
    fs.writeFileSync(lockFile, JSON.stringify({ pid: zombie, startTime: processStartTime(zombie) }));
    const lock = acquireStoreLock(dir);
    expect(lock.ok).toBe(true);
    if (lock.ok) lock.value.release();
  });
});
