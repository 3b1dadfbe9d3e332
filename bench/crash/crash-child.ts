// The process the crash probe (crash-probe.ts) kills: a real controller on a real store with
// four agents (approve auto, file checkpoints, the real SDK against the scripted model), driven
// by sends every 0.1–0.3 s that ask for writes, bash loops, large files and long streams. Each
// send it accepts is printed (`accepted ID AGENT`) before the next; with `--settle` it only
// loads the store, lets every agent finish what the last crash left, prints `settled`, and exits.
// Usage: tsx bench/crash/crash-child.ts STORE WORKSPACES [--settle]
import fs from 'node:fs';
import path from 'node:path';
import { AnthropicProvider } from '../../src/adapters/anthropic-provider.js';
import { fileCheckpointsFor } from '../../src/adapters/files/file-checkpoints.js';
import type { ScriptStep } from '../../src/adapters/scripted-model/script.js';
import { startScriptedModel } from '../../src/adapters/scripted-model/server.js';
import { FileSessionStore } from '../../src/adapters/store/file-session-store.js';
import { createWorkspaceToolHost } from '../../src/adapters/tools/full-tool-host.js';
import type { Agent } from '../../src/core/agent.js';
import { Controller } from '../../src/core/controller.js';

const [dir, workspaces, mode] = process.argv.slice(2);
if (dir === undefined || workspaces === undefined) throw new Error('usage: crash-child.ts STORE WORKSPACES [--settle]');
const AGENTS = ['a', 'b', 'c', 'd'];

// Whether the agent's loop still runs (only an SDK agent has one).
function busyAgent(agent: Agent | undefined): boolean {
  return agent?.kind === 'sdk' && agent.phase.kind === 'running';
}
let n = 0;

// What the model does for a prompt: the prompt's first word picks it (the driver sends them).
function stepsFor(prompt: string): ScriptStep {
  const word = prompt.split(' ')[0] ?? '';
  n += 1;
  if (word === 'WRITE') return { text: 'Writing.', toolUses: [{ name: 'write_file', input: { path: `w${n % 7}.txt`, content: `${prompt} ${n}\n` } }] };
  if (word === 'LOOP') return { text: 'Looping.', toolUses: [{ name: 'bash', input: { command: `for i in $(seq 1 20); do echo ${n} > loop$i.txt; echo $i >> log.txt; sleep 0.02; done` } }] };
  if (word === 'BIG') return { text: 'Big.', toolUses: [{ name: 'bash', input: { command: `head -c 3000000 /dev/urandom > big${n % 3}.bin` } }] };
  if (word === 'LONG') return { text: `long ${'word '.repeat(3000)}`, tokensPerDelta: 4, deltaIntervalMs: 2 };
  return { text: `answer ${n}` };
}

const model = await startScriptedModel({
  script: (request) => {
    const messages = request.body.messages;
    const last = messages.at(-1);
    // After a tool result the model ends the turn; a user prompt picks the next step.
    const content = last?.content;
    if (Array.isArray(content) && content.some((block) => block.type === 'tool_result')) return { text: 'done.' };
    const text = Array.isArray(content) ? content.map((block) => (block.type === 'text' ? block.text : '')).join(' ') : String(content ?? '');
    return stepsFor(text.split('\n').at(-1) ?? '');
  },
});
const opened = FileSessionStore.open(dir);
if (!opened.ok) throw new Error(opened.error);
const checkpoints = fileCheckpointsFor(dir);
const controller = new Controller({
  store: opened.value,
  providerFor: () => new AnthropicProvider({ apiKey: 'probe-key', baseURL: model.url, log: () => undefined }),
  tools: checkpoints.wrap(createWorkspaceToolHost({ write: true, masked: [dir] })),
  files: checkpoints.files,
  retryDelaysMs: [],
  idleTimeoutMs: 60_000,
});
for (const name of AGENTS) {
  const cwd = path.join(workspaces, name);
  fs.mkdirSync(cwd, { recursive: true });
  const added = controller.addAgent({ name, model: 'claude-sonnet-4-6', cwd, approval: { approve: 'auto', allow: [] } });
  if (!added.ok) throw new Error(added.error);
}

if (mode === '--settle') {
  const busy = (): boolean => AGENTS.some((name) => busyAgent(controller.find(name)));
  const timer = setInterval(() => {
    if (busy()) return;
    clearInterval(timer);
    void controller.shutdown().then(() => {
      fs.writeSync(1, 'settled\n');
      process.exit(0);
    });
  }, 50);
} else {
  const kinds = ['WRITE', 'LOOP', 'BIG', 'LONG', 'PLAIN'];
  let k = 0;
  const drive = (): void => {
    k += 1;
    const agent = AGENTS[k % AGENTS.length] ?? 'a';
    const kind = kinds[Math.floor(Math.random() * kinds.length)] ?? 'PLAIN';
    const sent = controller.delivery.send(agent, `${kind} probe-${process.pid}-${k}`);
    if (sent.outcome !== 'refused') fs.writeSync(1, `accepted probe-${process.pid}-${k} ${agent}\n`);
    setTimeout(drive, 100 + Math.random() * 200);
  };
  drive();
}
