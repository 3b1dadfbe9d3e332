// A journal that parses but cannot be replayed puts its agent in `error` with the same message
// every load problem has (DESIGN.md §3): `PATH:LINE: problem (copy kept at PATH2)`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { FileSessionStore } from '../../src/adapters/store/file-session-store.js';
import type { Entry } from '../../src/core/entry.js';
import { startHarness, type Harness } from './harness.js';

let harness: Harness | undefined;
let dir: string | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

function userEntry(id: string, parent: string | null): Entry {
  return { kind: 'user', id, parent, at: 1, provenance: { kind: 'local' }, origin: 'typed', opensTurn: true, text: id };
}

it('an entry with an unknown parent puts the agent in error as PATH:LINE: problem (copy kept at PATH2)', async () => {
  dir = mkdtempSync(join(tmpdir(), 'agentmux-replay-'));
  const opened = FileSessionStore.open(dir);
  if (!opened.ok) throw new Error(opened.error);
  const writer = opened.value.create({ t: 'session', v: 1, id: 'broken', name: 'alpha', created: 1, model: 'claude-sonnet-4-6' });
  if (!writer.ok) throw new Error(writer.error);
  expect(writer.value.append({ t: 'entry', entry: userEntry('e1', null) }).ok).toBe(true);
  expect(writer.value.append({ t: 'entry', entry: userEntry('e2', 'ghost') }).ok).toBe(true);
  await opened.value.close();
  const journal = join(dir, 'journals', 'broken.jsonl');
  const before = readFileSync(journal);

  harness = await startHarness([], { dir });
  const agent = harness.controller.find('alpha');
  if (agent?.kind !== 'broken') throw new Error(`alpha should be a broken agent, is ${agent?.kind ?? 'missing'}`);
  expect(agent.state).toBe('error');
  const escaped = journal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`^${escaped}:3: (.*ghost.*) \\(copy kept at (.+)\\)$`).exec(agent.loadError);
  expect(match, agent.loadError).not.toBeNull();
  const copy = match?.[2] ?? '';
  expect(dirname(copy)).toBe(join(dir, 'quarantine'));
  expect(readFileSync(copy)).toEqual(before);
  expect(readFileSync(journal)).toEqual(before);
});
