// `npx tsx bench/crash/crash-probe.ts [TRIALS]`: the crash-safety table of the reliability probe
// (shared/reports/reliability-probe.md, finding 1) re-run on today's code. Each trial starts
// crash-child.ts on one store, lets its driver send for a uniform 0.5–6 s, SIGKILLs its whole
// process group, and checks the store with code of its own (not the app's readers): every line
// parses but a torn last one; every blob a line or a checkpoint names exists and matches its
// hash; every send the child accepted is journaled (pending or delivered). Then a `--settle`
// start loads the store and lets the agents finish what the crash left, and it checks that
// every tool_use on every journal has a result (a crash-cut call is answered and marked), and
// that each workspace file's last recorded version is what is on disk. A benchmark-like
// script, not a test: it takes minutes and prints the table.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const trials = Number(process.argv[2] ?? '50');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'agentmux-crash-probe-'));
const store = path.join(root, 'store');
const workspaces = path.join(root, 'ws');
const child = path.join(import.meta.dirname, 'crash-child.ts');
const repo = path.join(import.meta.dirname, '..', '..');

type Tally = { torn: number; corrupt: number; badBlobs: number; lostSends: number; accepted: number; unanswered: number; crashMarked: number; mismatches: number; restartsFailed: number };
const tally: Tally = { torn: 0, corrupt: 0, badBlobs: 0, lostSends: 0, accepted: 0, unanswered: 0, crashMarked: 0, mismatches: 0, restartsFailed: 0 };

function start(args: readonly string[]): { readonly pid: number; readonly lines: string[]; readonly exited: Promise<NodeJS.Signals | number | null> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, store, workspaces, ...args], { cwd: repo, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let buffer = '';
  proc.stdout.setEncoding('utf8');
  proc.stdout.on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
  });
  proc.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => proc.once('exit', (code, signal) => resolve(signal ?? code)));
  if (proc.pid === undefined) throw new Error('could not start the child');
  return { pid: proc.pid, lines, exited };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function journals(): { readonly name: string; readonly lines: readonly string[] }[] {
  const folder = path.join(store, 'journals');
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder).filter((file) => file.endsWith('.jsonl')).map((file) => {
    const lines = fs.readFileSync(path.join(folder, file), 'utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    const header: unknown = JSON.parse(lines[0] ?? '{}');
    const name = typeof header === 'object' && header !== null && 'name' in header && typeof header.name === 'string' ? header.name : file;
    return { name, lines };
  });
}

function blobOk(hash: string): boolean {
  const file = path.join(store, 'blobs', hash.slice(0, 2), hash);
  return fs.existsSync(file) && createHash('sha256').update(fs.readFileSync(file)).digest('hex') === hash;
}

// Every object under `value` (JSON), depth first.
function* objects(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) for (const item of value) yield* objects(item);
  else if (typeof value === 'object' && value !== null) {
    const record: Record<string, unknown> = { ...value };
    yield record;
    for (const item of Object.values(record)) yield* objects(item);
  }
}

function parsed(lines: readonly string[]): unknown[] {
  const out: unknown[] = [];
  for (const [index, line] of lines.entries()) {
    try {
      out.push(JSON.parse(line));
    } catch {
      if (index === lines.length - 1) tally.torn += 1;
      else tally.corrupt += 1;
    }
  }
  return out;
}

function checkAfterKill(accepted: ReadonlyMap<string, string>): void {
  const texts = new Map<string, string>();
  for (const journal of journals()) {
    for (const record of parsed(journal.lines)) {
      for (const object of objects(record)) {
        if (typeof object['sha256'] === 'string' && object['withheld'] !== true && !blobOk(object['sha256'])) tally.badBlobs += 1;
      }
      texts.set(journal.name, `${texts.get(journal.name) ?? ''}\n${JSON.stringify(record)}`);
    }
  }
  for (const [id, agent] of accepted) if (!(texts.get(agent) ?? '').includes(id)) tally.lostSends += 1;
}

function sha(file: string): string | null {
  try {
    const stats = fs.lstatSync(file);
    const bytes = stats.isSymbolicLink() ? Buffer.from(fs.readlinkSync(file)) : fs.readFileSync(file);
    return createHash('sha256').update(bytes).digest('hex');
  } catch {
    return null;
  }
}

// A record's entry, when it is an `entry` line.
function entryOf(record: unknown): Record<string, unknown> | undefined {
  if (typeof record !== 'object' || record === null || !('t' in record) || record.t !== 'entry' || !('entry' in record)) return undefined;
  const entry: unknown = record.entry;
  return typeof entry === 'object' && entry !== null ? { ...entry } : undefined;
}

// The store as it stands after a settle: counts, not increments (each trial re-reads it all).
function checkAfterSettle(): void {
  tally.unanswered = 0;
  tally.crashMarked = 0;
  tally.mismatches = 0;
  for (const journal of journals()) {
    const uses = new Set<string>();
    const results = new Set<string>();
    const last = new Map<string, string | null>();
    for (const record of parsed(journal.lines)) {
      const entry = entryOf(record);
      if (entry === undefined) continue;
      // Calls of a complete answer need a result; a partial (interrupted) answer's are never sent.
      if (entry['kind'] === 'assistant') {
        for (const block of objects(entry['blocks'])) if (block['type'] === 'tool_use' && typeof block['id'] === 'string') uses.add(block['id']);
      }
      if (entry['kind'] !== 'tool-result' || typeof entry['toolUseId'] !== 'string') continue;
      results.add(entry['toolUseId']);
      if (typeof entry['content'] === 'string' && entry['content'].includes('agentmux stopped')) tally.crashMarked += 1;
      for (const change of objects(entry['files'])) {
        if (typeof change['path'] !== 'string') continue;
        const after: unknown = change['after'];
        last.set(change['path'], typeof after === 'object' && after !== null && 'sha256' in after ? String(after.sha256) : null);
      }
    }
    for (const id of uses) if (!results.has(id)) tally.unanswered += 1;
    for (const [file, hash] of last) if (sha(path.join(workspaces, journal.name, file)) !== hash) tally.mismatches += 1;
  }
}

console.log(`crash probe: ${trials} SIGKILLs, 4 agents, store ${root}`);
for (let trial = 1; trial <= trials; trial++) {
  const run = start([]);
  // The window starts at the driver's first accepted send (tsx's own start is not the app's).
  for (let waited = 0; run.lines.length === 0 && waited < 60_000; waited += 20) await sleep(20);
  const killAfter = 500 + Math.random() * 5500;
  await sleep(killAfter);
  process.kill(-run.pid, 'SIGKILL');
  await run.exited;
  const accepted = new Map<string, string>();
  for (const line of run.lines) {
    const [word, id, agent] = line.split(' ');
    if (word === 'accepted' && id !== undefined && agent !== undefined) accepted.set(id, agent);
  }
  tally.accepted += accepted.size;
  checkAfterKill(accepted);
  const settle = start(['--settle']);
  const done = await Promise.race([settle.exited, sleep(120_000).then(() => 'timeout' as const)]);
  if (done !== 0 || !settle.lines.includes('settled')) {
    tally.restartsFailed += 1;
    try {
      process.kill(-settle.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  checkAfterSettle();
  process.stdout.write(`trial ${trial}: killed after ${Math.round(killAfter)} ms, ${accepted.size} sends accepted\n`);
}
console.log(JSON.stringify(tally, null, 2));
fs.rmSync(root, { recursive: true, force: true });
