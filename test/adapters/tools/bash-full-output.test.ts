// A huge bash output through the agent's tool host: the model gets a capped text that says
// how much was cut, the outcome keeps the whole output, and that output survives a journal
// write and a reload as a content-addressed blob.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSessionStore } from '../../../src/adapters/store/file-session-store.js';
import { createWorkspaceToolHost } from '../../../src/adapters/tools/full-tool-host.js';
import type { Entry } from '../../../src/core/entry.js';
import { filesUnder, header, makeTempDir, removeTempDir, userEntry } from '../store/store-test-kit.js';
import { createTempWorkspace, type TempWorkspace } from './workspace-fixture.js';

let ws: TempWorkspace;
let storeDir: string;
beforeEach(() => {
  ws = createTempWorkspace();
  storeDir = makeTempDir();
});
afterEach(() => {
  ws.dispose();
  removeTempDir(storeDir);
});

function openStore(): FileSessionStore {
  const opened = FileSessionStore.open(storeDir);
  if (!opened.ok) throw new Error(opened.error);
  return opened.value;
}

describe('bash: huge output', () => {
  it('seq 1 2000000 is capped for the model, kept whole, streamed live, and reloads from a blob', { timeout: 180_000 }, async () => {
    const expected = `${Array.from({ length: 2_000_000 }, (_, i) => i + 1).join('\n')}\n`;
    let streamed = 0;
    const host = createWorkspaceToolHost({ write: true });
    const outcome = await host.run(
      { id: 'use-1', name: 'bash', input: { command: 'seq 1 2000000', timeout_ms: 170_000 } },
      { cwd: ws.cwd, signal: new AbortController().signal, onOutput: (chunk) => (streamed += chunk.length) },
    );

    // Live chunks came through the host (the pty's \r\n counts one more character per line).
    expect(streamed).toBe(expected.length + 2_000_000);
    expect(outcome.isError).toBe(false);
    expect(outcome.content.length).toBeLessThan(30_300);
    expect(outcome.content.startsWith('1\n2\n3\n')).toBe(true);
    expect(outcome.content.endsWith('1999999\n2000000\n[exit code 0]')).toBe(true);
    expect(outcome.content).toContain(
      `[… ${expected.length - 30_000} of ${expected.length} characters of output cut here; ` +
        'the first and last 15000 are shown; the whole output is kept in the session …]',
    );
    expect(outcome.fullOutput).toBe(expected);

    const store = openStore();
    const writer = store.create(header('s1', 'alpha'));
    if (!writer.ok) throw new Error(writer.error);
    const result: Entry = {
      kind: 'tool-result',
      id: 'e2',
      parent: 'e1',
      at: 2,
      provenance: { kind: 'local' },
      toolUseId: 'use-1',
      toolName: 'bash',
      content: outcome.content,
      isError: outcome.isError,
      ...(outcome.fullOutput === undefined ? {} : { fullOutput: outcome.fullOutput }),
    };
    for (const entry of [userEntry('e1', null, 'count'), result]) {
      const appended = writer.value.append({ t: 'entry', entry });
      if (!appended.ok) throw new Error(appended.error);
    }
    writer.value.close();
    await store.close();

    // The journal holds references, the blobs the text: 2 (content and fullOutput).
    const lines = fs.readFileSync(path.join(storeDir, 'journals', 's1.jsonl'), 'utf8').trimEnd().split('\n');
    for (const line of lines) expect(line.length).toBeLessThan(1_000);
    expect(filesUnder(path.join(storeDir, 'blobs'))).toHaveLength(2);

    const reopened = openStore();
    try {
      const loaded = reopened.load('s1');
      if (!loaded.ok) throw new Error(loaded.error.message);
      const reloaded = loaded.value.records.flatMap((record) => (record.t === 'entry' ? [record.entry] : []));
      expect(reloaded[1]).toEqual(result);
    } finally {
      await reopened.close();
    }
  });
});
