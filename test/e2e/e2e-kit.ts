// One end-to-end world per test: a temp dir with a layout file, a copy of the demo workspace and
// a session store; a scripted model server in the test process; and the real agentmux binary
// under a pty, pointed at that server through ANTHROPIC_BASE_URL (the real SDK path).
import { spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import {
  startScriptedModel,
  type ScriptedModel,
} from '../../src/adapters/scripted-model/server.js';
import {
  queueScript,
  type ReceivedRequest,
  type Script,
  type ScriptStep,
} from '../../src/adapters/scripted-model/script.js';
import type { RequestMessage } from '../../src/adapters/scripted-model/request-schema.js';
import { BlobStore } from '../../src/adapters/store/blob-store.js';
import { decodeJournalLine } from '../../src/adapters/store/journal-line.js';
import type { Entry } from '../../src/core/entry.js';
import type { JournalRecord } from '../../src/core/journal-record.js';
import { AGENTMUX_BIN, baseEnv, startAgentmux, type Driver } from './terminal-driver.js';

const REPO = join(import.meta.dirname, '..', '..');

export type World = {
  readonly dir: string;
  readonly workspace: string;
  readonly sessions: string;
  readonly layoutPath: string;
  readonly model: ScriptedModel;
  /** Starts agentmux on this world's layout and store (env merged over the test defaults). */
  launch(env?: Readonly<Record<string, string>>): Promise<Driver>;
  /** Writes an executable `#!/bin/sh` script into the world's dir; returns its path. */
  script(name: string, body: string): string;
  /** Kills every agentmux this world started, closes the server, removes the temp dir. */
  close(): Promise<void>;
};

export type WorldOptions = {
  readonly agents?: readonly string[];
  readonly script: Script | readonly ScriptStep[];
  /** Written into every agent of the layout (`approve`, `allow`); absent fields keep the defaults. */
  readonly approval?: { readonly approve?: 'ask' | 'auto'; readonly allow?: readonly string[] };
};

/** Makes the temp dir, the layout (`alpha`, `beta` in columns by default) and starts the scripted model. */
export async function makeWorld(options: WorldOptions): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'agentmux-e2e-'));
  const workspace = join(dir, 'workspace');
  cpSync(join(REPO, 'demo', 'workspace'), workspace, { recursive: true });
  const sessions = join(dir, 'sessions');
  const layoutPath = join(dir, 'layout.json');
  const agents = options.agents ?? ['alpha', 'beta'];
  writeFileSync(
    layoutPath,
    JSON.stringify(
      { name: 'e2e', agents: agents.map((name) => ({ name, cwd: workspace, ...options.approval })), tiling: 'columns' },
      null,
      2,
    ),
  );
  const script = options.script;
  const model = await startScriptedModel({
    script: typeof script === 'function' ? script : queueScript(script),
  });
  const drivers: Driver[] = [];
  return {
    dir,
    workspace,
    sessions,
    layoutPath,
    model,
    async launch(env = {}) {
      const driver = startAgentmux({
        args: ['--layout', layoutPath, '--sessions', sessions],
        cwd: dir,
        env: { ANTHROPIC_BASE_URL: model.url, ANTHROPIC_API_KEY: 'test-key', ...env },
      });
      drivers.push(driver);
      await driver.waitUntil(
        (screen) => agents.every((name) => screen.includes(name)) && /NORMAL/.test(screen),
        'the cockpit',
      );
      return driver;
    },
    script(name, body) {
      const path = join(dir, name);
      writeFileSync(path, `#!/bin/sh\n${body}\n`);
      chmodSync(path, 0o755);
      return path;
    },
    async close() {
      // Killed, then waited for: a dying agentmux can still write into the store, and rmSync
      // racing a new file fails with ENOTEMPTY.
      for (const driver of drivers) driver.kill();
      await Promise.all(drivers.map((driver) => driver.exited().catch(() => -1)));
      await model.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers an afterEach that closes every world the test opened, and returns the opener: the
 * one place the e2e files get their worlds from, so none keeps its own `let world` and cleanup.
 * Call it at a file's (or describe's) top level, before hooks that must run ahead of the closing
 * (vitest runs after-hooks in reverse order of registration).
 */
export function useWorld(): (options: WorldOptions) => Promise<World> {
  const open: World[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((world) => world.close()));
  });
  return async (options) => {
    const world = await makeWorld(options);
    open.push(world);
    return world;
  };
}

/** A script that answers each request by calling `reply` with the last text block of its last message. */
export function replyScript(
  reply: (lastText: string, request: ReceivedRequest) => ScriptStep,
): Script {
  return (request) => {
    const last = request.body.messages[request.body.messages.length - 1];
    const blocks =
      last === undefined
        ? []
        : typeof last.content === 'string'
          ? [last.content]
          : last.content.flatMap((b) => (b.type === 'text' ? [b.text] : []));
    return reply(blocks[blocks.length - 1] ?? '', request);
  };
}

/** A message's text blocks joined by newlines (tool blocks are left out). */
export function textOf(message: RequestMessage): string {
  if (typeof message.content === 'string') return message.content;
  return message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('\n');
}

/** Messages as `{role, text}` pairs: what tests compare a request's history with. */
export function conversation(
  messages: readonly RequestMessage[],
): { role: string; text: string }[] {
  return messages.map((message) => ({ role: message.role, text: textOf(message) }));
}

