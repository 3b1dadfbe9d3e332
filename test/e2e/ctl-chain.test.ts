// e2e: the README's shell loop, run as written — it follows `ctl events`, sends each prompt with
// `ctl --json send`, and waits for the `turn-finished` that lists its own delivery id before it
// sends the next. The model must see each prompt only after the previous one was answered.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ctlReady } from './ctl-kit.js';
import { conversation, makeWorld, replyScript, type World } from './e2e-kit.js';
import { AGENTMUX_BIN, baseEnv } from './terminal-driver.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** The README's `chain.sh` block, exactly as documented. */
function readmeChainScript(): string {
  const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '').find((text) => text.includes('# ./chain.sh'));
  if (block === undefined) throw new Error('README.md has no ```sh block with # ./chain.sh');
  return block;
}

describe('agentmux e2e: ctl from a shell script', { timeout: 90_000 }, () => {
  it('the README loop sends each prompt once the turn answering its own delivery has finished', async () => {
    world = await makeWorld({ script: replyScript((text) => ({ text: `answer to ${text}`, deltaIntervalMs: 5 })) });
    await world.launch();
    await ctlReady(world);
    const current = world;
    current.script('agentmux', `exec "${process.execPath}" "${AGENTMUX_BIN}" "$@"`);
    const chain = join(current.dir, 'chain.sh');
    writeFileSync(chain, readmeChainScript());
    writeFileSync(join(current.dir, 'prompts.txt'), 'first prompt\nsecond prompt\nthird prompt\n');
    const ran = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
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
});
