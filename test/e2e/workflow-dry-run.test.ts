// e2e (issue 16): `agentmux run --dry-run` on the shipped review workflow calls no model (counted at
// the scripted model server the environment points at) and prints agents and cost per phase; a
// headless run projected above --confirm-over-usd is refused before any call unless --yes, and one
// projected below it runs.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startScriptedModel, type ScriptedModel } from '../../src/adapters/scripted-model/server.js';
import { queueScript } from '../../src/adapters/scripted-model/script.js';
import { runAgentmux, tempDir } from './e2e-kit.js';

const dirs: string[] = [];
const models: ScriptedModel[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  await Promise.all(models.splice(0).map((model) => model.close()));
});

async function world(): Promise<{ dir: string; model: ScriptedModel; env: Record<string, string> }> {
  const dir = tempDir();
  dirs.push(dir);
  const model = await startScriptedModel({ script: queueScript([{ text: 'one idea' }, { text: 'another idea' }]) });
  models.push(model);
  return { dir, model, env: { ANTHROPIC_BASE_URL: model.url, ANTHROPIC_API_KEY: 'test-key' } };
}

const TWO_AGENTS = "export const meta = { name: 'two', description: 'two agents', phases: [{ title: 'Ask' }] };\nphase('Ask');\nconst a = await agent('first');\nconst b = await agent('second');\nreturn [a, b];\n";

describe('agentmux e2e: dry runs and confirming before spending', { timeout: 90_000 }, () => {
  it('a dry run of the shipped review workflow calls no model and prints agents and cost per phase with its assumptions', async () => {
    const { dir, model, env } = await world();
    const ran = await runAgentmux(['run', 'review', '--dry-run', '--assume-items', '2', '--sessions', 'store'], dir, env);
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    expect(model.requests.length).toBe(0);
    expect(ran.stdout).toContain('Dry run of review: no model was called');
    expect(ran.stdout).toContain('2 items in every array of a structured answer (--assume-items)');
    expect(ran.stdout).toContain('30,000 tokens per agent (--assume-tokens)');
    expect(ran.stdout).toMatch(/Review\s+3\s+\$0\.270 – \$1\.350\s+claude-sonnet-4-6/u);
    expect(ran.stdout).toMatch(/Verify\s+6\s+/u);
    expect(ran.stdout).toMatch(/total\s+9\s+/u);
  });

  it('a headless run projected above --confirm-over-usd is refused before any model call, and --yes starts it', async () => {
    const { dir, model, env } = await world();
    writeFileSync(join(dir, 'two.js'), TWO_AGENTS);
    // Two agents at 30,000 tokens on sonnet: $0.18 – $0.90.
    const refused = await runAgentmux(['run', './two.js', '--headless', '--confirm-over-usd', '0.5', '--sessions', 'store'], dir, env);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('refused: two is projected at up to $0.90');
    expect(refused.stderr).toContain('add --yes');
    expect(model.requests.length).toBe(0);
    const confirmed = await runAgentmux(['run', './two.js', '--headless', '--confirm-over-usd', '0.5', '--yes', '--sessions', 'store'], dir, env);
    expect(confirmed.status).toBe(0);
    expect(confirmed.stdout).toBe('["one idea","another idea"]\n');
    expect(model.requests.length).toBe(2);
  });

  it('a headless run projected below the threshold (here from the providers file) starts without asking', async () => {
    const { dir, model, env } = await world();
    writeFileSync(join(dir, 'two.js'), TWO_AGENTS);
    writeFileSync(join(dir, 'providers.json'), JSON.stringify({ confirmOverUsd: 1 }));
    const ran = await runAgentmux(['run', './two.js', '--headless', '--providers', 'providers.json', '--sessions', 'store'], dir, env);
    expect(ran.stderr).not.toContain('refused');
    expect(ran.status).toBe(0);
    expect(model.requests.length).toBe(2);
  });
});