/** The `messages` of the request the server received at `index`, as `{role, text}` pairs. */
export function requestConversation(
  model: ScriptedModel,
  index: number,
): { role: string; text: string }[] {
  const request = model.requests[index];
  if (request === undefined)
    throw new Error(`no request ${index} (the server has ${model.requests.length})`);
  return conversation(request.body.messages);
}

/** Every record of the journal of the session named `agent`, parsed with the journal schema (blobs read back). */
export function readJournal(sessions: string, agent: string): JournalRecord[] {
  const journals = join(sessions, 'journals');
  const blobs = new BlobStore(join(sessions, 'blobs'));
  const found: JournalRecord[][] = [];
  for (const file of existsSync(journals) ? readdirSync(journals) : []) {
    if (!file.endsWith('.jsonl')) continue;
    const records = readFileSync(join(journals, file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line, index) => {
        const decoded = decodeJournalLine(JSON.parse(line), blobs);
        if (!decoded.ok) throw new Error(`${file}:${index + 1}: ${decoded.error}`);
        return decoded.value;
      });
    const header = records[0];
    if (header?.t === 'session' && header.name === agent) found.push(records);
  }
  if (found.length !== 1) throw new Error(`${found.length} journals named ${agent} in ${journals}`);
  return found[0] ?? [];
}

/** The entries of a journal in the order they were appended. */
export function entriesOf(records: readonly JournalRecord[]): Entry[] {
  return records.flatMap((record) => (record.t === 'entry' ? [record.entry] : []));
}

/** The entries from the root to the head, after every head move the journal records. */
export function activeBranch(records: readonly JournalRecord[]): Entry[] {
  const byId = new Map<string, Entry>();
  let head: string | null = null;
  for (const record of records) {
    if (record.t === 'entry') {
      byId.set(record.entry.id, record.entry);
      head = record.entry.id;
    } else if (record.t === 'head') {
      head = record.head;
    }
  }
  const path: Entry[] = [];
  for (let at = head; at !== null;) {
    const entry = byId.get(at);
    if (entry === undefined) throw new Error(`journal: entry ${at} is missing`);
    path.unshift(entry);
    at = entry.parent;
  }
  return path;
}

/** Polls until `condition` holds; fails with `what` (and the last error seen) after `timeoutMs`. */
export async function eventually<T>(
  read: () => T,
  condition: (value: T) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = read();
      if (condition(value)) return value;
      last = value;
    } catch (thrown) {
      last = thrown;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A promise the test settles by hand: holds a step mid-stream until `release()`. */
export function gate(): { readonly until: Promise<void>; readonly release: () => void } {
  let release = (): void => undefined;
  const until = new Promise<void>((resolve) => (release = resolve));
  return { until, release: () => release() };
}

/** A pane's text: the rows of the screen between the pane's borders, for a pane of a `columns` tiling. */
export function paneText(screen: string, index: number, panes: number): string {
  return screen
    .split('\n')
    .map((row) => {
      const chars = [...row];
      const width = Math.floor(chars.length / panes);
      return chars.slice(index * width, (index + 1) * width).join('');
    })
    .join('\n');
}

export type Ran = {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
};

/** Runs agentmux with pipes (not a terminal): for flags and for errors printed before any screen. */
export function runAgentmux(
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string>> = {},
  /** A run that starts agents (a workflow) needs more than a flag check on a loaded machine. */
  limitMs = 15_000,
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [AGENTMUX_BIN, ...args], {
      cwd,
      env: baseEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (data: string) => (stdout += data));
    child.stderr.setEncoding('utf8').on('data', (data: string) => (stderr += data));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`agentmux ${args.join(' ')} did not exit; stdout: ${stdout}; stderr: ${stderr}`),
      );
    }, limitMs);
    child.once('error', reject);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Makes a temp dir for tests that need no world. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'agentmux-e2e-'));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** `Enter`, the text, `Enter`: messages the focused agent `agent` the way a person does. */
export async function typeMessage(app: Driver, agent: string, text: string): Promise<void> {
  app.write('\r');
  await app.waitFor(`message ${agent}`);
  app.write(text);
  await app.waitFor(text);
  app.write('\r');
  await app.waitUntil((screen) => !screen.includes(`message ${agent}`), 'the message box to close');
}

/** `:`, the line, `Enter`: runs a command from the prompt; resolves once the prompt has closed. */
export async function runCommand(app: Driver, line: string): Promise<void> {
  app.write(':');
  await app.waitUntil(() => app.line(-1).startsWith(':'), 'the : prompt');
  app.write(line);
  await app.waitUntil(() => app.line(-1).startsWith(`:${line}`), `":${line}" on the prompt`);
  app.write('\r');
  await app.waitUntil(() => !app.line(-1).startsWith(':'), 'the prompt to close');
}

/** Waits until the pane title of `agent` shows `state` (with or without a detail in parentheses). */
export async function waitForState(
  app: Driver,
  agent: string,
  state: string,
  timeoutMs?: number,
): Promise<void> {
  await app.waitFor(new RegExp(`\\d ${agent} · ${state}( ·| \\()`), timeoutMs);
}

/** A model that answers every message with `answer to TEXT`. */
export const answerEcho: Script = replyScript((text) => ({ text: `answer to ${text}` }));

/** Pane titles on the screen (top border rows), e.g. `▶ 1 alpha`, in screen order. */
export function titlesOf(screen: string): string[] {
  return [...screen.matchAll(/┌ ((?:▶ )?\d+ [a-z0-9-]+) ·/g)].map((match) => match[1] ?? '');
}
