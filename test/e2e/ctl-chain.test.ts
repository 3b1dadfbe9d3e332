// e2e: the README's shell loop, run as written — it follows `ctl events`, sends each prompt with
// `ctl --json send`, and waits for the `turn-finished` that lists its own delivery id before it
// sends the next. The model must see each prompt only after the previous one was answered.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ctlReady } from './ctl-kit.js';
import { conversation, eventually, gate, replyScript, useWorld, type World } from './e2e-kit.js';
import { AGENTMUX_BIN, baseEnv } from './terminal-driver.js';

const openWorld = useWorld();

/** The README's `chain.sh` block, exactly as documented. */
function readmeChainScript(): string {
  const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '').find((text) => text.includes('# ./chain.sh'));
  if (block === undefined) throw new Error('README.md has no ```sh block with # ./chain.sh');
  return block;
}

type Ran = { status: number | null; stdout: string; stderr: string };

/** The ctl command lines the loop ran, in order (`ctl events`, `ctl --json send -t alpha PROMPT`…). */
function callsOf(current: World): string[] {
  return readFileSync(join(current.dir, 'calls.log'), 'utf8').trimEnd().split('\n');
}

/** Runs `script` as chain.sh over three prompts, with `agentmux` on PATH, from the world's dir. */
async function runChain(current: World, script: string): Promise<Ran> {
  // Each call is logged (calls.log) so a test can tell what the loop tried after the cockpit went away.
  current.script('agentmux', `printf '%s\\n' "$*" >> "${join(current.dir, 'calls.log')}"\nexec "${process.execPath}" "${AGENTMUX_BIN}" "$@"`);
  const chain = join(current.dir, 'chain.sh');
  writeFileSync(chain, script);
  writeFileSync(join(current.dir, 'prompts.txt'), 'first prompt\nsecond prompt\nthird prompt\n');
  return new Promise((resolve) => {
    const child = spawn('sh', [chain, 'prompts.txt'], {
      cwd: current.dir,
      env: baseEnv({ PATH: `${current.dir}:${process.env['PATH'] ?? ''}` }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('agentmux e2e: ctl from a shell script', { timeout: 90_000 }, () => {
  // `send` answers `{deliveries: [{id, …}]}`: the README's jq path `.value.deliveries[0].id`.
  it('the README loop sends each prompt once the turn answering its own delivery has finished', async () => {
    const world = await openWorld({ script: replyScript((text) => ({ text: `answer to ${text}`, deltaIntervalMs: 5 })) });
    await world.launch();
    await ctlReady(world);
    const ran = await runChain(world, readmeChainScript());
    const current = world;
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    expect(ran.stdout).toBe('answer to first prompt\nanswer to second prompt\nanswer to third prompt\n');
    expect(current.model.requests.map((request) => conversation(request.body.messages))).toEqual([
      [{ role: 'user', text: 'first prompt' }],
      [
        { role: 'user', text: 'first prompt' },
        { role: 'assistant', text: 'answer to first prompt' },
        { role: 'user', text: 'second prompt' },
      ],
      [
        { role: 'user', text: 'first prompt' },
        { role: 'assistant', text: 'answer to first prompt' },
        { role: 'user', text: 'second prompt' },
        { role: 'assistant', text: 'answer to second prompt' },
        { role: 'user', text: 'third prompt' },
      ],
    ]);
  });

  it('the README loop with nudge in place of send (the same value shape) waits for its own turn-finished each time', async () => {
    const world = await openWorld({ script: replyScript((text) => ({ text: `answer to ${text}`, deltaIntervalMs: 5 })) });
    await world.launch();
    await ctlReady(world);
    const send = `agentmux ctl --json send -t alpha "$prompt"`;
    const script = readmeChainScript();
    expect(script).toContain(send);
    const ran = await runChain(world, script.replace(send, `agentmux ctl --json nudge -t alpha "$prompt"`));
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    expect(ran.stdout).toBe('answer to first prompt\nanswer to second prompt\nanswer to third prompt\n');
    // One request per prompt, each sent only after the previous answer: never two prompts in one request.
    const users = world.model.requests.map((request) => conversation(request.body.messages).filter((message) => message.role === 'user').length);
    expect(users).toEqual([1, 2, 3]);
  });

  it('the README loop stops (status 1) when the cockpit is killed while it waits, instead of sending the next prompt', async () => {
    const held = gate();
    // The first prompt is answered; the second is held mid-answer until the test ends.
    const world = await openWorld({
      script: replyScript((text) => (text === 'second prompt' ? { text: 'never finished', tokensPerDelta: 1, hold: { afterDeltas: 1, until: held.until } } : { text: `answer to ${text}`, deltaIntervalMs: 5 })),
    });
    try {
      const app = await world.launch();
      await ctlReady(world);
      const chain = runChain(world, readmeChainScript());
      // The second prompt goes out only after the first one's turn-finished (its answer is in the request).
      await eventually(() => world.model.requests.length, (count) => count >= 2, 'the second prompt at the model', 30_000);
      expect(conversation(world.model.requests[1]?.body.messages ?? [])).toEqual([
        { role: 'user', text: 'first prompt' },
        { role: 'assistant', text: 'answer to first prompt' },
        { role: 'user', text: 'second prompt' },
      ]);
      app.kill();
      const ran = await chain;
      expect(ran.status).toBe(1);
      expect(ran.stdout).toBe('answer to first prompt\n');
      // ctl events said why and exited 3 (the cockpit went away, no shutdown line); the loop said so.
      expect(ran.stderr).toMatch(/the cockpit went away/);
      expect(ran.stderr).toMatch(/chain\.sh: ctl events ended \(status 3\) before the answer\n$/);
      // Nothing after the kill: the loop did not try the third prompt.
      expect(world.model.requests).toHaveLength(2);
      expect(callsOf(world)).toEqual(['ctl events', 'ctl --json send -t alpha first prompt', 'ctl --json send -t alpha second prompt']);
    } finally {
      held.release();
    }
  });

  it('the README loop stops at once when no cockpit holds the store', async () => {
    const world = await openWorld({ script: replyScript((text) => ({ text: `answer to ${text}` })) });
    const ran = await runChain(world, readmeChainScript());
    expect(ran.status).toBe(1);
    expect(ran.stdout).toBe('');
    // It stopped before sending anything: only `ctl events` ran (it exited 3: nothing answers).
    expect(callsOf(world)).toEqual(['ctl events']);
    expect(ran.stderr).toMatch(/no agentmux is listening/);
  });
});