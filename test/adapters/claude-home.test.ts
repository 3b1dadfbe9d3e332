import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  approvedKeySuffix,
  claudeEnv,
  CLAUDE_READY_PATTERN,
  prepareClaudeHome,
} from '../../src/adapters/claude-home.js';
import { parseLayout } from '../../src/core/layout-file.js';

let base: string;
beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'agentmux-claude-home-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const ClaudeJson = z.object({
  hasCompletedOnboarding: z.literal(true),
  customApiKeyResponses: z.object({ approved: z.array(z.string()), rejected: z.array(z.string()) }),
  projects: z.record(z.string(), z.object({ hasTrustDialogAccepted: z.literal(true) })),
});

const KEY = 'sk-test-key-0123456789abcdefghij';

function readConfig(file: string): z.infer<typeof ClaudeJson> {
  return ClaudeJson.parse(JSON.parse(readFileSync(file, 'utf8')));
}

describe('prepareClaudeHome', () => {
  it('writes .claude.json with onboarding done, the key suffix approved and the cwd trusted', () => {
    const cwd = path.join(base, 'work');
    mkdirSync(cwd);
    const home = path.join(base, 'home', 'nested');
    const prepared = prepareClaudeHome(home, { apiKey: KEY, cwd });
    expect(prepared).toEqual({
      ok: true,
      value: { home, configPath: path.join(home, '.claude.json') },
    });
    const config = readConfig(path.join(home, '.claude.json'));
    expect(config.customApiKeyResponses).toEqual({
      approved: ['0123456789abcdefghij'],
      rejected: [],
    });
    expect(Object.keys(config.projects)).toEqual([cwd]);
  });

  it('never writes the whole key, only the last 20 characters Claude Code compares', () => {
    const cwd = path.join(base, 'work');
    mkdirSync(cwd);
    prepareClaudeHome(path.join(base, 'home'), { apiKey: KEY, cwd });
    const text = readFileSync(path.join(base, 'home', '.claude.json'), 'utf8');
    expect(text).not.toContain(KEY);
    expect(approvedKeySuffix(KEY)).toHaveLength(20);
    expect(approvedKeySuffix('short')).toBe('short');
  });

  it('keeps the file private to its owner', () => {
    const cwd = path.join(base, 'work');
    mkdirSync(cwd);
    prepareClaudeHome(path.join(base, 'home'), { apiKey: KEY, cwd });
    expect(statSync(path.join(base, 'home', '.claude.json')).mode & 0o077).toBe(0);
  });

  it('trusts a symlinked cwd both as given and by its real path', () => {
    const real = path.join(base, 'real');
    mkdirSync(real);
    const link = path.join(base, 'link');
    symlinkSync(real, link);
    prepareClaudeHome(path.join(base, 'home'), { apiKey: KEY, cwd: link });
    const config = readConfig(path.join(base, 'home', '.claude.json'));
    expect(Object.keys(config.projects).sort()).toEqual([link, path.join(base, 'real')].sort());
  });

  it('returns an error naming the cwd when it does not exist, and writes nothing', () => {
    const prepared = prepareClaudeHome(path.join(base, 'home'), {
      apiKey: KEY,
      cwd: path.join(base, 'missing'),
    });
    expect(prepared.ok).toBe(false);
    if (!prepared.ok) expect(prepared.error).toContain(path.join(base, 'missing'));
    expect(() => statSync(path.join(base, 'home'))).toThrow();
  });

  it('refuses an empty key', () => {
    expect(prepareClaudeHome(path.join(base, 'home'), { apiKey: '', cwd: base }).ok).toBe(false);
  });
});

describe('claudeEnv', () => {
  it('points Claude Code at the endpoint with the non-essential traffic switched off', () => {
    const env = claudeEnv({
      home: '/h',
      baseURL: 'http://127.0.0.1:9',
      apiKey: KEY,
      model: 'claude-sonnet-4-6',
    });
    expect(env).toMatchObject({
      HOME: '/h',
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9',
      ANTHROPIC_API_KEY: KEY,
      ANTHROPIC_MODEL: 'claude-sonnet-4-6',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      DISABLE_AUTOUPDATER: '1',
      CLAUDE_CODE_DISABLE_OFFICIAL_MARKETPLACE_AUTOINSTALL: '1',
    });
    expect(claudeEnv({ home: '/h', baseURL: 'http://x', apiKey: KEY })).not.toHaveProperty(
      'ANTHROPIC_MODEL',
    );
  });
});

describe('examples/claude-code.json', () => {
  it('validates as a layout whose claude agent uses the documented ready pattern', () => {
    const file = path.resolve('examples', 'claude-code.json');
    const layout = parseLayout(file, readFileSync(file, 'utf8'));
    if (!layout.ok) throw new Error(layout.error);
    const claude = layout.value.agents.find((agent) => agent.kind === 'pty' && agent.command[0] === 'claude');
    expect(claude?.kind === 'pty' ? claude.ready : 'not a PTY agent').toBe(CLAUDE_READY_PATTERN);
    expect(claude?.kind === 'pty' ? claude.env : 'not a PTY agent').toMatchObject({ CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' });
    expect(layout.value.agents.some((agent) => agent.kind === 'sdk')).toBe(true);
  });
});
